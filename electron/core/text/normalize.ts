/**
 * Job-title normalisation: the text every model sees, and what the app shows to explain a match.
 *
 * The steps are small and deterministic: Unicode NFKC, lower case, punctuation that carries no
 * meaning in a title turned into spaces, abbreviations expanded word by word, whitespace collapsed.
 * Two titles with the same normalised form are the same title to the engine (encoded once).
 * The abbreviations that are always expanded come from the recruiter lexicon (lexicon.ts, kind
 * `expand`); ambiguous ones ("pm": project or product manager) stay in the normalised title, and
 * the engine reads such a title in each of its senses (titleReadings).
 */
import { detectLanguage, type LanguageProfile } from './language.js';
import { EXPANSIONS, SENSES } from './lexicon-table.js';

/** One abbreviation that was expanded, for explanations ("Sr." -> "senior"). */
export interface Expansion {
  /** The word as it appeared (lower-cased, trailing period removed). */
  from: string;
  /** What it was replaced with. */
  to: string;
}

/** A title taken apart: what the app's "why did this match" panel shows. */
export interface AnalyzedTitle {
  /** The input, untouched. */
  original: string;
  /** The normalised title, as the model sees it. */
  normalized: string;
  /** The normalised title's words. */
  words: string[];
  /** Abbreviations expanded, in order of appearance. */
  expansions: Expansion[];
  /** Abbreviations of several meanings, which the engine reads in each (titleReadings), in order of appearance. */
  senses: Sense[];
}

/** An abbreviation the title keeps but the engine reads in several senses ("pm": project manager, product manager). */
export interface Sense {
  from: string;
  to: readonly string[];
}

/** Most readings of one title (a title made of nothing but ambiguous abbreviations stops here). */
export const MAX_READINGS = 16;

// Abbreviations whose expansion depends on position: at the end of a title (or before a level such
// as "II") they name the person ("Software Eng" = engineer), before another word they name the
// field ("Eng Manager" = engineering manager).
const POSITIONAL: Readonly<Record<string, readonly [person: string, field: string]>> = {
  eng: ['engineer', 'engineering'],
  engr: ['engineer', 'engineering'],
  dev: ['developer', 'development'],
  tech: ['technician', 'technical'],
};

const LEVEL = /^(?:i{1,3}|iv|v|vi{0,3}|\d{1,2})$/;

// Gender markers of European vacancy titles name no job: "(m/w/d)", "(w/m/x)", "(h/f)", "(M/F/D)",
// "(all genders)", "(gn)", and the inclusive endings of German ("Lehrer/in", "Lehrer*in",
// "Mitarbeiter:innen", "Buchhalter(in)") and Spanish or Portuguese ("Enfermero/a", "Técnico(a)").
// They go before the model sees the title, so "Krankenpfleger (m/w/d)" is "krankenpfleger".
const GENDER_MARKER = /[(\[]\s*(?:[mwfhdx]\s*[/|,]\s*[mwfhdx](?:\s*[/|,]\s*[mwfhdx*])?|all\s+genders?|gn|divers)\s*[)\]]|(?<![\p{L}\p{N}])[mwfh]\/[mwfh]\/[dx](?![\p{L}\p{N}])/giu;
const GENDER_ENDING = /(?<=\p{L}{3})(?:[/*:_]-?in(?:nen)?|\(in(?:nen)?\))(?![\p{L}\p{N}])|(?<=\p{L}{2}o)(?:\/a|\(a\))(?![\p{L}\p{N}])/gu;

/** Lower-case, NFKC, punctuation to spaces; keeps the characters that are part of words in titles. */
function clean(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(GENDER_MARKER, ' ').replace(GENDER_ENDING, '');
  // Characters that never carry meaning in a title.
  s = s.replace(/[\s\u00a0\u200b-\u200d\ufeff]+/gu, ' ');
  s = s.replace(/[,;:!?"“”„‘’`()[\]{}<>|*_~^=\\]/gu, ' ');
  // Dashes between words ("Engineer - Remote", "Engineer – Remote") separate; "full-stack" stays.
  s = s.replace(/(^|\s)[-‐‑‒–—―]+(?=\s|$)/gu, ' ');
  s = s.replace(/[‐‑‒–—―]/gu, '-');
  // A slash between words ("Developer/Engineer") separates them; keep the slash as its own word.
  s = s.replace(/\s*\/\s*/gu, ' / ');
  // Apostrophes inside words stay ("women's"); quotes around words went above.
  s = s.replace(/(^|\s)'+|'+(?=\s|$)/gu, ' ');
  return s;
}

/** Strips the periods that end an abbreviation ("sr." -> "sr") but keeps ".net" and "node.js". */
function stripDots(word: string): string {
  let w = word.replace(/\.+$/u, '');
  // "a.b.c" style initialisms keep their inner dots; a lone "." or "..." disappears.
  if (/^\.+$/u.test(w)) w = '';
  return w;
}

/** Splits a cleaned title into words and expands abbreviations. */
function expand(cleaned: string): { words: string[]; expansions: Expansion[] } {
  const raw = cleaned
    .split(' ')
    .map(stripDots)
    .filter((w) => w.length > 0);
  const words: string[] = [];
  const expansions: Expansion[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    const positional = Object.hasOwn(POSITIONAL, w) ? POSITIONAL[w] : undefined;
    if (positional !== undefined) {
      const next = raw[i + 1];
      const isPerson = next === undefined || next === '/' || LEVEL.test(next);
      const to = isPerson ? positional[0] : positional[1];
      words.push(to);
      expansions.push({ from: w, to });
      continue;
    }
    const fixed = EXPANSIONS.get(w);
    if (fixed !== undefined) {
      words.push(...fixed.split(' '));
      expansions.push({ from: w, to: fixed });
      continue;
    }
    words.push(w);
  }
  return { words, expansions };
}

/** Normalises a job title: the form the engine encodes and deduplicates on. */
export function normalizeTitle(title: string): string {
  return expand(clean(title)).words.join(' ');
}

/** Normalises a title and reports the steps taken, for explanations. */
export function analyzeTitle(title: string): AnalyzedTitle {
  const { words, expansions } = expand(clean(title));
  return { original: title, normalized: words.join(' '), words, expansions, senses: sensesOf(words) };
}

/** The words of a normalised title that have several senses, each once, in order. */
function sensesOf(words: readonly string[]): Sense[] {
  const seen = new Set<string>();
  const out: Sense[] = [];
  for (const w of words) {
    const to = SENSES.get(w);
    if (to === undefined || seen.has(w)) continue;
    seen.add(w);
    out.push({ from: w, to });
  }
  return out;
}

/**
 * The readings of a normalised title that has abbreviations of several meanings: for each such word
 * and each of its senses, the title with that word replaced ("pm ii" -> "project manager ii",
 * "product manager ii"), at most MAX_READINGS; [] for a title without one. The engine encodes the
 * title and its readings and uses their normalised mean, so that an ambiguous title sits near each
 * job it may name. Measured on the bundled English model: recruiter cases top-1 0.8365 -> 0.8750,
 * jobbert-dev MRR 0.4704 -> 0.4701 (README, "The model, evaluation and speed").
 */
export function titleReadings(normalized: string): string[] {
  const words = normalized.split(' ');
  const out: string[] = [];
  for (const [i, w] of words.entries()) {
    for (const sense of SENSES.get(w) ?? []) {
      if (out.length === MAX_READINGS) return out;
      out.push([...words.slice(0, i), sense, ...words.slice(i + 1)].join(' '));
    }
  }
  return out;
}

/** Words two titles share and the words only one side has, after normalisation. */
export function compareTitles(a: string, b: string): { shared: string[]; onlyA: string[]; onlyB: string[] } {
  const wa = analyzeTitle(a).words.filter((w) => w !== '/');
  const wb = analyzeTitle(b).words.filter((w) => w !== '/');
  const setA = new Set(wa);
  const setB = new Set(wb);
  const unique = (xs: string[]): string[] => [...new Set(xs)];
  return {
    shared: unique(wa.filter((w) => setB.has(w))),
    onlyA: unique(wa.filter((w) => !setB.has(w))),
    onlyB: unique(wb.filter((w) => !setA.has(w))),
  };
}

/**
 * Whether a normalised title's abbreviations of several meanings are read in their senses: always
 * where no language profile is at hand, else where the profile (the multilingual model's, for
 * either bundled model and for the explanation panel) finds English the likeliest language, however
 * unsure ("de" abbreviates data engineer in "DE Manager" and is a word in "técnico de enfermagem" and
 * in "cuidador de idosos", which is Portuguese or Spanish), and for a title of such words only.
 */
export function readsSenses(profile: LanguageProfile | undefined, normalized: string): boolean {
  if (profile === undefined) return true;
  // A title of such words only ("cmo", which alone looks Portuguese to the profile) is read so: its
  // letters are no evidence of a language. Elsewhere they are ("de" in "diretor de marketing").
  if (normalized.split(' ').every((w) => SENSES.has(w))) return true;
  const { likeliest } = detectLanguage(profile, normalized);
  return likeliest === null || likeliest === 'en';
}
