/** Title normalisation, shared by the engine (what the model sees) and the app (explanations). */
export { normalizeTitle, analyzeTitle, compareTitles, readsSenses, titleReadings } from './normalize.js';
