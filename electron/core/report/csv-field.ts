/** CSV text, written once for the CLI's output and the reports' CSV. */

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A score or confidence with 4 decimals, never "-0.0000". */
export function formatScore(value: number): string {
  const s = value.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}
