import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../electron/core/io/index.js';
import { ZipArchive } from '../../../../electron/core/io/zip.js';
import { renderHtmlString, writeReport, type MatchReport } from '../../../../electron/core/report/index.js';
import { tempFolder } from '../io/helpers.js';
import { sampleReport, xfsOf } from './report-helpers.js';

const tmp = tempFolder('titlematch-report-confidence-');

// The sample's four matches, with a confidence and bucket each, and a calibrated run.
async function withConfidence(): Promise<MatchReport> {
  const report = await sampleReport();
  const facets = [
    { confidence: 0.91234, bucket: 'accept' as const },
    { confidence: 0.2, bucket: 'review' as const },
    { confidence: 0.5, bucket: 'review' as const },
    { confidence: 0.004, bucket: 'reject' as const },
  ];
  return {
    directions: [{ ...report.directions[0], matches: report.directions[0].matches.map((m, i) => ({ ...m, facets: facets[i] })) }],
    run: { ...report.run, confidence: { calibrated: true, levels: { accept: 0.85, review: 0.11 }, reviewScore: 0.47 } },
  };
}

describe('confidence and bucket columns', () => {
  it('XLSX: confidence as a number shown as a percentage, the bucket as its word on its colour, after the score', async () => {
    const path = join(tmp.dir, 'confidence.xlsx');
    await writeReport(path, await withConfidence());
    const sheet = await readTable(path);
    expect(sheet.columns.slice(-3)).toEqual(['Score', 'Confidence', 'Bucket']);
    const at = sheet.columns.indexOf('Confidence');
    expect(sheet.rows.map((r) => [r[at] ?? '', r[at + 1] ?? ''])).toEqual([
      ['91%', 'accept'],
      ['20%', 'review'],
      ['50%', 'review'],
      ['', ''],
      ['0%', 'reject'],
    ]);
    const zip = await ZipArchive.open(path, 'report');
    try {
      const xml = await zip.text('xl/worksheets/sheet1.xml');
      const xfs = xfsOf(await zip.text('xl/styles.xml'));
      const conf = /<c r="Q2" s="(\d+)"><v>0.9123<\/v><\/c>/.exec(xml);
      expect(conf).not.toBeNull();
      expect(xfs[Number(conf?.[1])]).toContain('numFmtId="9"'); // built-in "0%"
      const styleOf = (ref: string): string => xfs[Number(new RegExp(`<c r="${ref}" t="inlineStr" s="(\\d+)">`).exec(xml)?.[1] ?? -1)] ?? '';
      // Three buckets, three looks; two review cells in different bands share theirs.
      const accept = styleOf('R2');
      const review = styleOf('R3');
      const reject = styleOf('R6');
      expect(new Set([accept, review, reject]).size).toBe(3);
      for (const s of [accept, review, reject]) expect(s).toContain('applyFill="1"');
      const look = (xf: string): string => /fontId="\d+" fillId="\d+"/.exec(xf)?.[0] ?? '';
      expect(look(styleOf('R4'))).toBe(look(review));
      const styles = await zip.text('xl/styles.xml');
      expect(styles).toContain('FFC6EFCE');
      expect(styles).toContain('FFFFC7CE');
    } finally {
      zip.close();
    }
    const summary = new Map((await readTable(path, { sheet: 'Summary', header: false })).rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Confidence')).toBe('accept at 85% or more, review from 11%, reject below (a best match reaches review at score 0.47)');
  });

  it('CSV report: the confidence as a fraction with 4 decimals and the bucket as its word', async () => {
    const path = join(tmp.dir, 'confidence.csv');
    await writeReport(path, await withConfidence());
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    expect(lines[0].endsWith(',Score,Confidence,Bucket')).toBe(true);
    expect(lines[1].endsWith(',0.8765,0.9123,accept')).toBe(true);
    expect(lines[4]).toMatch(/,,,$/); // row 4: no match, blank score, confidence and bucket
  });

  it('HTML: the confidence as a percentage and the bucket as a coloured word', async () => {
    const html = await renderHtmlString(await withConfidence());
    expect(html).toContain('<th scope="col">Confidence</th><th scope="col">Bucket</th>');
    expect(html).toContain('<td class="facet percent">91%</td><td class="facet"><span class="bucket accept">Accept</span></td>');
    expect(html).toContain('<td class="facet percent">&lt;1%</td><td class="facet"><span class="bucket reject">Reject</span></td>'.replace('&lt;', '<'));
    expect(html).toMatch(/\.bucket\.accept \{ background: #c6efce/);
  });

  it('a run without a calibration: no confidence columns, and the summary says why', async () => {
    const report = await sampleReport();
    const plain: MatchReport = { ...report, run: { ...report.run, confidence: { calibrated: false, reason: 'the model has no confidence.json, so scores are shown without a confidence' } } };
    const path = join(tmp.dir, 'plain.xlsx');
    await writeReport(path, plain);
    expect((await readTable(path)).columns.at(-1)).toBe('Score');
    const summary = new Map((await readTable(path, { sheet: 'Summary', header: false })).rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Confidence')).toBe('none: the model has no confidence.json, so scores are shown without a confidence');
    const html = await renderHtmlString(plain);
    expect(html).not.toContain('class="bucket');
    expect(html).toContain('<th scope="row">Confidence</th><td>none: the model has no confidence.json, so scores are shown without a confidence</td>');
  });
});
