/** Calibrated confidence of matches and the accept / review / reject buckets. */
export { CONFIDENCE_FILE, FEATURES, bucketOf, confidenceOf, readCalibration } from './calibration.js';
export type { Calibration, CalibrationState, LevelFigures } from './calibration.js';
export { chooseLevels, confidences, fitLogistic, levelFigures, reliability, scoreAtConfidence } from './fit.js';
export type { LabelledMatch, ReliabilityBin } from './fit.js';
export { manifestModelSha, modelCalibration, rankedConfidences, runConfidence } from './model.js';
