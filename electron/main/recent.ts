/** Files opened lately, kept in a small JSON file in the app's data folder. */
import { readFileSync } from 'node:fs';
import type { RecentFile } from '../contract/types.js';
import { writeFileAtomicSync } from '../core/files/atomic-write.js';
import type { RecentList } from './handlers.js';

/** How many recent files are remembered. */
export const MAX_RECENT = 10;

/** A recent-files list stored at `file`; `onChange` runs after each change (to rebuild the menu). */
export class RecentFiles implements RecentList {
  private files: RecentFile[];

  constructor(
    private readonly file: string,
    private readonly onChange: (files: RecentFile[]) => void = () => {},
  ) {
    this.files = RecentFiles.read(file);
  }

  private static read(file: string): RecentFile[] {
    try {
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(data)) return [];
      return data
        .filter((f): f is RecentFile => typeof f === 'object' && f !== null && typeof (f as RecentFile).path === 'string' && ['candidates', 'targets', 'project'].includes((f as RecentFile).kind))
        .slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  }

  /** Puts a file first (once) and saves the list. */
  add(entry: RecentFile): void {
    this.files = [{ path: entry.path, kind: entry.kind }, ...this.files.filter((f) => f.path !== entry.path)].slice(0, MAX_RECENT);
    try {
      writeFileAtomicSync(this.file, JSON.stringify(this.files, null, 2), { mkdir: true });
    } catch {
      // The list is a convenience: failing to save it must not fail the open that triggered it.
    }
    this.onChange(this.list());
  }

  /** The files, newest first. */
  list(): RecentFile[] {
    return this.files.map((f) => ({ ...f }));
  }
}
