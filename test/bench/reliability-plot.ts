/**
 * Draws the reliability plot of `titlematch eval --reliability FILE` (confidence deciles against
 * the observed share of right matches, the diagonal being perfect calibration) as a PNG a person
 * can look at, through Debian's Chromium: `node out/test/bench/reliability-plot.js IN.json OUT.png`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

interface Bin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  observed: number;
}

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: reliability-plot IN.json OUT.png');
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`reliability plot skipped: ${CHROMIUM} is not installed (apt-get install chromium)\n`);
  process.exit(0);
}
const data = JSON.parse(await readFile(input, 'utf8')) as { model: string; queries: number; ece: number; bins: Bin[] };
const W = 640;
const H = 520;
const P = { l: 70, r: 20, t: 50, b: 60 };
const x = (v: number): number => P.l + v * (W - P.l - P.r);
const y = (v: number): number => H - P.b - v * (H - P.t - P.b);
const bars = data.bins
  .filter((b) => b.count > 0)
  .map(
    (b) =>
      `<rect x="${x(b.from) + 2}" y="${y(b.observed)}" width="${x(b.to) - x(b.from) - 4}" height="${y(0) - y(b.observed)}" fill="#4a7ab5" opacity="0.75"/>` +
      `<circle cx="${x(b.meanConfidence)}" cy="${y(b.observed)}" r="4" fill="#c0392b"/>` +
      `<text x="${(x(b.from) + x(b.to)) / 2}" y="${y(0) + 34}" font-size="10" text-anchor="middle" fill="#555">n=${b.count}</text>`,
  )
  .join('');
const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1]
  .map(
    (t) =>
      `<text x="${x(t)}" y="${y(0) + 18}" font-size="12" text-anchor="middle">${t.toFixed(1)}</text>` +
      `<text x="${x(0) - 8}" y="${y(t) + 4}" font-size="12" text-anchor="end">${t.toFixed(1)}</text>` +
      `<line x1="${x(0)}" x2="${x(1)}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/>`,
  )
  .join('');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${W / 2}" y="20" font-size="15" text-anchor="middle">Reliability: ${data.model}</text>
<text x="${W / 2}" y="38" font-size="12" text-anchor="middle" fill="#444">best matches of ${data.queries} held-out jobbert-dev titles; expected calibration error ${data.ece.toFixed(3)}</text>
${ticks}${bars}
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#333" stroke-dasharray="5,4"/>
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}" stroke="#333"/><line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}" stroke="#333"/>
<text x="${W / 2}" y="${H - 8}" font-size="13" text-anchor="middle">confidence (bars: deciles; dots: mean confidence in the decile)</text>
<text x="18" y="${H / 2}" font-size="13" text-anchor="middle" transform="rotate(-90 18 ${H / 2})">observed share of right matches</text>
</svg>`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
try {
  const page = await browser.newPage({ viewport: { width: W, height: H } });
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  await page.screenshot({ path: output });
} finally {
  await browser.close();
}
process.stdout.write(`reliability plot written to ${output}\n`);
