import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv, sniffDelimiter } from '../../../../electron/core/io/csv-parser.js';

describe('CsvParser', () => {
  it('splits RFC 4180 records with quoted delimiters, doubled quotes and embedded newlines', () => {
    const text = 'id,title,note\r\n1,"Manager, Sales","said ""hi""\r\nthen left"\r\n2,Nurse,\r\n';
    expect(parseCsv(text, ',')).toEqual([
      ['id', 'title', 'note'],
      ['1', 'Manager, Sales', 'said "hi"\r\nthen left'],
      ['2', 'Nurse', ''],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'a;"b;""c""\r\nd";e\r\n"";x\r\r\nlast;"q"';
    const whole = parseCsv(text, ';');
    for (let size = 1; size <= 7; size++) {
      const rows: string[][] = [];
      const p = new CsvParser(';', (r) => rows.push(r));
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      p.end();
      expect(rows).toEqual(whole);
    }
    expect(whole).toEqual([['a', 'b;"c"\r\nd', 'e'], ['', 'x'], [''], ['last', 'q']]);
  });

  it('keeps blank lines as records and accepts LF, CR LF and lone CR', () => {
    expect(parseCsv('a\n\nb\r\n\r\nc\rd', ',')).toEqual([['a'], [''], ['b'], [''], ['c'], ['d']]);
  });

  it('is lenient like Excel with stray quotes and reports an unterminated one', () => {
    expect(parseCsv('5" screen,x\n"ab"c,y\n', ',')).toEqual([['5" screen', 'x'], ['abc', 'y']]);
    const rows: string[][] = [];
    const p = new CsvParser(',', (r) => rows.push(r));
    p.push('a,"never closed\nb,c\n');
    p.end();
    expect(p.unterminatedQuote).toBe(true);
    expect(rows).toEqual([['a', 'never closed\nb,c\n']]);
  });
});

describe('sniffDelimiter', () => {
  it('finds each delimiter when fields contain the others', () => {
    expect(sniffDelimiter('name,title\n"Doe; J",Nurse\nRoe,"Manager; Sales"\n')).toBe(',');
    expect(sniffDelimiter('name;title;city\nDoe, J;Nurse;Paris\nRoe;Manager, Sales;Lyon\n')).toBe(';');
    expect(sniffDelimiter('name\ttitle\nDoe, J\tNurse\nRoe; K\tManager | Sales\n')).toBe('\t');
    expect(sniffDelimiter('name|title\nDoe, J|Nurse\nRoe|Manager, Sales\n')).toBe('|');
  });

  it('prefers the delimiter that gives consistent rows over one that appears more often', () => {
    const text = 'title;location\nManager, Sales, EMEA;Paris\nNurse;Lyon\nDeveloper, Web;Nice\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('returns undefined for a one-column file, and honours the hint on a tie', () => {
    expect(sniffDelimiter('title\nNurse\nSoftware Engineer\n')).toBeUndefined();
    expect(sniffDelimiter('a\tb,c\n', '\t')).toBe('\t');
  });
});
