import { describe, expect, it } from 'vitest';
import { previewColumns, suggestTitleColumn } from '../../../../electron/core/io/index.js';
import type { Table } from '../../../../electron/core/io/index.js';

const table = (columns: string[], rows: string[][]): Table => ({ path: 't.csv', sheets: [], columns, rows });

describe('suggestTitleColumn', () => {
  it('takes a header that names the title column, in several languages', () => {
    expect(suggestTitleColumn(table(['Name', 'Job Title', 'City'], []))).toEqual({ index: 1, name: 'Job Title', reason: 'header' });
    expect(suggestTitleColumn(table(['id', 'current_position'], []))).toMatchObject({ name: 'current_position', reason: 'header' });
    expect(suggestTitleColumn(table(['Nom', 'Intitulé du poste'], []))).toMatchObject({ name: 'Intitulé du poste' });
  });

  it('does not take "Job ID" for the title column', () => {
    const t = table(['Job ID', 'Candidate', 'Applied for'], [
      ['J-1', 'Ada Lovelace', 'Senior Software Engineer'],
      ['J-2', 'Grace Hopper', 'Registered Nurse'],
      ['J-3', 'Alan Turing', 'Sales Manager'],
    ]);
    expect(suggestTitleColumn(t)).toEqual({ index: 2, name: 'Applied for', reason: 'values' });
  });

  it('finds titles by their values when no header says so, over names, cities and e-mails', () => {
    const t = table(['Person', 'Mail', 'Current', 'Town'], [
      ['Zoë Ångström', 'zoe@example.org', 'Développeuse web senior', 'Zürich'],
      ['Li Xiaolong', 'li@example.cn', 'Data Analyst', 'Beijing'],
      ['Seán O’Brien', 'sean@example.ie', 'Night Nurse', 'Dublin'],
      ['Anaïs Dupont', 'ana@example.fr', 'Head Chef', 'Lyon'],
    ]);
    expect(suggestTitleColumn(t)).toEqual({ index: 2, name: 'Current', reason: 'values' });
  });

  it('suggests the only column, and nothing when no column looks like titles', () => {
    expect(suggestTitleColumn(table(['Whatever'], [['x']]))).toEqual({ index: 0, name: 'Whatever', reason: 'only' });
    expect(suggestTitleColumn(table(['a', 'b'], [['1', '2024-01-01'], ['2', '2024-01-02']]))).toBeUndefined();
  });
});

describe('previewColumns', () => {
  it('lists each column with distinct samples from the top and its filled count', () => {
    const t = table(['title', 'city'], [['Nurse', 'Lyon'], [], ['Nurse', ''], ['Chef', 'Paris'], ['Cook', 'Nice']]);
    expect(previewColumns(t, 2)).toEqual([
      { index: 0, name: 'title', samples: ['Nurse', 'Chef'], filled: 4 },
      { index: 1, name: 'city', samples: ['Lyon', 'Paris'], filled: 3 },
    ]);
  });
});
