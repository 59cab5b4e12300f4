/** The app's settings, kept in a small JSON file in its data folder: for now, where the engine runs. */
import { readFileSync } from 'node:fs';
import { PROVIDER_CHOICES, type ProviderChoice } from '../contract/types.js';
import { writeFileAtomicSync } from '../core/files/atomic-write.js';

interface Stored {
  provider: ProviderChoice;
}

const DEFAULTS: Stored = { provider: 'auto' };

/** Settings stored at `file`; a missing or damaged file gives the defaults. */
export class AppSettings {
  private stored: Stored;

  constructor(private readonly file: string) {
    this.stored = AppSettings.read(file);
  }

  private static read(file: string): Stored {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof Stored, unknown>>;
      const provider = PROVIDER_CHOICES.find((p) => p === data.provider);
      return { ...DEFAULTS, ...(provider ? { provider } : {}) };
    } catch {
      return { ...DEFAULTS };
    }
  }

  /** Where the engine runs. */
  get provider(): ProviderChoice {
    return this.stored.provider;
  }

  /** Sets where the engine runs and saves it; false when the file could not be written (the setting holds until the app quits). */
  setProvider(provider: ProviderChoice): boolean {
    this.stored = { ...this.stored, provider };
    try {
      writeFileAtomicSync(this.file, `${JSON.stringify(this.stored, null, 2)}\n`, { mkdir: true });
      return true;
    } catch {
      return false;
    }
  }
}
