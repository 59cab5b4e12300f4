import type { Writable } from 'node:stream';
import { put, writeAtomic } from './atomic.js';
import { directionName, directionTitle, matchesByRow, sideLabel, summaryPairs, titleAt } from './layout.js';
import type { MatchReport, ReportDirection } from './types.js';

/** Escapes text for HTML content and attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #1b1b1b; }
body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #d9e1f2; padding-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .2rem .5rem; vertical-align: top; }
.summary th { width: 16rem; font-weight: 600; }
.summary td, .summary th { border-bottom: 1px solid #eee; }
section.query { break-inside: avoid; page-break-inside: avoid; margin: .9rem 0; }
section.query h3 { font-size: 1rem; margin: 0 0 .2rem; }
section.query h3 .row { color: #666; font-weight: normal; font-size: .85rem; }
.matches th { font-size: .8rem; color: #555; border-bottom: 1px solid #ccc; }
.matches td { border-bottom: 1px solid #f0f0f0; }
.matches td.num { text-align: right; width: 4rem; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .55rem; background: #63be7b; vertical-align: middle; margin-right: .4rem; }
.none { color: #666; font-style: italic; }
.cell { white-space: pre-wrap; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 15mm; }
`;

/** Scores below zero show an empty bar; one shows a full one. */
function bar(score: number): string {
  const pct = Math.round(Math.max(0, Math.min(1, score)) * 100);
  return `<span class="bar" style="width:${(pct / 100) * 4}rem" aria-hidden="true"></span>`;
}

async function renderDirection(dir: ReportDirection, index: number, perQuery: number, out: Writable): Promise<void> {
  await put(out, `<h2>${htmlEscape(directionName(dir, index))}</h2>\n<p>${htmlEscape(directionTitle(dir))}.</p>\n`);
  const byRow = matchesByRow(dir.matches);
  const corpusLabel = htmlEscape(sideLabel(dir.corpus, 1));
  let chunk = '';
  const rows = dir.query.table.rows.length;
  for (let r = 1; r <= rows; r++) {
    const title = titleAt(dir.query, r);
    if (title === '') continue;
    chunk += `<section class="query"><h3><span class="cell">${htmlEscape(title)}</span> <span class="row">row ${r}</span></h3>\n`;
    const list = (byRow.get(r) ?? []).slice(0, perQuery);
    if (list.length === 0) chunk += `<p class="none">No match in ${corpusLabel} above the threshold.</p>`;
    else {
      chunk += `<table class="matches"><thead><tr><th class="num">Rank</th><th>Match</th><th class="num">Row</th><th class="num">Score</th></tr></thead><tbody>`;
      for (const m of list) {
        const match = titleAt(dir.corpus, m.matchRow);
        chunk += `<tr><td class="num">${m.rank}</td><td class="cell">${htmlEscape(match)}</td><td class="num">${m.matchRow}</td><td class="num">${bar(m.score)}${m.score.toFixed(2)}</td></tr>`;
      }
      chunk += '</tbody></table>';
    }
    chunk += '</section>\n';
    if (chunk.length >= 1 << 16) {
      await put(out, chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await put(out, chunk);
}

/** Options for the printable report. */
export interface HtmlOptions {
  /** Matches listed under each query (default 5): a printout is read, not filtered. */
  perQuery?: number;
}

/**
 * Streams a self-contained printable HTML report (no scripts, no external resources): the summary,
 * then for every query row its best matches with scores. Each query's block stays on one page.
 */
export async function renderHtml(report: MatchReport, out: Writable, options: HtmlOptions = {}): Promise<void> {
  const perQuery = options.perQuery ?? 5;
  const summary = summaryPairs(report)
    .map(([k, v]) => `<tr><th scope="row">${htmlEscape(k)}</th><td class="cell">${htmlEscape(typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v))}</td></tr>`)
    .join('\n');
  await put(
    out,
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
      `<title>TitleMatch match report</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<h1>TitleMatch match report</h1>\n` +
      `<p>Up to ${perQuery} matches for each title, best first. The spreadsheet report (XLSX or CSV) carries every match and every column.</p>\n` +
      `<h2>Summary</h2>\n<table class="summary">\n${summary}\n</table>\n`,
  );
  for (let i = 0; i < report.directions.length; i++) await renderDirection(report.directions[i], i, perQuery, out);
  await put(out, '</body>\n</html>\n');
}

/** Writes the printable report to `path` atomically. */
export async function writeHtmlReport(path: string, report: MatchReport, options: HtmlOptions = {}): Promise<void> {
  await writeAtomic(path, (out) => renderHtml(report, out, options));
}
