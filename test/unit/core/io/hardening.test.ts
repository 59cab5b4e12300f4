import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerReadsAsTitle, MAX_CELL_CHARS, readTable } from '../../../../electron/core/io/index.js';
import { writeZip } from '../../../bench/suite-helpers.js';
import { inputError, tempFolder } from './helpers.js';

// Issue 12: the readers keep one pathological cell from costing more than a cell's worth of
// memory, refuse a quote that swallows the rest of a file, warn about stray bytes in UTF-8, and
// pick the first visible sheet of an ODS file as they do for XLSX.
const tmp = tempFolder('titlematch-hardening-');

const XLSX_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An XLSX with one sheet of rows (`<row>` XML) and, when given, a shared strings part. */
async function xlsx(name: string, rowsXml: string, sharedStrings?: string): Promise<string> {
  const path = join(tmp.dir, name);
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (sharedStrings !== undefined) rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<workbook xmlns="${XLSX_NS}" xmlns:r="${REL}"><sheets><sheet name="Titles" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`],
    ['xl/worksheets/sheet1.xml', `<worksheet xmlns="${XLSX_NS}"><sheetData>${rowsXml}</sheetData></worksheet>`],
  ];
  if (sharedStrings !== undefined) parts.push(['xl/sharedStrings.xml', `<sst xmlns="${XLSX_NS}">${sharedStrings}</sst>`]);
  await writeZip(path, parts);
  return path;
}

const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';

/** An ODS whose tables are given as [name, hidden, rows of cell texts]. */
async function ods(name: string, tables: [string, boolean, string[][]][]): Promise<string> {
  const path = join(tmp.dir, name);
  const body = tables
    .map(
      ([sheet, hidden, rows]) =>
        `<table:table table:name="${sheet}" table:style-name="${hidden ? 'ta2' : 'ta1'}">${rows
          .map((r) => `<table:table-row>${r.map((c) => `<table:table-cell office:value-type="string"><text:p>${c}</text:p></table:table-cell>`).join('')}</table:table-row>`)
          .join('')}</table:table>`,
    )
    .join('');
  const content =
    `<office:document-content ${ODS_NS}><office:automatic-styles>` +
    '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
    '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>' +
    `</office:automatic-styles><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
  await writeZip(path, [
    ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['content.xml', content],
  ]);
  return path;
}

describe('one huge cell', () => {
  it('stops a CSV at the cell, naming its line and column, before holding the rest', async () => {
    const path = tmp.file('huge-cell.csv', `title,notes\nNurse,short\nChef,${'x'.repeat(5_000_000)}\nDriver,ok\n`);
    const e = await inputError(readTable(path));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/huge-cell\.csv: the cell in line 3, column 2 holds more than 32,767 characters/);
    expect(e.message).toMatch(/shorten that cell/);
  });

  it('accepts a cell of exactly the limit, as Excel does', async () => {
    const long = 'y'.repeat(MAX_CELL_CHARS);
    const t = await readTable(tmp.file('at-limit.csv', `title,notes\nNurse,${long}\n`));
    expect(t.rows[0][1]).toHaveLength(MAX_CELL_CHARS);
  });

  it('stops an XLSX shared string that unpacks to megabytes, naming it', async () => {
    // 8 MiB of text that deflates to a few KB: a small file, a huge cell.
    const path = await xlsx('bomb.xlsx', '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>', `<si><t>Title</t></si><si><t>${'A'.repeat(8 << 20)}</t></si>`);
    const e = await inputError(readTable(path));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/bomb\.xlsx: text number 2 of its shared strings .* holds more than 32,767 characters/);
  });

  it('stops an XLSX inline cell past the limit, naming the cell', async () => {
    const path = await xlsx('inline.xlsx', `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>${'&amp;'.repeat(40_000)}</t></is></c></row>`);
    const e = await inputError(readTable(path));
    expect(e.message).toMatch(/inline\.xlsx \(sheet "Titles"\), cell B2, holds more than 32,767 characters/);
  });

  it('stops an ODS cell past the limit, naming the cell', async () => {
    const path = await ods('long.ods', [['Data', false, [['Title'], ['Nurse'], ['z'.repeat(40_000)]]]]);
    const e = await inputError(readTable(path));
    expect(e.message).toMatch(/long\.ods \(sheet "Data"\), cell A3, holds more than 32,767 characters/);
  });
});

describe('a small workbook that describes a huge table', () => {
  it('stops an ODS whose repeated rows and columns make a billion cells', async () => {
    const path = join(tmp.dir, 'repeat-bomb.ods');
    const row = '<table:table-row table:number-rows-repeated="900000"><table:table-cell table:number-columns-repeated="16000"><text:p>Software Engineer</text:p></table:table-cell></table:table-row>';
    await writeZip(path, [
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['content.xml', `<office:document-content ${ODS_NS}><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell><text:p>title</text:p></table:table-cell></table:table-row>${row}</table:table></office:spreadsheet></office:body></office:document-content>`],
    ]);
    const e = await inputError(readTable(path));
    expect(e.message).toMatch(/repeat-bomb\.ods \(sheet "S"\) has more than 30,000,000 cells/);
  });

  it('stops an XLSX of sparse rows whose one cell sits in the last column', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
    const path = await xlsx('sparse.xlsx', `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row>${rows}`);
    const e = await inputError(readTable(path));
    expect(e.message).toMatch(/sparse\.xlsx \(sheet "Titles"\) has more than 30,000,000 cells/);
  });
});

describe('a quote that is never closed', () => {
  it('is refused when it would swallow the lines after it, naming the line it opens in', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `Title ${i},${i}`).join('\n');
    const e = await inputError(readTable(tmp.file('unclosed-first.csv', `title,n\n"Nurse,1\n${rows}\n`)));
    expect(e.code).toBe('unclosed-quote');
    expect(e.message).toMatch(/unclosed-first\.csv: the quote that opens a cell in line 2 is never closed/);
  });

  it('is refused as a too-long cell when the rest of the file is large, pointing at the quote', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Title ${i},${i}`).join('\n');
    const e = await inputError(readTable(tmp.file('unclosed-big.csv', `title,n\n"Nurse,1\n${rows}\n`)));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/line 2, column 1 .* the quote that opens it is probably never closed/);
  });

  it('is a warning when it only runs to the end of the last line', async () => {
    const t = await readTable(tmp.file('unclosed-last.csv', 'title,n\nNurse,1\n"Chef,2'));
    expect(t.rows).toEqual([['Nurse', '1'], ['Chef,2']]);
    expect(t.warnings?.[0]).toMatch(/never closed/);
  });
});

describe('text encodings', () => {
  it('keeps UTF-8 with one stray Windows-1252 byte as UTF-8, and says where the byte is', async () => {
    const bytes = Buffer.concat([Buffer.from('title\nDéveloppeur\nIngénieur\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]);
    const t = await readTable(tmp.file('mixed.csv', bytes));
    expect(t.encoding).toBe('utf-8');
    expect(t.rows).toEqual([['Développeur'], ['Ingénieur'], ['Caf\uFFFD']]);
    expect(t.warnings?.[0]).toMatch(/1 byte\(s\) are not valid UTF-8 \(the first in line 4\)/);
  });

  it('still reads a Windows-1252 file as Windows-1252, without a warning', async () => {
    const t = await readTable(tmp.file('cp1252.csv', Buffer.from('title\nD\xe9veloppeur\nCaf\xe9\n', 'latin1')));
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows).toEqual([['Développeur'], ['Café']]);
    expect(t.warnings).toBeUndefined();
  });
});

describe('ODS sheets', () => {
  it('reads the first visible sheet, as for XLSX, and lists the hidden one', async () => {
    const path = await ods('hidden-first.ods', [
      ['Lookup', true, [['Code'], ['secret']]],
      ['Titles', false, [['Title'], ['Nurse']]],
    ]);
    const t = await readTable(path);
    expect(t.sheet).toBe('Titles');
    expect(t.sheets).toEqual(['Lookup', 'Titles']);
    expect(t.rows).toEqual([['Nurse']]);
    expect((await readTable(path, { sheet: 'Lookup' })).rows).toEqual([['secret']]);
  });
});

describe('a list of titles without a header', () => {
  it('is told from a list with a header', async () => {
    const list = await readTable(tmp.file('list.csv', 'Software Engineer\nRegistered Nurse\nTruck Driver\n'), { header: true });
    expect(headerReadsAsTitle(list)).toBe(true);
    for (const header of ['Job Title', 'Candidates', 'Name', 'Position held']) {
      const t = await readTable(tmp.file('headed.csv', `${header}\nSoftware Engineer\nRegistered Nurse\n`), { header: true });
      expect(headerReadsAsTitle(t), header).toBe(false);
    }
  });
});
