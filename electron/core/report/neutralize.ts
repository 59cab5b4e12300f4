/** Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain number ("-250", "+3.5", "-1,234.50", "-12%"): no spreadsheet runs it as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$/;

/**
 * Neutralises a text cell that a spreadsheet would run as a formula, as OWASP describes for CSV
 * injection: a leading apostrophe makes it text. Plain numbers such as "-250.00" are left alone,
 * since they cannot run anything and a negative number should stay one.
 */
export function neutralizeFormula(text: string): string {
  return needsNeutralizing(text) ? `'${text}` : text;
}

/** True when `neutralizeFormula` would change the text. */
export function needsNeutralizing(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}
