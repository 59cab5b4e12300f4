/**
 * `npm run language-profile`: fits the title language detector (electron/core/text/language.ts) on
 * ESCO's labels in seven languages and jobbert-val's training part (English vacancy titles as people
 * write them), writes it beside the multilingual model as languages.json, and measures it on titles
 * it never saw: each language's held-out alternative labels (the esco-i18n rule eval uses) and
 * jobbert-dev's English vacancy titles.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledModelDir } from '../core/engine/index.js';
import { LANGUAGE_PROFILE_FILE, MULTILINGUAL_SHARE, routeModel } from '../core/pipeline/route.js';
import { writeFileAtomic } from '../core/files/atomic-write.js';
import { findColumn, readTable } from '../core/io/index.js';
import { LANGUAGES, readI18nConcepts } from '../core/taxonomy/i18n.js';
import { isJobbertDev, JOBBERT_FILE, jobbertTrainingTitles } from '../core/taxonomy/jobbert.js';
import { detectLanguage, fitLanguageProfile, LANGUAGE_NAMES, type LanguageProfile, type TitleLanguage } from '../core/text/language.js';
import { processIo, runGuarded, UsageError, type CliIo } from './errors.js';
import { dataDir } from './eval-sets.js';

const LANGUAGE_PROFILE_USAGE = `Usage: titlematch language-profile [--data DIR] [--out FILE]

Fits the title language detector on ESCO's labels (English and esco-i18n's six languages, held-out
alternative labels left out) and jobbert-val's training part, writes it (default: languages.json in
the bundled multilingual model's folder) and prints its accuracy on the held-out labels and on
jobbert-dev's English vacancy titles.

  --data DIR   the data folder (default: $TITLEMATCH_DATA, else ../shared/data beside the project)
  --out FILE   where to write`;

/** Titles to fit on and titles to measure on, per language. */
interface Samples {
  fit: Partial<Record<TitleLanguage, string[]>>;
  measure: Partial<Record<TitleLanguage, string[]>>;
}

async function englishEsco(dir: string): Promise<string[]> {
  const table = await readTable(join(dir, 'esco', 'occupations_en.csv'), { header: true });
  const [pref, alt] = [findColumn(table, 'preferredLabel'), findColumn(table, 'altLabels')];
  return table.rows.flatMap((row) => [row[pref] ?? '', ...(row[alt] ?? '').split('\n')].map((t) => t.trim()).filter((t) => t !== ''));
}

async function jobbertDevTitles(dir: string): Promise<string[]> {
  const table = await readTable(join(dir, JOBBERT_FILE), { header: true });
  const col = findColumn(table, 'vacancyTitle');
  return [...new Set(table.rows.map((row) => row[col] ?? '').filter((t) => t.trim() !== '' && isJobbertDev(t)))];
}

async function samples(dir: string): Promise<Samples> {
  const fit: Samples['fit'] = { en: [...(await englishEsco(dir)), ...(await jobbertTrainingTitles(dir)).map((r) => r.title)] };
  const measure: Samples['measure'] = { en: await jobbertDevTitles(dir) };
  for (const language of LANGUAGES) {
    const concepts = await readI18nConcepts(dir, language);
    if (concepts === undefined) throw new UsageError(`${join(dir, 'esco-i18n')} has no file for ${LANGUAGE_NAMES[language]}: the profile needs all six languages.`);
    fit[language] = concepts.flatMap((c) => [c.preferred, ...c.alternatives.filter((a) => !a.heldOut).map((a) => a.label)].filter((t) => t !== ''));
    measure[language] = concepts.flatMap((c) => c.alternatives.filter((a) => a.heldOut).map((a) => a.label));
  }
  return { fit, measure };
}

/** Per language: titles measured, the share detected right, wrong and left undetermined. */
function measureProfile(profile: LanguageProfile, measure: Samples['measure']): { language: TitleLanguage; titles: number; right: number; wrong: number; undetermined: number }[] {
  return (Object.entries(measure) as [TitleLanguage, string[]][]).map(([language, titles]) => {
    let right = 0;
    let wrong = 0;
    for (const t of titles) {
      const d = detectLanguage(profile, t).language;
      if (d === language) right++;
      else if (d !== null) wrong++;
    }
    const n = Math.max(1, titles.length);
    return { language, titles: titles.length, right: right / n, wrong: wrong / n, undetermined: (titles.length - right - wrong) / n };
  });
}

/** How many lists of `n` consecutive titles `--model auto` reads with the multilingual model: "12 of 550 multilingual". */
function routedShare(profile: LanguageProfile, titles: readonly string[], n: number): string {
  let lists = 0;
  let multilingual = 0;
  for (let i = 0; i + n <= titles.length; i += n) {
    lists++;
    if (routeModel('auto', profile, titles.slice(i, i + n)).model === 'multilingual') multilingual++;
  }
  return `${multilingual} of ${lists} multilingual`;
}

export async function runLanguageProfile(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(`${LANGUAGE_PROFILE_USAGE}\n`);
    return 0;
  }
  const dir = dataDir(values.data);
  const { fit, measure } = await samples(dir);
  const profile = fitLanguageProfile(fit, {
    source: `ESCO v1 labels in English, German, Spanish, French, Dutch, Polish and Portuguese (esco-i18n's held-out alternative labels left out) and jobbert-val's training part (English vacancy titles)`,
  });
  const out = resolve(values.out ?? join(bundledModelDir(undefined, 'multilingual'), LANGUAGE_PROFILE_FILE));
  await writeFileAtomic(out, `${JSON.stringify(profile)}\n`);
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `language profile: ${Object.keys(profile.features).length} features over ${profile.languages.length} languages, fitted on ${Object.values(fit).reduce((s, t) => s + t.length, 0)} titles, written to ${out}`,
    'measured on titles it never saw (English: jobbert-dev vacancy titles; others: held-out ESCO alternative labels)',
    '| language | titles | right | wrong | undetermined |',
    '| --- | --- | --- | --- | --- |',
    ...measureProfile(profile, measure).map((m) => `| ${LANGUAGE_NAMES[m.language]} | ${m.titles} | ${pct(m.right)} | ${pct(m.wrong)} | ${pct(m.undetermined)} |`),
    '',
    `the model --model auto picks for lists of these titles (consecutive runs of N distinct titles; multilingual from ${pct(MULTILINGUAL_SHARE)} of a list in other languages)`,
    '| language | lists of 10 | lists of 50 | lists of 200 |',
    '| --- | --- | --- | --- |',
    ...(Object.entries(measure) as [TitleLanguage, string[]][]).map(
      ([language, titles]) => `| ${LANGUAGE_NAMES[language]} | ${[10, 50, 200].map((n) => routedShare(profile, titles, n)).join(' | ')} |`,
    ),
    '',
  ];
  io.stdout.write(lines.join('\n'));
  return 0;
}

// `npm run language-profile` runs this file directly.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io = processIo();
  process.exitCode = await runGuarded('language-profile', () => runLanguageProfile(process.argv.slice(2), io), io);
}
