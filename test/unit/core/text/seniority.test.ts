import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, seniorityLevel } from '../../../../electron/core/text/seniority.js';

// Hand-written before the rules: titles a recruiter reads, with the level they state.
const table = readFileSync(join(import.meta.dirname, '../../../fixtures/seniority-levels.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => l.split('\t'));

describe('seniority levels', () => {
  it('the table covers every level with at least 200 titles', () => {
    expect(table.length).toBeGreaterThanOrEqual(200);
    for (const level of LEVELS) expect(table.filter(([, l]) => l === level).length, level).toBeGreaterThanOrEqual(10);
  });

  it.each(table.map(([title, level, note]) => [title, level, note ?? '']))('%s -> %s %s', (title, level) => {
    expect(seniorityLevel(title).level).toBe(level);
  });

  it('names the words that decided', () => {
    expect(seniorityLevel('Sr. Software Engineer')).toEqual({ level: 'senior', rank: 3, cue: 'senior' });
    expect(seniorityLevel('Software Engineer III').cue).toBe('iii');
    expect(seniorityLevel('Nurse')).toEqual({ level: 'mid', rank: 2, cue: '' });
  });
});
