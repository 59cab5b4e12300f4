/**
 * The project file (.titlematch): a piece of matching work saved to reopen later. JSON, versioned:
 * the inputs' places, sheets and columns, the result settings, and the results themselves, so that
 * reopening shows the same matches without running the model again.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { RunConfidence } from '../../contract/confidence.js';
import { DEFAULT_SENIORITY, SENIORITY_LEVELS, SENIORITY_MODES, type SeniorityLevel } from '../../contract/seniority.js';
import { seniorityLevel } from '../text/seniority.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { isTaxonomyId, type TaxonomyId } from '../../contract/taxonomy.js';
import type { AdapterUse, DecisionEntry, Direction, MatchedSide, MatchResult, ProjectSettings, Ranking } from '../../contract/types.js';

/** The file extension projects are saved with (and the desktop associates with the app). */
export const PROJECT_EXTENSION = 'titlematch';
/** The value of the `format` field that marks a project file. */
export const PROJECT_FORMAT = 'titlematch-project';
/** The newest project version this code writes and reads. */
export const PROJECT_VERSION = 1;
/** Project files larger than this are refused before reading (results of 1,000,000 rows fit). */
export const MAX_PROJECT_BYTES = 512 * 1024 * 1024;

/** A project file that cannot be opened; the message says why and what to do. */
export class ProjectError extends Error {
  constructor(
    message: string,
    /** 'not-found', 'too-large', 'not-a-project', 'newer-version', 'corrupt'. */
    readonly code: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ProjectError';
  }
}

/** Where one input lives and which column holds its titles. */
export interface ProjectInputRef {
  /** Absolute path when saved; for a taxonomy, its name as the app shows it. */
  path: string;
  /** Set when the input is a taxonomy shipped with the app: reopened from the app, not from a file. */
  taxonomy?: TaxonomyId;
  /** The same path relative to the project's folder, to find inputs moved along with it. */
  relativePath: string | null;
  sheet: string | null;
  column: string;
}

/** A result as stored: both sides without their runtime table handles. */
export type StoredResult = Omit<MatchResult, 'candidates' | 'targets'> & {
  candidates: Omit<MatchedSide, 'tableId'>;
  targets: Omit<MatchedSide, 'tableId'>;
};

/** The contents of a project file. */
export interface Project {
  candidates: ProjectInputRef | null;
  targets: ProjectInputRef | null;
  settings: ProjectSettings;
  result: StoredResult | null;
  /** The decisions made in the project (older files have none). */
  decisions: DecisionEntry[];
}

/** A project's input as the app knows it when saving. */
export interface InputToSave {
  path: string;
  sheet: string | null;
  column: string;
  taxonomy?: TaxonomyId;
}

/** Builds the stored form of a project to be saved at `projectPath`. */
export function toProject(
  projectPath: string,
  inputs: { candidates: InputToSave | null; targets: InputToSave | null },
  settings: ProjectSettings,
  result: MatchResult | null,
  decisions: DecisionEntry[] = [],
): Project {
  const ref = (input: InputToSave | null): ProjectInputRef | null =>
    input && { ...input, relativePath: input.taxonomy !== undefined ? null : relative(dirname(projectPath), input.path) || null };
  return {
    candidates: ref(inputs.candidates),
    targets: ref(inputs.targets),
    settings,
    result: result && storeResult(result),
    decisions: decisions.map((d) => ({ query: d.query, match: d.match, decision: d.decision })),
  };
}

function storeResult(result: MatchResult): StoredResult {
  const strip = (s: MatchedSide): Omit<MatchedSide, 'tableId'> => ({
    path: s.path,
    fileName: s.fileName,
    sheet: s.sheet,
    column: s.column,
    rowCount: s.rowCount,
    titles: s.titles,
    rowCounts: s.rowCounts,
    ...(s.codes ? { codes: s.codes } : {}),
    levels: s.levels,
  });
  const round5 = (s: number): number => Math.round(s * 1e5) / 1e5;
  const round = (r: Ranking): Ranking => ({
    k: r.k,
    indices: r.indices,
    scores: r.scores.map(round5),
    ...(r.confidence ? { confidence: r.confidence.map(round5) } : {}),
    ...(r.modelScores ? { modelScores: r.modelScores.map(round5) } : {}),
    ...(r.matched ? { matched: r.matched } : {}),
    ...(r.pinned ? { pinned: r.pinned } : {}),
  });
  return {
    ...result,
    candidates: strip(result.candidates),
    targets: strip(result.targets),
    byTarget: round(result.byTarget),
    byCandidate: round(result.byCandidate),
  };
}

/** Writes a project atomically (core/files/atomic-write): an earlier file stays whole until the new one is. */
export async function writeProject(path: string, project: Project): Promise<void> {
  const text = JSON.stringify({ format: PROJECT_FORMAT, version: PROJECT_VERSION, savedAt: new Date().toISOString(), ...project });
  await writeFileAtomic(path, text, { kind: 'project' });
}

/** Reads and checks a project file. */
export async function readProject(path: string): Promise<Project> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ProjectError(`${path} was not found. It may have been moved or deleted.`, 'not-found', path);
  }
  if (size > MAX_PROJECT_BYTES) {
    throw new ProjectError(`${path} is larger than ${MAX_PROJECT_BYTES / 1024 / 1024} MB, too large for a project file.`, 'too-large', path);
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw notAProject(path);
  }
  return parseProject(data, path);
}

function notAProject(path: string): ProjectError {
  return new ProjectError(`${path} is not a TitleMatch project file. Open a file saved with "Save project".`, 'not-a-project', path);
}

/** Checks parsed JSON against the project format; throws ProjectError naming what is wrong. */
export function parseProject(data: unknown, path: string): Project {
  if (!isRecord(data) || data.format !== PROJECT_FORMAT) throw notAProject(path);
  if (typeof data.version !== 'number' || data.version > PROJECT_VERSION) {
    throw new ProjectError(`${path} was saved by a newer TitleMatch (project version ${String(data.version)}). Update TitleMatch to open it.`, 'newer-version', path);
  }
  const corrupt = (what: string): ProjectError =>
    new ProjectError(`${path} is damaged (${what}). Open another copy, or import the spreadsheets again.`, 'corrupt', path);
  const input = (v: unknown, name: string): ProjectInputRef | null => {
    if (v === null || v === undefined) return null;
    if (!isRecord(v) || typeof v.path !== 'string' || typeof v.column !== 'string') throw corrupt(`the ${name} input`);
    if (v.taxonomy !== undefined && !isTaxonomyId(v.taxonomy)) throw corrupt(`the ${name} input`);
    return {
      path: v.path,
      relativePath: typeof v.relativePath === 'string' ? v.relativePath : null,
      sheet: typeof v.sheet === 'string' ? v.sheet : null,
      column: v.column,
      ...(v.taxonomy !== undefined ? { taxonomy: v.taxonomy } : {}),
    };
  };
  return {
    candidates: input(data.candidates, 'candidates'),
    targets: input(data.targets, 'targets'),
    settings: parseSettings(data.settings),
    result: data.result === null || data.result === undefined ? null : parseResult(data.result, corrupt),
    decisions: parseDecisions(data.decisions, corrupt),
  };
}

/** A project's decisions; a project saved before there were decisions has none. */
function parseDecisions(v: unknown, corrupt: (what: string) => ProjectError): DecisionEntry[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw corrupt('the decisions');
  return v.map((d: unknown, i) => {
    if (!isRecord(d) || typeof d.query !== 'string' || typeof d.match !== 'string' || (d.decision !== 'accept' && d.decision !== 'reject')) throw corrupt(`decision ${i + 1}`);
    return { query: d.query, match: d.match, decision: d.decision };
  });
}

/** A stored run's decisions, where it ranked with some. */
function parseAdapterUse(v: unknown): AdapterUse | null {
  if (!isRecord(v)) return null;
  const { decisions, accepted, rejected, summary } = v;
  if (typeof decisions !== 'number' || typeof accepted !== 'number' || typeof rejected !== 'number' || typeof summary !== 'string') return null;
  return { decisions, accepted, rejected, summary };
}

function parseSettings(v: unknown): ProjectSettings {
  const s = isRecord(v) ? v : {};
  const topK = typeof s.topK === 'number' && Number.isInteger(s.topK) && s.topK >= 1 && s.topK <= 100 ? s.topK : 10;
  const threshold = typeof s.threshold === 'number' && s.threshold >= 0 && s.threshold <= 1 ? s.threshold : 0;
  const direction: Direction = s.direction === 'byCandidate' ? 'byCandidate' : 'byTarget';
  const seniority = SENIORITY_MODES.find((m) => m === s.seniority) ?? DEFAULT_SENIORITY;
  // The adapter setting is kept only where it was turned off (absent: on).
  return { topK, threshold, direction, seniority, ...(s.adapt === false ? { adapt: false } : {}) };
}

function parseResult(v: unknown, corrupt: (what: string) => ProjectError): StoredResult {
  if (!isRecord(v)) throw corrupt('the results');
  const side = (x: unknown, name: string): Omit<MatchedSide, 'tableId'> => {
    if (
      !isRecord(x) ||
      typeof x.path !== 'string' ||
      typeof x.fileName !== 'string' ||
      typeof x.column !== 'string' ||
      typeof x.rowCount !== 'number' ||
      !isStringArray(x.titles) ||
      !isNumberArray(x.rowCounts) ||
      x.rowCounts.length !== x.titles.length
    ) {
      throw corrupt(`the ${name} titles`);
    }
    return {
      path: x.path,
      fileName: x.fileName,
      sheet: typeof x.sheet === 'string' ? x.sheet : null,
      column: x.column,
      rowCount: x.rowCount,
      titles: x.titles,
      rowCounts: x.rowCounts,
      ...(isStringArray(x.codes) && x.codes.length === x.titles.length ? { codes: x.codes } : {}),
      levels: storedLevels(x.levels, x.titles),
    };
  };
  const candidates = side(v.candidates, 'candidate');
  const targets = side(v.targets, 'target');
  const ranking = (x: unknown, rows: number, other: number, name: string): Ranking => {
    if (!isRecord(x) || typeof x.k !== 'number' || !isNumberArray(x.indices) || !isNumberArray(x.scores)) throw corrupt(name);
    const { k, indices, scores } = x;
    if (!Number.isInteger(k) || k < 0 || indices.length !== rows * k || scores.length !== indices.length) throw corrupt(name);
    if (indices.some((i) => !Number.isInteger(i) || i < -1 || i >= other)) throw corrupt(name);
    let modelScores: Pick<Ranking, 'modelScores' | 'matched' | 'pinned'> = {};
    if (x.modelScores !== undefined) {
      if (!isNumberArray(x.modelScores) || x.modelScores.length !== scores.length) throw corrupt(name);
      modelScores = { modelScores: x.modelScores };
    }
    // Against a taxonomy: the occupation's title that matched each entry.
    if (x.matched !== undefined) {
      if (!isStringArray(x.matched) || x.matched.length !== scores.length) throw corrupt(name);
      modelScores = { ...modelScores, matched: x.matched };
    }
    if (x.pinned !== undefined) {
      if (!isNumberArray(x.pinned) || x.pinned.length !== scores.length) throw corrupt(name);
      modelScores = { ...modelScores, pinned: x.pinned };
    }
    if (x.confidence === undefined || !calibrated) return { k, indices, scores, ...modelScores };
    if (!isNumberArray(x.confidence) || x.confidence.length !== scores.length || x.confidence.some((c) => c < 0 || c > 1)) throw corrupt(name);
    return { k, indices, scores, confidence: x.confidence, ...modelScores };
  };
  const confidence = parseConfidence(v.confidence);
  const calibrated = confidence.calibrated;
  const model = isRecord(v.model) ? v.model : {};
  const adapter = parseAdapterUse(v.adapter);
  return {
    runId: typeof v.runId === 'string' ? v.runId : randomUUID(),
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
    elapsedMs: typeof v.elapsedMs === 'number' ? v.elapsedMs : 0,
    topK: typeof v.topK === 'number' ? v.topK : 10,
    candidates,
    targets,
    byTarget: ranking(v.byTarget, targets.titles.length, candidates.titles.length, 'the ranking by target'),
    byCandidate: ranking(v.byCandidate, candidates.titles.length, targets.titles.length, 'the ranking by candidate'),
    model: {
      name: typeof model.name === 'string' ? model.name : 'unknown',
      version: typeof model.version === 'string' ? model.version : '',
      ...(typeof model.folder === 'string' ? { folder: model.folder } : {}),
    },
    provider: typeof v.provider === 'string' ? v.provider : '',
    confidence,
    // Results saved before seniority was weighed were ranked by the model alone.
    seniority: SENIORITY_MODES.find((m) => m === v.seniority) ?? 'ignore',
    ...(adapter ? { adapter } : {}),
  };
}

/** A stored side's seniority levels; a project saved before there were levels gets them from the titles. */
function storedLevels(v: unknown, titles: readonly string[]): SeniorityLevel[] {
  const known = (x: unknown): x is SeniorityLevel => SENIORITY_LEVELS.some((l) => l === x);
  if (Array.isArray(v) && v.length === titles.length && v.every(known)) return v;
  return titles.map((t) => seniorityLevel(t).level);
}

/** A stored run's calibration; a project saved before there were confidences shows scores only. */
function parseConfidence(v: unknown): RunConfidence {
  if (isRecord(v) && v.calibrated === false && typeof v.reason === 'string') return { calibrated: false, reason: v.reason };
  if (isRecord(v) && v.calibrated === true && isRecord(v.levels)) {
    const { accept, review } = v.levels;
    if (typeof accept === 'number' && typeof review === 'number' && typeof v.reviewScore === 'number' && review >= 0 && review <= accept && accept <= 1) {
      return { calibrated: true, levels: { accept, review }, reviewScore: v.reviewScore };
    }
  }
  return { calibrated: false, reason: 'this project was saved without confidences, so its scores are shown without one' };
}

/**
 * Where an input of a project is now: its saved absolute path when that exists, else the path
 * relative to the project's folder (inputs moved along with the project), else the saved path.
 */
export async function locateInput(projectPath: string, ref: ProjectInputRef): Promise<string> {
  if (ref.taxonomy !== undefined || (await exists(ref.path))) return ref.path;
  if (ref.relativePath !== null && !isAbsolute(ref.relativePath)) {
    const moved = resolve(dirname(projectPath), ref.relativePath);
    if (await exists(moved)) return moved;
  }
  return ref.path;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}
