/**
 * The recruiter lexicon (`lexicon.ts`) as data: parsed once, checked, and split into what title
 * normalisation may rewrite and what only the training pipeline uses.
 */
import { LEXICON_TSV } from './lexicon.js';

/** How an entry is used: see the doc comment of lexicon.ts. */
export type LexiconKind = 'expand' | 'ambiguous' | 'augment';

/** One abbreviation or jargon term of the lexicon. */
export interface LexiconEntry {
  abbr: string;
  /** Its full forms, most common first; more than one only for ambiguous terms. */
  expansions: readonly string[];
  domain: string;
  kind: LexiconKind;
}

const KINDS: ReadonlySet<string> = new Set(['expand', 'ambiguous', 'augment']);

/** Parses the lexicon's tab-separated lines; throws on a malformed line (a build-time mistake). */
export function parseLexicon(tsv: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  const seen = new Set<string>();
  for (const [i, line] of tsv.split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    const [abbr, expansions, domain, kind] = fields;
    if (fields.length !== 4 || !abbr || !expansions || !domain || !KINDS.has(kind)) {
      throw new Error(`lexicon line ${i + 1} is not "abbr<TAB>expansions<TAB>domain<TAB>kind": ${JSON.stringify(line)}`);
    }
    if (seen.has(abbr)) throw new Error(`lexicon line ${i + 1}: "${abbr}" appears twice`);
    seen.add(abbr);
    out.push({ abbr, expansions: expansions.split(' | ').map((x) => x.trim()), domain, kind: kind as LexiconKind });
  }
  return out;
}

/** Whether an entry's abbreviation is one word as normalisation splits titles (no space or slash). */
function isWord(e: LexiconEntry): boolean {
  return !/[\s/]/u.test(e.abbr);
}

/** Every entry of the bundled lexicon. */
export const LEXICON: readonly LexiconEntry[] = parseLexicon(LEXICON_TSV);

/**
 * The single-word abbreviations that normalisation expands: kind `expand`, one expansion, and a
 * word as normalisation splits titles (no space or slash).
 */
export const EXPANSIONS: ReadonlyMap<string, string> = new Map(
  LEXICON.filter((e) => e.kind === 'expand' && e.expansions.length === 1 && isWord(e)).map((e) => [e.abbr, e.expansions[0]]),
);

/**
 * The single-word abbreviations that name several jobs in titles (kind `ambiguous` with two or more
 * expansions: "pm" project manager or product manager, "pt" physical therapist or part-time).
 * Normalisation never rewrites them; the engine reads a title that has one in every sense and
 * averages the readings (normalize.ts, titleReadings), so "PM" lands between its meanings instead of
 * wherever the bare letters fall. Ambiguous entries with one expansion are common words ("or", "do")
 * and stay out.
 */
export const SENSES: ReadonlyMap<string, readonly string[]> = new Map(
  LEXICON.filter((e) => e.kind === 'ambiguous' && e.expansions.length > 1 && isWord(e)).map((e) => [e.abbr, e.expansions]),
);
