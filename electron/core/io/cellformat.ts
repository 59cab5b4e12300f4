import { format, getFormatFromId, isDateFormat, isValidFormat } from 'numfmt';

/** Days between the 1900 and 1904 date systems, for workbooks saved with the Mac epoch. */
const DAYS_1904 = 1462;

const cache = new Map<string, { valid: boolean; date: boolean; general: boolean }>();

function info(pattern: string): { valid: boolean; date: boolean; general: boolean } {
  let i = cache.get(pattern);
  if (!i) {
    const valid = isValidFormat(pattern);
    i = { valid, date: valid && isDateFormat(pattern), general: /^general$/i.test(pattern.trim()) };
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, i);
  }
  return i;
}

/** The pattern of a built-in number format id (0 "General", 14 "m/d/yyyy", ...). */
export function builtinFormat(id: number): string {
  const p = id >= 0 && id <= 200 ? getFormatFromId(id) : undefined;
  return typeof p === 'string' && p !== '' ? p : 'General';
}

/**
 * A number as a spreadsheet shows it under the given format. "General" keeps whole numbers whole
 * (an ID like 123456789012345 stays as is, where a narrow Excel column would show 1.23457E+14) and
 * other numbers to 15 significant digits, as Excel's formula bar does.
 */
export function formatNumber(value: number, pattern: string, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value);
  const i = info(pattern);
  if (!i.valid || i.general) return generalNumber(value);
  try {
    const out = format(pattern, i.date && date1904 ? value + DAYS_1904 : value, { throws: false, nbsp: false, locale: 'en' });
    return out.trim() === '' && value !== 0 ? generalNumber(value) : out;
  } catch {
    return generalNumber(value);
  }
}

/** Text formatted with a pattern that has a text section ("@" or `"Ref: "@`). */
export function formatText(text: string, pattern: string): string {
  const i = info(pattern);
  if (!i.valid || i.general || pattern === '@') return text;
  try {
    return format(pattern, text, { throws: false, locale: 'en' });
  } catch {
    return text;
  }
}

/** A number in Excel's General style, without its column-width rounding. */
export function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const s = String(Number(value.toPrecision(15)));
  return s.includes('e') ? value.toExponential().replace(/e\+?/, 'E+').replace('E+-', 'E-') : s;
}

/** True when a pattern shows a date or a time. */
export function isDatePattern(pattern: string): boolean {
  return info(pattern).date;
}
