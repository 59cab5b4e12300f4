/**
 * Which language a job title is written in: English or one of the six other languages the
 * multilingual model was trained on. A multinomial naive Bayes over the character 1- to 4-grams of
 * each word (accents kept, "^" and "$" marking a word's ends), with a profile fitted on ESCO's
 * labels (`titlematch language-profile`, written beside the multilingual model as languages.json).
 *
 * Many titles have no language of their own ("Manager", "Controller", "Barista"): a title is given
 * a language only where the profile is sure of it (posterior >= LANGUAGE_CONFIDENCE); the others are
 * undetermined, and they count for no language when a run picks its model. English starts ahead
 * (a prior of ENGLISH_PRIOR nats): English titles borrow words that read like another language
 * ("Bookkeeper" like Dutch, "Paralegal" like Spanish), and a product used mostly on English lists
 * should take a title for another language only on clear evidence.
 */

/** The languages a title can be detected in. */
export const TITLE_LANGUAGES = ['en', 'de', 'es', 'fr', 'nl', 'pl', 'pt'] as const;
export type TitleLanguage = (typeof TITLE_LANGUAGES)[number];

/** The languages' names, as the window and the reports write them. */
export const LANGUAGE_NAMES: Readonly<Record<TitleLanguage, string>> = {
  en: 'English',
  de: 'German',
  es: 'Spanish',
  fr: 'French',
  nl: 'Dutch',
  pl: 'Polish',
  pt: 'Portuguese',
};

/** Posterior probability below which a title's language is left undetermined. */
export const LANGUAGE_CONFIDENCE = 0.95;

/**
 * The log prior of English over the other languages. On titles the profile never saw, 0 / 2 / 4 / 6 / 8
 * called 1.0 / 0.8 / 0.7 / 0.6 / 0.5% of English vacancy titles another language, and named the
 * other languages' held-out labels right 0.2-1.2 points less often at 6 than at 0 (most: Dutch 88.1
 * -> 86.5%); 6 is where "Bookkeeper" and "Paralegal" stop reading as Dutch and Spanish.
 */
export const ENGLISH_PRIOR = 6;

/** Longest character n-gram of a word that is a feature. */
const MAX_GRAM = 4;

/** A fitted profile: per feature, the log-probability of it in each language (in `languages` order). */
export interface LanguageProfile {
  format: 'titlematch-language-profile';
  version: 1;
  languages: TitleLanguage[];
  /** What it was fitted on, in words. */
  source: string;
  /** Feature -> log P(feature | language), one per language, rounded to 3 decimals. */
  features: Record<string, number[]>;
  /** Log prior of each language (in `languages` order); absent: all equal. */
  prior?: number[];
}

/** The words of a title, lower-cased with their accents (Unicode letters only). */
function words(title: string): string[] {
  return title.normalize('NFC').toLowerCase().match(/\p{L}+/gu) ?? [];
}

/**
 * Calls `feature` with each of a title's features: each word's character n-grams (1 to 4) with its
 * ends marked, in a fixed order. Every run of a match reads its titles through this (route.ts), so
 * it cuts substrings instead of joining arrays (a word with characters outside the BMP, two code
 * units each, is cut by code points).
 */
function eachFeature(title: string, feature: (gram: string) => void): void {
  for (const w of words(title)) {
    const marked = `^${w}$`;
    const chars = /[\uD800-\uDFFF]/.test(w) ? [...marked] : undefined;
    const length = chars?.length ?? marked.length;
    for (let n = 1; n <= MAX_GRAM; n++) {
      for (let i = 0; i + n <= length; i++) {
        const gram = chars ? chars.slice(i, i + n).join('') : marked.substring(i, i + n);
        if (gram !== '^' && gram !== '$') feature(gram);
      }
    }
  }
}

/** The features of a title: each word's character n-grams (1 to 4) with its ends marked. */
export function titleFeatures(title: string): string[] {
  const out: string[] = [];
  eachFeature(title, (gram) => out.push(gram));
  return out;
}

/** A title's detected language (null: undetermined) and the posterior probability of the best one. */
export interface DetectedLanguage {
  language: TitleLanguage | null;
  confidence: number;
  /** The most probable language however sure (null only when no feature of the title is known). */
  likeliest: TitleLanguage | null;
}

const lookups = new WeakMap<LanguageProfile, Map<string, Float64Array>>();

/** A profile's features as a Map of typed arrays, made once per profile: detection reads every title of a run. */
function lookupOf(profile: LanguageProfile): Map<string, Float64Array> {
  let lookup = lookups.get(profile);
  if (lookup === undefined) {
    lookup = new Map(Object.entries(profile.features).map(([f, logp]) => [f, Float64Array.from(logp)]));
    lookups.set(profile, lookup);
  }
  return lookup;
}

/** Detects the language of one title with a fitted profile. */
export function detectLanguage(profile: LanguageProfile, title: string): DetectedLanguage {
  const n = profile.languages.length;
  const features = lookupOf(profile);
  const score = Float64Array.from(profile.prior ?? new Array<number>(n).fill(0));
  let seen = 0;
  eachFeature(title, (f) => {
    const logp = features.get(f);
    if (logp === undefined) return;
    seen++;
    for (let i = 0; i < n; i++) score[i] += logp[i];
  });
  if (seen === 0) return { language: null, confidence: 0, likeliest: null };
  let best = 0;
  for (let i = 1; i < n; i++) if (score[i] > score[best]) best = i;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(score[i] - score[best]);
  const confidence = 1 / sum;
  return { language: confidence >= LANGUAGE_CONFIDENCE ? profile.languages[best] : null, confidence, likeliest: profile.languages[best] };
}

/** How many titles of a list are in each language, and how many are undetermined. */
export interface LanguageMix {
  total: number;
  undetermined: number;
  counts: Partial<Record<TitleLanguage, number>>;
}

/** Counts the detected languages of titles (each distinct title once). */
export function languageMix(profile: LanguageProfile, titles: Iterable<string>): LanguageMix {
  const mix: LanguageMix = { total: 0, undetermined: 0, counts: {} };
  const seen = new Set<string>();
  for (const title of titles) {
    if (seen.has(title)) continue;
    seen.add(title);
    mix.total++;
    const { language } = detectLanguage(profile, title);
    if (language === null) mix.undetermined++;
    else mix.counts[language] = (mix.counts[language] ?? 0) + 1;
  }
  return mix;
}

/** Each language's count in words, largest first ("German 40", "English 12"), `except` one language. */
export function languageCounts(mix: LanguageMix, except?: TitleLanguage): string[] {
  return (Object.entries(mix.counts) as [TitleLanguage, number][])
    .filter(([language]) => language !== except)
    .sort((a, b) => b[1] - a[1])
    .map(([language, count]) => `${LANGUAGE_NAMES[language]} ${count}`);
}

/** The mix in words, largest first: "German 40, English 12, undetermined 3 of 55 titles". */
export function describeMix(mix: LanguageMix): string {
  const parts = languageCounts(mix);
  if (mix.undetermined > 0) parts.push(`undetermined ${mix.undetermined}`);
  return `${parts.join(', ')} of ${mix.total} title${mix.total === 1 ? '' : 's'}`;
}

/** Options of fitting a profile. */
export interface FitOptions {
  /** Features kept per language, the most frequent first (their union is the profile). */
  perLanguage?: number;
  /** Additive smoothing of feature counts. */
  alpha?: number;
  /** Log prior of English over the others (default ENGLISH_PRIOR). */
  englishPrior?: number;
  source: string;
}

/**
 * Fits a profile on titles of each language: each language's most frequent features, their union
 * kept, with add-alpha smoothed log-probabilities over that union (so a feature seen in one
 * language only still counts against the others).
 */
export function fitLanguageProfile(samples: Readonly<Partial<Record<TitleLanguage, readonly string[]>>>, options: FitOptions): LanguageProfile {
  const languages = TITLE_LANGUAGES.filter((l) => (samples[l]?.length ?? 0) > 0);
  const perLanguage = options.perLanguage ?? 4000;
  const alpha = options.alpha ?? 0.5;
  const counts = languages.map((l) => {
    const c = new Map<string, number>();
    for (const title of samples[l] ?? []) for (const f of titleFeatures(title)) c.set(f, (c.get(f) ?? 0) + 1);
    return c;
  });
  const kept = new Set<string>();
  for (const c of counts) {
    for (const [f] of [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, perLanguage)) kept.add(f);
  }
  const features: Record<string, number[]> = {};
  const sorted = [...kept].sort();
  const totals = counts.map((c) => sorted.reduce((s, f) => s + (c.get(f) ?? 0), 0) + alpha * sorted.length);
  for (const f of sorted) features[f] = counts.map((c, i) => Math.round(Math.log(((c.get(f) ?? 0) + alpha) / totals[i]) * 1000) / 1000);
  const englishPrior = options.englishPrior ?? ENGLISH_PRIOR;
  const prior = languages.map((l) => (l === 'en' ? englishPrior : 0));
  return { format: 'titlematch-language-profile', version: 1, languages: [...languages], source: options.source, features, ...(englishPrior !== 0 ? { prior } : {}) };
}

/** Checks a parsed languages.json; throws with what is wrong. */
export function checkLanguageProfile(value: unknown): LanguageProfile {
  const p = value as Partial<LanguageProfile> | null;
  if (p === null || typeof p !== 'object' || p.format !== 'titlematch-language-profile' || p.version !== 1) {
    throw new Error('not a TitleMatch language profile (format titlematch-language-profile, version 1)');
  }
  const languages = p.languages;
  if (!Array.isArray(languages) || languages.length < 2 || !languages.every((l) => (TITLE_LANGUAGES as readonly string[]).includes(l))) {
    throw new Error('the language profile names no known languages');
  }
  if (p.features === null || typeof p.features !== 'object') throw new Error('the language profile has no features');
  if (p.prior !== undefined && (!Array.isArray(p.prior) || p.prior.length !== languages.length || !p.prior.every((x) => typeof x === 'number' && Number.isFinite(x)))) {
    throw new Error('the language profile has a prior without one figure per language');
  }
  for (const logp of Object.values(p.features)) {
    if (!Array.isArray(logp) || logp.length !== languages.length) throw new Error('the language profile has a feature without one figure per language');
  }
  return p as LanguageProfile;
}
