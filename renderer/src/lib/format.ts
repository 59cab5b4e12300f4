/** Numbers, scores and durations as the app shows them. */

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** 12,345 */
export function count(n: number): string {
  return whole.format(n);
}

/** "1 row", "12,345 rows" */
export function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A cosine score with two decimals: "0.87". */
export function score(s: number): string {
  return s.toFixed(2);
}

/** "about 5 s left", "about 3 min left"; '' when unknown. */
export function timeLeft(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const h = Math.floor(seconds / 3600);
  return `about ${h} h ${Math.round((seconds - h * 3600) / 60)} min left`;
}

/** The last part of a path, for either separator. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
