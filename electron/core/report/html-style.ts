/**
 * The printable report's stylesheet: light on screen, and a print sheet that repeats the table
 * header on every page, keeps each query's block on one page and prints the score bars. The page
 * margins are those the PDF export asks for (pdf.ts), so a browser's print and the app's PDF agree.
 */
/** Page margins in millimetres, for the print sheet and for the PDF export. */
export const PAGE_MARGINS_MM = { top: 14, right: 12, bottom: 16, left: 12 } as const;

const M = PAGE_MARGINS_MM;

/** The stylesheet, inlined in the report's head. */
export const REPORT_STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #1b1f24; background: #fff; font-size: 15px; }
body { margin: 2rem auto; max-width: 64rem; padding: 0 1.25rem; line-height: 1.35; }
.head { margin-bottom: 1rem; }
.brand { margin: 0; font-size: .75rem; letter-spacing: .06em; text-transform: uppercase; color: #57606a; }
h1 { font-size: 1.55rem; margin: .1rem 0 .35rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
.lines { margin: .15rem 0; color: #3d444d; font-size: .87rem; }
table { border-collapse: collapse; width: 100%; }
.matches { table-layout: fixed; font-size: .9rem; }
.matches col.c-query { width: 27%; }
.matches col.c-rank { width: 2.2rem; }
.matches col.c-score { width: 7.2rem; }
.matches col.c-code { width: 7rem; }
.matches .level { font-size: .8rem; color: #57606a; }
.score .model { display: block; font-size: .75rem; color: #6e7781; }
.matches col.c-confidence { width: 4.6rem; }
.matches col.c-bucket { width: 4.6rem; }
.matches thead th { text-align: left; font-size: .78rem; font-weight: 600; color: #3d444d; padding: .35rem .5rem; border-bottom: 2px solid #1b1f24; vertical-align: bottom; }
.matches .sub { display: block; font-weight: normal; color: #6e7781; }
.matches td, .matches tbody th { padding: .28rem .5rem; vertical-align: top; text-align: left; }
.matches tbody { border-top: 1px solid #afb8c1; }
.matches tbody.even { background: #f4f6f8; }
.matches tbody th { font-weight: 600; }
.matches tbody tr + tr td { border-top: 1px solid #e4e8ec; }
.title { white-space: pre-line; overflow-wrap: anywhere; }
.meta { display: block; font-weight: normal; font-size: .78rem; color: #6e7781; overflow-wrap: anywhere; }
.rank { text-align: right !important; color: #57606a; font-variant-numeric: tabular-nums; }
.score { white-space: nowrap; text-align: right !important; }
.bar { display: inline-block; width: 3.4rem; height: .55rem; margin-right: .45rem; vertical-align: middle; background: #dfe4e8; border-radius: 2px; overflow: hidden; }
.bar > span { display: block; height: 100%; }
.bar > .high { background: #2f8f4e; }
.bar > .mid { background: #c98a0b; }
.bar > .low { background: #c2410c; }
.value { display: inline-block; min-width: 2.4rem; font-variant-numeric: tabular-nums; font-weight: 600; }
.none { color: #57606a; font-style: italic; }
.percent { text-align: right !important; font-variant-numeric: tabular-nums; }
.bucket { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .8rem; font-weight: 600; }
.bucket.accept { background: #c6efce; color: #006100; }
.bucket.review { background: #ffeb9c; color: #7a4500; }
.bucket.reject { background: #ffc7ce; color: #9c0006; }
.about { margin-top: 1.5rem; font-size: .8rem; color: #3d444d; }
.about h2 { font-size: 1rem; }
.facts { margin-bottom: .6rem; }
.facts th, .facts td { text-align: left; padding: .15rem .5rem .15rem 0; vertical-align: top; overflow-wrap: anywhere; }
.facts thead th { border-bottom: 1px solid #afb8c1; }
.facts tbody th { font-weight: 600; width: 16rem; }
.note { color: #57606a; }
@page { margin: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm; }
@media print {
  :root { font-size: 9.5pt; }
  body { margin: 0; max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tbody, tr { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, .head { break-after: avoid; page-break-after: avoid; }
  h2.next { break-before: page; page-break-before: always; }
  .about { break-inside: avoid; page-break-inside: avoid; }
}
`;
