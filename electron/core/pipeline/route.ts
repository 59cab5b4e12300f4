/**
 * Which bundled model a run uses: the English model, or the multilingual one where the titles are
 * in other languages. The two models' vectors do not compare with each other, so a run uses one
 * model for both sides, picked from the languages detected in its titles (the setting 'auto'), or
 * the one the person chose.
 *
 * Why two models: the multilingual model is a little behind the English one on English titles
 * (models/training/README.md), while the English model cannot match other languages at all; so a
 * run switches to the multilingual model as soon as a small share of its titles are in another
 * language (MULTILINGUAL_SHARE), and English runs keep the English model.
 */
import type { ModelChoice, ModelRoute } from '../../contract/types.js';
import type { BundledModel } from '../engine/index.js';
import { describeMix, languageCounts, languageMix, type LanguageProfile } from '../text/language.js';

// The profile lives beside the multilingual model; the engine reads it too (which titles it reads
// as English), so its loader belongs to the engine's model folder.
export { LANGUAGE_PROFILE_FILE, loadLanguageProfile } from '../engine/index.js';

/**
 * Share of a run's distinct titles detected in a language other than English from which 'auto'
 * picks the multilingual model. The detector calls about 1% of English vacancy titles something
 * else (bench: `npm run language-profile`), so English lists stay English; a list with one title in
 * twenty in another language already gains more from the multilingual model than English loses.
 */
export const MULTILINGUAL_SHARE = 0.05;

/**
 * The model for a run's titles (both sides' distinct titles, or the queries alone against a fixed
 * taxonomy) under the setting `choice`: the multilingual model from a share `least` of them in
 * other languages. Without a language profile 'auto' keeps the English model and says why.
 */
export function routeModel(choice: ModelChoice, profile: LanguageProfile | undefined, titles: Iterable<string>, least: number = MULTILINGUAL_SHARE): ModelRoute & { model: BundledModel } {
  if (choice !== 'auto') return { choice, model: choice, reason: `the ${choice === 'english' ? 'English' : 'multilingual'} model, as set` };
  if (profile === undefined) return { choice, model: 'english', reason: 'the English model: no language profile to tell the titles’ languages' };
  const mix = languageMix(profile, titles);
  const other = Object.entries(mix.counts).reduce((n, [language, count]) => (language === 'en' ? n : n + count), 0);
  const share = mix.total === 0 ? 0 : other / mix.total;
  const languages = describeMix(mix);
  if (other > 0 && share >= least) {
    return { choice, model: 'multilingual', reason: `the multilingual model: ${Math.round(100 * share)}% of the titles are in other languages (${languageCounts(mix, 'en').join(', ')}); ${languages}` };
  }
  return { choice, model: 'english', reason: `the English model: ${other === 0 ? 'no title' : `only ${other}`} in another language; ${languages}` };
}
