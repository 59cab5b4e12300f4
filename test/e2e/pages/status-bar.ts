/** The status bar as a person sees it: what runs, the Model and Run on settings, and what went wrong. */
import type { Locator, Page } from 'playwright-core';
import type { ScriptedDialogs } from '../harness/app.js';

export class StatusBar {
  constructor(
    readonly page: Page,
    private readonly dialogs: ScriptedDialogs,
  ) {}

  /** The model and provider in use, and the settings. */
  get engine(): Locator {
    return this.page.getByLabel('Engine', { exact: true });
  }

  get model(): Locator {
    return this.engine.getByRole('combobox', { name: /^Model/ });
  }

  get runOn(): Locator {
    return this.engine.getByRole('combobox', { name: /Run on/ });
  }

  /** Why a model folder could not be used, or why the bundled model runs instead of the one chosen. */
  get modelProblem(): Locator {
    return this.page.getByRole('contentinfo').getByRole('alert');
  }

  /** Waits until the engine is ready (the provider is named). */
  async ready(): Promise<void> {
    await this.engine.getByText('Running on:').waitFor({ timeout: 60_000 });
  }

  /** Chooses "Choose a folder…" and answers the folder dialog with `folder`. */
  async chooseFolder(folder: string): Promise<void> {
    this.dialogs.answer(folder);
    await this.model.selectOption('choose');
  }
}
