/** The app's settings, kept in a small JSON file in its data folder: where the engine runs and which model. */
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { MODEL_CHOICES, PROVIDER_CHOICES, type ModelChoice, type ProviderChoice } from '../contract/types.js';
import { writeFileAtomicSync } from '../core/files/atomic-write.js';

interface Stored {
  provider: ProviderChoice;
  /** A model folder the person chose; absent for the bundled model. */
  modelFolder?: string;
  /** Which bundled model reads the titles. */
  modelChoice: ModelChoice;
}

const DEFAULTS: Stored = { provider: 'auto', modelChoice: 'auto' };

/** A remembered model folder, when the file holds a usable path. */
function folderFrom(value: unknown): { modelFolder: string } | undefined {
  return typeof value === 'string' && isAbsolute(value) && !value.includes('\0') ? { modelFolder: value } : undefined;
}

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
      const modelChoice = MODEL_CHOICES.find((c) => c === data.modelChoice);
      return { ...DEFAULTS, ...(provider ? { provider } : {}), ...(modelChoice ? { modelChoice } : {}), ...folderFrom(data.modelFolder) };
    } catch {
      return { ...DEFAULTS };
    }
  }

  /** Where the engine runs. */
  get provider(): ProviderChoice {
    return this.stored.provider;
  }

  /** The model folder the person chose; null for the bundled model. */
  get modelFolder(): string | null {
    return this.stored.modelFolder ?? null;
  }

  /** Which bundled model reads the titles ('auto': by their language). */
  get modelChoice(): ModelChoice {
    return this.stored.modelChoice;
  }

  /** Sets which bundled model reads the titles and saves it; false as for setProvider. */
  setModelChoice(modelChoice: ModelChoice): boolean {
    this.stored = { ...this.stored, modelChoice };
    return this.save();
  }

  /** Sets where the engine runs and saves it; false when the file could not be written (the setting holds until the app quits). */
  setProvider(provider: ProviderChoice): boolean {
    this.stored = { ...this.stored, provider };
    return this.save();
  }

  /** Sets the model folder (null: the bundled model) and saves it; false as for setProvider. */
  setModelFolder(folder: string | null): boolean {
    this.stored = { provider: this.stored.provider, modelChoice: this.stored.modelChoice, ...(folder === null ? {} : { modelFolder: folder }) };
    return this.save();
  }

  private save(): boolean {
    try {
      writeFileAtomicSync(this.file, `${JSON.stringify(this.stored, null, 2)}\n`, { mkdir: true });
      return true;
    } catch {
      return false;
    }
  }
}
