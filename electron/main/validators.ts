/** The argument checks of every invoke method: the shape the contract promises, nothing more. */
import { BUCKETS } from '../contract/confidence.js';
import { SENIORITY_MODES } from '../contract/seniority.js';
import { TAXONOMY_IDS } from '../contract/taxonomy.js';
import { MODEL_CHOICES, PROVIDER_CHOICES } from '../contract/types.js';
import type { Validators } from './ipc.js';
import { absPath, args, bool, distinctList, list, nullable, num, obj, oneOf, optional, str } from './validate.js';

const side = oneOf('candidates', 'targets');
const direction = oneOf('byTarget', 'byCandidate');
const id = str({ max: 100 });
const column = str({ max: 1_000 });
const input = obj({ tableId: id, column });
const seniority = optional(oneOf(...SENIORITY_MODES));
const settings = obj({ topK: num(1, 100, { integer: true }), threshold: num(0, 1), direction, seniority, adapt: optional(bool) });
const title = str({ max: 1_000 });
const verdict = oneOf('accept', 'reject');
/** A project's decisions: as many as a recruiter could make in a long project, each a pair of titles. */
const decisions = optional(list(obj({ query: title, match: title, decision: verdict }), 100_000));

/** Validators for every invoke method. */
export const validators: Validators = {
  engineStatus: args(),
  setProvider: args(oneOf(...PROVIDER_CHOICES)),
  pickModelFolder: args(),
  setModel: args(nullable(absPath)),
  setModelChoice: args(oneOf(...MODEL_CHOICES)),
  pickTable: args(side),
  loadTable: args(obj({ side, path: absPath, sheet: nullable(str({ max: 1_000 })) })),
  loadTaxonomy: args(oneOf(...TAXONOMY_IDS)),
  match: args(obj({ candidates: input, targets: input, topK: num(1, 100, { integer: true }), seniority, decisions, adapt: optional(bool) })),
  cancelMatch: args(),
  explain: args(obj({ query: str({ max: 1_000 }), match: str({ max: 1_000 }) })),
  exportResults: args(
    obj({
      runId: id,
      format: oneOf('xlsx', 'csv', 'html', 'pdf'),
      direction,
      topK: num(1, 100, { integer: true }),
      threshold: num(0, 1),
      buckets: optional(distinctList(oneOf(...BUCKETS), BUCKETS.length)),
      openAfter: bool,
    }),
  ),
  saveProject: args(obj({ candidates: nullable(input), targets: nullable(input), settings, runId: nullable(id), decisions, saveAs: bool })),
  openProject: args(obj({ path: nullable(absPath) })),
  recentFiles: args(),
  savedDecisions: args(),
  decide: args(obj({ query: title, match: title, decision: nullable(verdict) })),
  importDecisions: args(),
  exportDecisions: args(),
  clearDecisions: args(),
};
