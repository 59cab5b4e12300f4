/**
 * The longest title encoded, in characters. Job titles are short, and the bundled model reads 32
 * tokens at most (an export may read 512), so a longer cell is cut before normalising and
 * tokenizing: a pasted paragraph costs no more than a long title, and never megabytes of work.
 */
export const MAX_TITLE_CHARS = 300;

/** The title as encoded: its first MAX_TITLE_CHARS characters, never half of a surrogate pair. */
export function cutTitle(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  const end = /[\uD800-\uDBFF]/.test(title[MAX_TITLE_CHARS - 1]) ? MAX_TITLE_CHARS - 1 : MAX_TITLE_CHARS;
  return title.slice(0, end);
}

/** How many of the titles are longer than MAX_TITLE_CHARS (and so cut when encoded). */
export function countLongTitles(titles: readonly string[]): number {
  let n = 0;
  for (const t of titles) if (t.length > MAX_TITLE_CHARS) n++;
  return n;
}
