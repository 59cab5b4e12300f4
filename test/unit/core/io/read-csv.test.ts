import { describe, expect, it } from 'vitest';
import { findColumn, readTable } from '../../../../electron/core/io/index.js';
import { inputError, tempFolder, utf16 } from './helpers.js';

const tmp = tempFolder();
const SAMPLE = 'Name,Job Title,City\r\nZoë Ångström,Développeuse web,Zürich\r\n李小龙,软件工程师 🚀,北京\r\n';
const EXPECTED = [
  ['Zoë Ångström', 'Développeuse web', 'Zürich'],
  ['李小龙', '软件工程师 🚀', '北京'],
];

describe('readTable on delimited text', () => {
  it.each([
    ['utf-8 without BOM', Buffer.from(SAMPLE, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), 'utf-8'],
    ['utf-16le with BOM', utf16(SAMPLE, 'le'), 'utf-16le'],
    ['utf-16be with BOM', utf16(SAMPLE, 'be'), 'utf-16be'],
  ])('decodes %s', async (_label, bytes, encoding) => {
    const t = await readTable(tmp.file(`enc-${encoding}-${bytes.length}.csv`, bytes));
    expect(t.encoding).toBe(encoding);
    expect(t.columns).toEqual(['Name', 'Job Title', 'City']);
    expect(t.rows).toEqual(EXPECTED);
    expect(t.format).toBe('csv');
  });

  it('detects Windows-1252 and converts it (accents, euro sign, curly quotes)', async () => {
    // "Directeur financier";"Chargée d’affaires";"Budget €"  in cp1252 bytes
    const bytes = Buffer.from([
      ...Buffer.from('title;note\r\nCharg'), 0xe9, ...Buffer.from('e d'), 0x92, ...Buffer.from('affaires;'), 0x80, ...Buffer.from(' budget\r\n'),
      ...Buffer.from('Directeur g'), 0xe9, ...Buffer.from('n'), 0xe9, ...Buffer.from('ral;na'), 0xef, ...Buffer.from('ve\r\n'),
    ]);
    const t = await readTable(tmp.file('cp1252.csv', bytes));
    expect(t.encoding).toBe('windows-1252');
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([
      ['Chargée d’affaires', '€ budget'],
      ['Directeur général', 'naïve'],
    ]);
  });

  it('falls back to Windows-1252 even when the first invalid byte is past the first megabyte', async () => {
    const filler = 'Software Engineer,Paris\n'.repeat(60_000);
    const bytes = Buffer.concat([Buffer.from(`title,city\n${filler}`), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x58, 0x0a])]);
    const t = await readTable(tmp.file('late-1252.csv', bytes));
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows).toHaveLength(60_001);
    expect(t.rows[60_000]).toEqual(['Café', 'X']);
  });

  it('keeps blank rows in place so row numbers match the sheet, and drops trailing blank lines', async () => {
    const t = await readTable(tmp.file('blank.csv', '\n\ntitle,id\nNurse,1\n\n,\nChef,3\n\n\n'));
    expect(t.headerRow).toBe(3);
    expect(t.rows).toEqual([['Nurse', '1'], [], [], ['Chef', '3']]);
  });

  it('reads TSV and pipe files, and multi-line quoted cells', async () => {
    const tsv = await readTable(tmp.file('a.tsv', 'title\tnote\nNurse\t"line one\nline two"\nChef, head\tx\n'));
    expect(tsv.delimiter).toBe('\t');
    expect(tsv.rows).toEqual([['Nurse', 'line one\nline two'], ['Chef, head', 'x']]);
    const pipe = await readTable(tmp.file('a.txt', 'title|note\nNurse|a, b\nChef|c; d\n'));
    expect(pipe.delimiter).toBe('|');
    expect(pipe.rows[1]).toEqual(['Chef', 'c; d']);
  });

  it('treats a first row of data as data, naming the columns "Column N"', async () => {
    const t = await readTable(tmp.file('nohead.csv', 'Nurse,42,nurse@example.org\nChef,17,chef@example.org\n'));
    expect(t.headerRow).toBe(0);
    expect(t.columns).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(t.rows).toHaveLength(2);
    const forced = await readTable(tmp.file('forced.csv', 'Nurse\nChef\n'), { header: false });
    expect(forced.rows).toEqual([['Nurse'], ['Chef']]);
  });

  it('names blank and repeated headers, and widens to the longest row', async () => {
    const t = await readTable(tmp.file('names.csv', 'title,,title\na,b,c,d\n'));
    expect(t.columns).toEqual(['title', 'Column 2', 'title (2)', 'Column 4']);
    expect(t.rows[0]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads a one-column file', async () => {
    const t = await readTable(tmp.file('one.csv', 'title\nNurse\nSoftware Engineer, Senior\n'));
    expect(t.columns).toEqual(['title']);
    expect(t.rows).toEqual([['Nurse'], ['Software Engineer, Senior']]);
  });

  it('refuses a quote that is never closed and swallows the lines after it', async () => {
    const e = await inputError(readTable(tmp.file('unclosed.csv', 'title,note\nNurse,"oops\nChef,x\n')));
    expect(e.message).toMatch(/line 2 is never closed/);
  });

});

describe('readTable rejects bad input with a message that says what to do', () => {
  it('missing file', async () => {
    const e = await inputError(readTable(`${tmp.dir}/nope.csv`));
    expect(e.code).toBe('not-found');
    expect(e.message).toContain('nope.csv does not exist');
  });

  it('folder', async () => {
    expect((await inputError(readTable(tmp.dir))).code).toBe('not-a-file');
  });

  it('empty file, blank-only file and header-only file', async () => {
    expect((await inputError(readTable(tmp.file('empty.csv', '')))).code).toBe('empty');
    expect((await inputError(readTable(tmp.file('blank-only.csv', '\n , \n\n')))).message).toMatch(/has no rows/);
    expect((await inputError(readTable(tmp.file('header-only.csv', 'title,city\n')))).message).toMatch(/no data rows/);
  });

  it('binary data with a spreadsheet extension', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const e = await inputError(readTable(tmp.file('garbage.csv', bytes)));
    expect(e.code).toBe('binary');
    expect(e.message).toMatch(/despite its \.csv extension.*save it as CSV/);
  });

  it('more rows than the limit, naming the limit', async () => {
    const e = await inputError(readTable(tmp.file('rows.csv', 'title\na\nb\nc\nd\n'), { maxRows: 3 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('more than 3 data rows');
    await expect(readTable(tmp.file('rows3.csv', 'title\na\nb\nc\n'), { maxRows: 3 })).resolves.toMatchObject({ rows: [['a'], ['b'], ['c']] });
  });

  it('a file past the size limit, naming the limit', async () => {
    const e = await inputError(readTable(tmp.file('big.csv', 'title\n' + 'x\n'.repeat(2000)), { maxBytes: 1024 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('up to 1 KB');
  });

  it('a sheet asked of a text file, and a column that does not exist', async () => {
    const path = tmp.file('cols.csv', 'title,city\nNurse,Paris\n');
    expect((await inputError(readTable(path, { sheet: 'Sheet1' }))).code).toBe('no-sheet');
    const t = await readTable(path);
    expect(findColumn(t, 'TITLE ')).toBe(0);
    expect(findColumn(t, '2')).toBe(1);
    expect(() => findColumn(t, 'role')).toThrow(/no column "role". Its columns are: "title", "city"/);
  });
});
