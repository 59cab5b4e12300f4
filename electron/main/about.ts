/**
 * What the About box says: the app, its version, and the attribution the licences of the shipped
 * occupation taxonomies ask for (the same lines as NOTICE).
 */
import type { AboutPanelOptionsOptions } from 'electron';
import { ESCO_ATTRIBUTION, ONET_ATTRIBUTION } from '../core/taxonomy/derive.js';
import { JOBBERT_ATTRIBUTION } from '../core/taxonomy/jobbert.js';

/** The About box's options. Linux shows no credits, so there the attribution follows the copyright. */
export function aboutPanel(version: string, platform: NodeJS.Platform = process.platform): AboutPanelOptionsOptions {
  const copyright = 'Copyright © TitleMatch contributors. MIT licence.';
  const credits = `Occupations shipped with TitleMatch:\n${ONET_ATTRIBUTION} O*NET® is a trademark of USDOL/ETA.\n${ESCO_ATTRIBUTION} Reuse allowed with attribution (Commission Decision 2011/833/EU).\n${JOBBERT_ATTRIBUTION}`;
  return platform === 'linux'
    ? { applicationName: 'TitleMatch', applicationVersion: version, copyright: `${copyright}\n\n${credits}` }
    : { applicationName: 'TitleMatch', applicationVersion: version, copyright, credits };
}
