import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { InputError, readTable } from '../../../../electron/core/io/index.js';
import { tempFolder } from './helpers.js';

// Workbooks built part by part, for what the fixture programs do not write: other generators'
// habits (prefixed elements, inline strings, no styles), the 1904 date system, sparse rows.
const tmp = tempFolder('titlematch-xlsx-');

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ROOT_RELS =
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';

async function zipFile(name: string, parts: Record<string, string>): Promise<string> {
  const zip = new ZipFile();
  for (const [part, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text, 'utf8'), part);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  const path = join(tmp.dir, name);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

function workbook(sheetXml: string, extra: Record<string, string> = {}, workbookPr = ''): Record<string, string> {
  return {
    '[Content_Types].xml': CT,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${workbookPr}<x:sheets><x:sheet name="Data &amp; more" sheetId="1" r:id="rId1"/><x:sheet name="Hidden" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/hidden.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/worksheets/data.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`,
    'xl/worksheets/hidden.xml': '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>secret</t></is></c></row></sheetData></worksheet>',
    'xl/styles.xml':
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>',
    ...extra,
  };
}

const inline = (ref: string, text: string): string => `<x:c r="${ref}" t="inlineStr"><x:is><x:t xml:space="preserve">${text}</x:t></x:is></x:c>`;

describe('XLSX from other generators', () => {
  it('reads prefixed elements, inline strings, cells without references, booleans, errors, ISO dates and escapes', async () => {
    const path = await zipFile(
      'generator.xlsx',
      workbook(
        `<x:row r="1">${inline('A1', 'Title')}${inline('B1', 'Flag')}${inline('C1', 'Err')}${inline('D1', 'When')}</x:row>` +
          `<x:row r="2"><x:c t="inlineStr"><x:is><x:r><x:t>Senior </x:t></x:r><x:r><x:t>Nurse</x:t></x:r></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="d" s="1"><x:v>2024-03-15T00:00:00</x:v></x:c></x:row>` +
          `<x:row r="5">${inline('A5', 'Line_x000D_\nbreak &amp; _x005F_x0041_')}<x:c r="C5" s="2"><x:v>0.125</x:v></x:c></x:row>`,
      ),
    );
    const t = await readTable(path);
    expect(t.sheets).toEqual(['Data & more', 'Hidden']);
    expect(t.sheet).toBe('Data & more');
    expect(t.columns).toEqual(['Title', 'Flag', 'Err', 'When']);
    expect(t.rows).toEqual([['Senior Nurse', 'TRUE', '#N/A', '2024-03-15'], [], [], ['Line\r\nbreak & _x0041_', '', '12.50%']]);
  });

  it('shows dates of a 1904 workbook on the right day', async () => {
    const path = await zipFile('mac.xlsx', workbook(`<x:row r="1">${inline('A1', 'Start')}</x:row><x:row r="2"><x:c r="A2" s="1"><x:v>43904</x:v></x:c></x:row>`, {}, '<x:workbookPr date1904="1"/>'));
    expect((await readTable(path)).rows).toEqual([['2024-03-15']]);
  });

  it('costs nothing for formatted empty rows down to the last row of the sheet', async () => {
    const path = await zipFile('formatted.xlsx', workbook(`<x:row r="1">${inline('A1', 'Title')}</x:row><x:row r="2">${inline('A2', 'Chef')}</x:row><x:row r="1048576" s="1"><x:c r="A1048576" s="1"/></x:row>`));
    const t = await readTable(path);
    expect(t.rows).toEqual([['Chef']]);
  });

  it('reads a hidden sheet when asked for it', async () => {
    const path = await zipFile('hidden-first.xlsx', workbook(`<x:row r="1">${inline('A1', 'Title')}</x:row><x:row r="2">${inline('A2', 'Chef')}</x:row>`));
    expect((await readTable(path, { sheet: 'Hidden', header: false })).rows).toEqual([['secret']]);
  });

  it.each([
    ['a Word document', { '[Content_Types].xml': CT, 'word/document.xml': '<w:document/>' }, /is a Word document, not a spreadsheet/],
    ['an XLSB workbook', { '[Content_Types].xml': CT, 'xl/workbook.bin': 'x' }, /Excel binary workbook \(\.xlsb\).*save it as \.xlsx/],
    ['a text document', { mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }, /OpenDocument file but not a spreadsheet/],
    ['a plain ZIP archive', { 'notes.txt': 'hello' }, /is a ZIP archive, not a spreadsheet/],
    ['a workbook missing its sheet', { ...workbook(''), 'xl/worksheets/data.xml': undefined }, /damaged or incomplete/],
  ])('rejects %s with a message', async (_what, parts, message) => {
    const clean = Object.fromEntries(Object.entries(parts).filter((e): e is [string, string] => e[1] !== undefined));
    const path = await zipFile(`bad-${Object.keys(clean).length}-${Math.random().toString(36).slice(2)}.xlsx`, clean);
    const e = await readTable(path).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(message);
  });

  it('does not expand entities a DTD declares ("billion laughs")', async () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const sst = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol0 "lol">${laughs}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`;
    const parts = workbook('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>', { 'xl/sharedStrings.xml': sst });
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace(
      '</Relationships>',
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    const e = await readTable(await zipFile('laughs.xlsx', parts)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('corrupt');
  });

  it('reads a CSV saved with an .xlsx extension as the text it is', async () => {
    const path = join(tmp.dir, 'really-a.xlsx');
    writeFileSync(path, 'title;city\nNurse;Lyon\n');
    const t = await readTable(path);
    expect(t).toMatchObject({ format: 'csv', delimiter: ';', rows: [['Nurse', 'Lyon']] });
  });
});
