/**
 * The recruiter's decisions as a file (CSV, TSV, XLSX or ODS, read by the core's table reader):
 * columns `query`, `match` and `decision` (accept or reject). A decision is about a pair of
 * titles as normalised for matching, so "Sr. Atty" and "senior atty" are the same query.
 */
import { readTable } from '../io/index.js';
import { InputError } from '../io/types.js';
import { normalizeTitle } from '../text/index.js';

/** One decision: a pair of titles and whether the match was accepted. */
export interface Decision {
  query: string;
  match: string;
  accept: boolean;
}

/** The decisions of a file, and what a person should know that did not stop the read. */
export interface DecisionsRead {
  decisions: Decision[];
  notes: string[];
}

const ACCEPT = new Set(['accept', 'accepted']);
const REJECT = new Set(['reject', 'rejected']);
const COLUMNS = ['query', 'match', 'decision'] as const;

/** The key a decision's title is known by: its normalised form. */
export function decisionKey(title: string): string {
  return normalizeTitle(title);
}

/** The key of a pair of titles: a later decision about the same key replaces an earlier one. */
export function pairKey(query: string, match: string): string {
  return `${decisionKey(query)}\u0000${decisionKey(match)}`;
}

/**
 * The decisions of a table's rows, the last decision about a pair winning (a later row corrects an
 * earlier one). Bad rows (an empty title, a decision that is not accept or reject) refuse the file
 * with their row numbers: a decision silently dropped would be a match the recruiter keeps seeing.
 */
export function decisionsOf(path: string, columns: readonly string[], rows: readonly (readonly string[])[]): DecisionsRead {
  const lower = columns.map((c) => c.trim().toLowerCase());
  const at = COLUMNS.map((name) => lower.indexOf(name));
  const missing = COLUMNS.filter((_, i) => at[i] < 0);
  if (missing.length > 0) {
    throw new InputError(
      `${path} is not a decisions file: it needs the columns query, match and decision (accept or reject); ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (its columns: ${columns.map((c) => `"${c}"`).join(', ') || 'none'}).`,
      'no-column',
      path,
    );
  }
  const byPair = new Map<string, Decision>();
  const bad: string[] = [];
  let badCount = 0;
  let replaced = 0;
  rows.forEach((cells, i) => {
    const [query, match, decision] = at.map((c) => (cells[c] ?? '').trim());
    if (query === '' && match === '' && decision === '') return;
    const word = decision.toLowerCase();
    const problem =
      query === '' ? 'the query is empty' : match === '' ? 'the match is empty' : !ACCEPT.has(word) && !REJECT.has(word) ? `the decision "${decision}" is not accept or reject` : undefined;
    if (problem !== undefined) {
      badCount++;
      if (bad.length < 5) bad.push(`row ${i + 1}: ${problem}`);
      return;
    }
    const qk = decisionKey(query);
    const mk = decisionKey(match);
    if (qk === '' || mk === '') {
      badCount++;
      if (bad.length < 5) bad.push(`row ${i + 1}: "${qk === '' ? query : match}" has no letters or digits to match on`);
      return;
    }
    const pair = pairKey(query, match);
    if (byPair.delete(pair)) replaced++;
    byPair.set(pair, { query, match, accept: ACCEPT.has(word) });
  });
  if (badCount > 0) {
    throw new InputError(
      `${path}: ${badCount} row(s) cannot be read as decisions (${bad.join('; ')}${badCount > bad.length ? '; ...' : ''}). Rows are counted from the first below the header; fix or remove them.`,
      'bad-rows',
      path,
    );
  }
  const decisions = [...byPair.values()];
  if (decisions.length === 0) throw new InputError(`${path} has no decisions (no row with a query, a match and accept or reject).`, 'empty', path);
  const notes = replaced > 0 ? [`${path}: ${replaced} pair(s) were decided more than once; the last row of each counts.`] : [];
  return { decisions, notes };
}

/** Reads a decisions file (see decisionsOf). */
export async function readDecisions(path: string, sheet?: string): Promise<DecisionsRead> {
  const table = await readTable(path, { header: true, sheet });
  const read = decisionsOf(path, table.columns, table.rows);
  for (const w of table.warnings ?? []) read.notes.push(`${path}: ${w}`);
  return read;
}
