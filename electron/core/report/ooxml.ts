/** Small helpers for writing SpreadsheetML by hand: escaping, cell references, widths, names. */

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Excel's limit on the rows of one sheet. */
export const MAX_SHEET_ROWS = 1_048_576;

/** Anything xmlText rewrites: a literal _xHHHH_, characters XML cannot hold, surrogates (paired or lone), & < >. */
const NEEDS_ESCAPING = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF&<>]/;

/**
 * Text made safe for an XML text node in OOXML: characters XML cannot hold become the _xHHHH_
 * escapes Excel and LibreOffice decode, a literal "_xHHHH_" is escaped so it survives, lone
 * surrogates become U+FFFD, and & < > become entities.
 */
export function xmlText(text: string): string {
  let s = text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
  // Most cells need none of the rewrites below: one test instead of six passes (a 100,000-row report has ~1.5 million cells).
  if (!NEEDS_ESCAPING.test(s)) return s;
  s = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  s = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for an XML attribute value (double-quoted). */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;');
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Display width of text in Excel's character units: wide (CJK, emoji) characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const line of text.split('\n')) {
    let lw = 0;
    for (const ch of line) {
      const cp = ch.codePointAt(0) ?? 0;
      lw += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f300) ? 2 : 1;
    }
    if (lw > w) w = lw;
  }
  return w;
}

/**
 * Sheet names Excel accepts: no : \ / ? * [ ], at most 31 characters, not blank, not starting or
 * ending with an apostrophe, and unique without regard to case.
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w, i) => {
    let base = w.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
    if (base === '' || base.toLowerCase() === 'history') base = `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A sheet name as a formula reference: quoted, apostrophes doubled. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
