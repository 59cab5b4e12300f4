/** The delimiters the reader tells apart, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** One of the delimiters the reader tells apart. */
export type Delimiter = (typeof DELIMITERS)[number];

/** A field longer than the parser's limit; where it starts, for the message. */
export class FieldTooLong extends Error {
  constructor(
    /** 1-based record of the file (the header counts) where the field starts. */
    readonly record: number,
    /** 1-based field of that record. */
    readonly field: number,
    /** True when the field is quoted: an unclosed quote is the usual cause. */
    readonly quoted: boolean,
  ) {
    super(`field ${field} of record ${record} is too long`);
    this.name = 'FieldTooLong';
  }
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * Incremental RFC 4180 parser: text goes in chunk by chunk (chunks may split a field, a quote pair
 * or a CR LF anywhere), whole records come out through `onRow`. Lenient where Excel is: a quote in
 * the middle of an unquoted field is kept as text, text after a closing quote is kept, and CR, LF
 * or CR LF each end a record outside quotes.
 */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  /** A quote seen inside a quoted field: either the end of it or the first of a doubled pair. */
  private quotePending = false;
  /** The previous chunk ended with CR, so a leading LF belongs to it. */
  private afterCr = false;
  /** The field started with a quote (so it is quoted), as opposed to a quote inside text. */
  private fieldStarted = false;
  /** Records emitted so far. */
  records = 0;
  /** Set when the input ended inside a quoted field. */
  unterminatedQuote = false;
  /** The record where the unterminated quote opened, and whether its field ran over line breaks. */
  unterminatedAt: { record: number; spansLines: boolean } | undefined;

  /** `maxField`: the longest field accepted; past it `push` throws FieldTooLong. */
  constructor(
    private readonly delimiter: string,
    private readonly onRow: (cells: string[]) => void,
    private readonly maxField = Infinity,
  ) {}

  private checkLength(): void {
    if (this.field.length > this.maxField) throw new FieldTooLong(this.records + 1, this.row.length + 1, this.inQuotes);
  }

  /** Feeds the next piece of text. */
  push(text: string): void {
    const delim = this.delimiter.charCodeAt(0);
    const n = text.length;
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false;
          continue; // re-read this character outside quotes
        }
        // Copy the run up to the next quote in one slice.
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          this.checkLength();
          return;
        }
        this.field += text.slice(i, q);
        this.checkLength();
        this.quotePending = true;
        i = q + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === delim) {
        this.endField();
        i++;
      } else if (c === LF || c === CR) {
        this.endRecord();
        i++;
        if (c === CR) {
          if (i === n) this.afterCr = true;
          else if (text.charCodeAt(i) === LF) i++;
        }
      } else if (c === QUOTE && !this.fieldStarted && this.field === '') {
        this.inQuotes = true;
        this.fieldStarted = true;
        i++;
      } else {
        // Plain run up to the next special character.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === delim || d === LF || d === CR) break;
          j++;
        }
        this.field += text.slice(i, j);
        this.checkLength();
        this.fieldStarted = true;
        i = j;
      }
    }
  }

  /** Signals the end of input; emits the last record when the text did not end with a newline. */
  end(): void {
    if (this.inQuotes && !this.quotePending) {
      this.unterminatedQuote = true;
      this.unterminatedAt = { record: this.records + 1, spansLines: /[\r\n]/.test(this.field) };
    }
    this.inQuotes = false;
    this.quotePending = false;
    if (this.field !== '' || this.row.length > 0 || this.fieldStarted) this.endRecord();
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(): void {
    this.endField();
    const row = this.row;
    this.row = [];
    this.records++;
    this.onRow(row);
  }
}

/** Parses a whole string at once (tests, sniffing). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser(delimiter, (r) => rows.push(r));
  parser.push(text);
  parser.end();
  return rows;
}

/**
 * Finds the delimiter of a sample of delimited text: the candidate that splits the first records
 * into the same number of fields (more than one) most consistently; more fields wins among equally
 * consistent ones, and the order of `DELIMITERS` (or the extension's hint first) settles ties.
 * Returns undefined when no candidate splits anything (a one-column file).
 */
export function sniffDelimiter(sample: string, preferred?: Delimiter): Delimiter | undefined {
  // Drop the last line: the sample may cut a record in half.
  const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  const text = cut > 0 ? sample.slice(0, cut) : sample;
  const order: Delimiter[] = preferred ? [preferred, ...DELIMITERS.filter((d) => d !== preferred)] : [...DELIMITERS];
  let best: { d: Delimiter; consistency: number; width: number } | undefined;
  for (const d of order) {
    const counts: number[] = [];
    const parser = new CsvParser(d, (cells) => {
      if (counts.length < 100 && !(cells.length === 1 && cells[0].trim() === '')) counts.push(cells.length);
    });
    parser.push(text);
    parser.end();
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [width, count] of freq) {
      if (count > modeCount || (count === modeCount && width > mode)) {
        mode = width;
        modeCount = count;
      }
    }
    if (mode < 2) continue;
    const consistency = Math.round((modeCount / counts.length) * 20) / 20;
    if (!best || consistency > best.consistency || (consistency === best.consistency && mode > best.width)) {
      best = { d, consistency, width: mode };
    }
  }
  return best?.d;
}
