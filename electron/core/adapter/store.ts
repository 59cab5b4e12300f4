/**
 * The per-user decision store: every pair of titles the recruiter accepted or rejected in the app,
 * kept in one JSON file in the user-data folder (main names the path) and applied to every project.
 * Export writes the `query,match,decision` file that `titlematch tune` reads; import reads such a
 * file with the same reader as tune (a team shares one). A store that cannot be read is never
 * overwritten: the store refuses changes, says why, and clearing sets the damaged file aside.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { errnoCode } from '../io/files.js';
import { InputError } from '../io/types.js';
import { csvField } from '../report/csv-field.js';
import { pairKey, readDecisions, type Decision } from './decisions.js';

/** The `format` field of a store file. */
const STORE_FORMAT = 'titlematch-decisions';
/** The version this build writes and reads. */
const STORE_VERSION = 1;

/** A change to one pair: accept, reject, or null to forget the decision (undo). */
export interface DecisionChange {
  query: string;
  match: string;
  accept: boolean | null;
}

/** The decisions with `change` made: the pair's earlier decision goes; an accept or reject is added last. */
export function withDecision(decisions: readonly Decision[], change: DecisionChange): Decision[] {
  const key = pairKey(change.query, change.match);
  const out = decisions.filter((d) => pairKey(d.query, d.match) !== key);
  if (change.accept !== null) out.push({ query: change.query, match: change.match, accept: change.accept });
  return out;
}

/** All the lists' decisions, one per pair: a later list's decision about a pair replaces an earlier one's. */
export function mergeDecisions(...lists: readonly (readonly Decision[])[]): Decision[] {
  const byPair = new Map<string, Decision>();
  for (const list of lists) {
    for (const d of list) {
      const key = pairKey(d.query, d.match);
      byPair.delete(key);
      byPair.set(key, d);
    }
  }
  return [...byPair.values()];
}

/**
 * The decisions as the CSV `titlematch tune` reads (columns query, match, decision; UTF-8, CR LF).
 * Values are kept exactly (no formula guard): the file is data for tune and for other stores.
 */
export function decisionsCsv(decisions: readonly Decision[]): string {
  const lines = ['query,match,decision', ...decisions.map((d) => `${csvField(d.query)},${csvField(d.match)},${d.accept ? 'accept' : 'reject'}`)];
  return `${lines.join('\r\n')}\r\n`;
}

/** The store file's text. */
function storeText(decisions: readonly Decision[]): string {
  const list = decisions.map((d) => ({ query: d.query, match: d.match, decision: d.accept ? 'accept' : 'reject' }));
  return `${JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION, decisions: list }, null, 1)}\n`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Why a store file's text is not a store of this version, or its decisions. */
function parseStore(text: string): Decision[] | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text.trim() === '' ? 'it is empty' : 'its JSON is cut short or broken';
  }
  if (!isRecord(data) || data.format !== STORE_FORMAT) return `it is not a decision store (no "format": "${STORE_FORMAT}")`;
  if (data.version !== STORE_VERSION) return `it is version ${JSON.stringify(data.version)} of the store and this TitleMatch reads version ${STORE_VERSION}`;
  if (!Array.isArray(data.decisions)) return 'it has no list of decisions';
  const out: Decision[] = [];
  for (const [i, d] of data.decisions.entries()) {
    if (!isRecord(d) || typeof d.query !== 'string' || typeof d.match !== 'string' || (d.decision !== 'accept' && d.decision !== 'reject')) {
      return `its decision ${i + 1} is not a query, a match and accept or reject`;
    }
    out.push({ query: d.query, match: d.match, accept: d.decision === 'accept' });
  }
  return out;
}

/** The store file's decisions; none when it does not exist yet. Throws InputError 'damaged-store' (the file left untouched) when it cannot be read. */
export async function readDecisionStore(path: string): Promise<Decision[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return [];
    throw damaged(path, `it cannot be read (${(e as Error).message})`);
  }
  const parsed = parseStore(text);
  if (typeof parsed === 'string') throw damaged(path, parsed);
  return parsed;
}

function damaged(path: string, why: string): InputError {
  return new InputError(
    `Your saved decisions (${path}) cannot be read: ${why}. The file is left as it is and no decision is saved to it. Clear the saved decisions to keep a copy of it beside it and start a new store, then import a decisions file exported earlier if you have one.`,
    'damaged-store',
    path,
  );
}

/** What the store holds, or why it cannot be used. */
export interface DecisionStoreState {
  path: string;
  decisions: Decision[];
  /** Why the store file cannot be read (it is then left as it is); null when it can. */
  error: string | null;
}

/**
 * The store in one file: read once, written whole (atomically) after each change. While its file
 * cannot be read, every change is refused with the reason, so the file is never lost to a write.
 */
export class DecisionStore {
  private decisions: Decision[] | undefined;
  private error: InputError | null = null;
  // Changes run one after another: two decisions in quick succession both read what the other wrote.
  private last: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  /** The decisions and whether the file could be read (read on first use). */
  async state(): Promise<DecisionStoreState> {
    await this.load();
    return { path: this.path, decisions: [...(this.decisions ?? [])], error: this.error?.message ?? null };
  }

  /** The store's decisions; throws the store's error while its file cannot be read. */
  async list(): Promise<Decision[]> {
    return this.usable();
  }

  /** Makes one change and saves the store. */
  async decide(change: DecisionChange): Promise<DecisionStoreState> {
    await this.serial(async () => this.save(withDecision(await this.usable(), change)));
    return this.state();
  }

  /** Adds a decisions file's decisions (its decision about a pair replaces the store's); returns how many it held. */
  async importFile(path: string, sheet?: string): Promise<{ imported: number; notes: string[] }> {
    const read = await readDecisions(path, sheet);
    await this.serial(async () => this.save(mergeDecisions(await this.usable(), read.decisions)));
    return { imported: read.decisions.length, notes: read.notes };
  }

  /** Writes the decisions as `titlematch tune` reads them; returns how many. */
  async exportFile(path: string): Promise<number> {
    const decisions = await this.usable();
    await writeFileAtomic(path, decisionsCsv(decisions), { kind: 'file' });
    return decisions.length;
  }

  /**
   * Forgets every decision. A store file that could not be read is first renamed to
   * `<name>.damaged-<time>` beside it, so that nothing is lost; returns that name, or null.
   */
  clear(): Promise<string | null> {
    return this.serial(async () => {
      await this.load();
      let kept: string | null = null;
      if (this.error) {
        kept = `${this.path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await rename(this.path, kept);
        this.error = null;
      }
      await this.save([]);
      return kept;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.last.then(work, work);
    this.last = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    if (this.decisions !== undefined || this.error) return;
    try {
      this.decisions = await readDecisionStore(this.path);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.error = e;
    }
  }

  private async usable(): Promise<Decision[]> {
    await this.load();
    if (this.error) throw this.error;
    return [...(this.decisions ?? [])];
  }

  private async save(decisions: Decision[]): Promise<void> {
    // The user-data folder exists once the app has run; a test's fresh folder may not.
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, storeText(decisions), { kind: 'file' });
    this.decisions = decisions;
  }
}
