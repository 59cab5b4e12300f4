import { Writable } from 'node:stream';
import { bucketLabel, confidencePercent } from '../../contract/confidence.js';
import { scoreBand } from '../../contract/score.js';
import { put, writeAtomic } from '../files/atomic-write.js';
import { directionHeading, reportFacts, reportTitle, runLine, selectionLine, sideLine, sideNouns } from './facts.js';
import { REPORT_STYLE } from './html-style.js';
import { matchesByRow, presentFacets, titleAt } from './layout.js';
import type { MatchFacets, MatchReport, ReportDirection, ReportSide } from './types.js';

/** Escapes text for HTML content and attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Other columns shown under a title, so a reader knows who or what it is (the XLSX has them all). */
const META_COLUMNS = 3;
const META_CHARS = 40;

function metaColumns(side: ReportSide): number[] {
  return side.table.columns.map((_, i) => i).filter((i) => i !== side.column).slice(0, META_COLUMNS);
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > META_CHARS ? `${t.slice(0, META_CHARS - 1)}…` : t;
}

/** "row 3 · Hedy Lamarr · Vienna": where the row is and its first other columns. */
function meta(side: ReportSide, row: number, columns: number[]): string {
  const cells = side.table.rows[row - 1] ?? [];
  const parts = [`row ${row}`, ...columns.map((i) => clip(cells[i] ?? '')).filter((v) => v !== '')];
  return `<span class="meta">${htmlEscape(parts.join(' · '))}</span>`;
}

/**
 * The score as a bar and its number, which never wrap apart, the bar coloured by band as in the
 * app, and under them the model's own score where seniority lowered it (as printed). Scores below
 * zero show an empty bar.
 */
function score(value: number, model: number | undefined): string {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  const own = model === undefined || model.toFixed(2) === value.toFixed(2) ? '' : `<span class="model">model ${model.toFixed(2)}</span>`;
  return `<td class="score"><span class="bar" aria-hidden="true"><span class="${scoreBand(value)}" style="width:${pct}%"></span></span><span class="value">${value.toFixed(2)}</span>${own}</td>`;
}

// A printed page has no room for a column per fact (with them, the first A4 page held one opening
// instead of three): the model score goes under the score, the match's seniority after its title,
// and the query's (the same for all its matches) under the query's title.
const IN_CELLS = new Set<keyof MatchFacets>(['modelScore', 'seniorityQuery', 'seniorityMatch']);

/** The optional columns of the printable report. */
function columnFacets(dir: ReportDirection): ReturnType<typeof presentFacets> {
  return presentFacets(dir).filter((f) => !IN_CELLS.has(f.facet));
}

/** An optional column's cell: a confidence as a percentage, a bucket as its word on its colour. */
function facetCell(facets: MatchFacets | undefined, facet: keyof MatchFacets): string {
  if (facet === 'confidence') return `<td class="facet percent">${facets?.confidence === undefined ? '' : confidencePercent(facets.confidence)}</td>`;
  if (facet === 'bucket') return `<td class="facet">${facets?.bucket === undefined ? '' : `<span class="bucket ${facets.bucket}">${bucketLabel(facets.bucket)}</span>`}</td>`;
  const text = facets?.[facet];
  return `<td class="facet">${htmlEscape(typeof text === 'string' ? text : '')}</td>`;
}

function tableHead(dir: ReportDirection): string {
  const q = sideNouns(dir.query, 0);
  const c = sideNouns(dir.corpus, 1);
  const sub = (side: ReportSide): string => {
    const names = ['row', ...metaColumns(side).map((i) => side.table.columns[i])];
    return `<span class="sub">${htmlEscape(names.join(' · '))}</span>`;
  };
  const facets = columnFacets(dir);
  const present = new Set(presentFacets(dir).map((f) => f.facet));
  const model = present.has('modelScore') ? '<span class="sub">model score</span>' : '';
  const level = present.has('seniorityMatch') ? ' · seniority' : '';
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  return (
    `<colgroup><col class="c-query"><col class="c-rank"><col class="c-match"><col class="c-score">${facets.map((f) => `<col class="c-${f.facet}">`).join('')}</colgroup>` +
    `<thead><tr><th scope="col">${htmlEscape(cap(q.one))}${sub(dir.query)}</th><th scope="col" class="rank" title="Rank">#</th>` +
    `<th scope="col">${htmlEscape(cap(c.one) + level)}${sub(dir.corpus)}</th><th scope="col" class="score">Score${model}</th>` +
    `${facets.map((f) => `<th scope="col">${htmlEscape(f.header)}</th>`).join('')}</tr></thead>\n`
  );
}

async function renderDirection(report: MatchReport, dir: ReportDirection, index: number, perQuery: number, out: Writable): Promise<void> {
  if (report.directions.length > 1) {
    await put(out, `<h2 class="direction${index > 0 ? ' next' : ''}">${htmlEscape(directionHeading(dir))}</h2>\n`);
    if (index > 0) await put(out, `<p class="lines">${htmlEscape(selectionLine(dir, report.run, perQuery))}.</p>\n`);
  }
  await put(out, `<table class="matches">${tableHead(dir)}`);
  const byRow = matchesByRow(dir.matches);
  const facets = columnFacets(dir);
  const queryMeta = metaColumns(dir.query);
  const corpusMeta = metaColumns(dir.corpus);
  const none =
    report.run.threshold === undefined ? 'No match.' : `No ${sideNouns(dir.corpus, 1).one} scored ${report.run.threshold.toFixed(2)} or more.`;
  let chunk = '';
  let group = 0;
  for (let r = 1; r <= dir.query.table.rows.length; r++) {
    const title = titleAt(dir.query, r);
    if (title === '') continue;
    // By rank: rows that carry the same title share a rank, and are listed together.
    const list = (byRow.get(r) ?? []).filter((m) => m.rank <= perQuery);
    const level = list[0]?.facets?.seniorityQuery;
    const seniority = level === undefined ? '' : `<span class="meta">seniority: ${htmlEscape(level)}</span>`;
    const head = `<th scope="rowgroup" rowspan="${Math.max(1, list.length)}" class="query"><span class="title">${htmlEscape(title)}</span>${meta(dir.query, r, queryMeta)}${seniority}</th>`;
    chunk += `<tbody class="${group++ % 2 === 0 ? 'odd' : 'even'}">`;
    if (list.length === 0) chunk += `<tr>${head}<td colspan="${3 + facets.length}" class="none">${htmlEscape(none)}</td></tr>`;
    list.forEach((m, i) => {
      chunk += `<tr>${i === 0 ? head : ''}<td class="rank">${m.rank}</td>`;
      const matchLevel = m.facets?.seniorityMatch === undefined ? '' : `<span class="level"> · ${htmlEscape(m.facets.seniorityMatch)}</span>`;
      chunk += `<td class="match"><span class="title">${htmlEscape(titleAt(dir.corpus, m.matchRow))}</span>${matchLevel}${meta(dir.corpus, m.matchRow, corpusMeta)}</td>${score(m.score, m.facets?.modelScore)}`;
      for (const f of facets) chunk += facetCell(m.facets, f.facet);
      chunk += '</tr>';
    });
    chunk += '</tbody>\n';
    if (chunk.length >= 1 << 16) {
      await put(out, chunk);
      chunk = '';
    }
  }
  await put(out, `${chunk}</table>\n`);
}

function cellText(v: string | number): string {
  return htmlEscape(typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : typeof v === 'number' ? v.toLocaleString('en-US') : v);
}

/** The details a reader may want to check, after the matches: inputs side by side, then the run. */
function about(report: MatchReport): string {
  const facts = reportFacts(report);
  const [head, ...rows] = facts.inputs;
  let html = '<section class="about"><h2>About this report</h2>';
  if (head) {
    html += `<table class="facts"><thead><tr>${head.map((h) => `<th scope="col">${cellText(h)}</th>`).join('')}</tr></thead><tbody>`;
    html += rows.map(([k, ...v]) => `<tr><th scope="row">${cellText(k)}</th>${v.map((x) => `<td>${cellText(x)}</td>`).join('')}</tr>`).join('');
    html += '</tbody></table>';
  }
  html += `<table class="facts"><tbody>${facts.run.map(([k, v]) => `<tr><th scope="row">${cellText(k)}</th><td>${cellText(v)}</td></tr>`).join('')}</tbody></table>`;
  let note = 'Scores are the cosine similarity of the two titles as the model reads them: 1 is the same meaning, 0 unrelated.';
  if (report.run.seniority === 'prefer') note += ' Scores are then lowered for seniority (see Seniority below); the model’s own score is shown under each.';
  if (report.run.confidence?.calibrated) note += ' Confidence is the chance, measured on job titles the model was not trained on, that a match names the same job; its bucket says what to do with it.';
  html += `<p class="note">${htmlEscape(note)} The spreadsheet reports (XLSX, CSV) carry every match kept and every column of both files.</p>`;
  return `${html}</section>\n`;
}

/** Options for the printable report. */
export interface HtmlOptions {
  /** Matches listed under each query (default 5): a printout is read, not filtered. */
  perQuery?: number;
}

/**
 * Streams a self-contained printable HTML report (no scripts, no external resources): a short
 * header (what was matched against what, how, when), then one table of every query's best matches,
 * its header repeated on each printed page and each query's block kept on one page, then the
 * details of the inputs and the run.
 */
export async function renderHtml(report: MatchReport, out: Writable, options: HtmlOptions = {}): Promise<void> {
  const perQuery = options.perQuery ?? 5;
  const title = reportTitle(report);
  const first = report.directions[0];
  let header = `<header class="head"><p class="brand">TitleMatch match report</p><h1>${htmlEscape(title)}</h1>`;
  if (first) {
    header += `<p class="lines">${htmlEscape(sideLine(first.query, 0))}<br>${htmlEscape(sideLine(first.corpus, 1))}</p>`;
    header += `<p class="lines">${htmlEscape(selectionLine(first, report.run, perQuery))}. ${htmlEscape(runLine(report.run))}.</p>`;
  }
  header += '</header>\n';
  await put(
    out,
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
      `<meta name="color-scheme" content="light">\n<title>${htmlEscape(title)} · TitleMatch</title>\n<style>${REPORT_STYLE}</style>\n</head>\n<body>\n${header}`,
  );
  for (let i = 0; i < report.directions.length; i++) await renderDirection(report, report.directions[i], i, perQuery, out);
  await put(out, `${about(report)}</body>\n</html>\n`);
}

/** The printable report as one string (for printing to PDF). */
export async function renderHtmlString(report: MatchReport, options: HtmlOptions = {}): Promise<string> {
  const parts: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      parts.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  await renderHtml(report, sink, options);
  return parts.join('');
}

/** Writes the printable report to `path` atomically. */
export async function writeHtmlReport(path: string, report: MatchReport, options: HtmlOptions = {}): Promise<void> {
  await writeAtomic(path, (out) => renderHtml(report, out, options));
}
