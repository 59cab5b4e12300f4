/** The import screen as a person sees it: two cards, their controls, the Match panel. */
import type { Locator, Page } from 'playwright-core';
import type { ScriptedDialogs } from '../harness/app.js';

const TITLES = { candidates: 'Candidates', targets: 'Match against' } as const;

export class ImportPage {
  constructor(
    readonly page: Page,
    private readonly dialogs: ScriptedDialogs,
  ) {}

  card(side: keyof typeof TITLES): Locator {
    return this.page.getByRole('region', { name: TITLES[side] });
  }

  /** Opens `path` for a side through its Open (or Replace) button and the file dialog. */
  async open(side: keyof typeof TITLES, path: string): Promise<void> {
    this.dialogs.answer(path);
    const card = this.card(side);
    const replace = card.getByRole('button', { name: `Open another ${TITLES[side]} file` });
    await ((await replace.isVisible()) ? replace : card.getByRole('button', { name: `Open ${TITLES[side]} file` })).click();
  }

  column(side: keyof typeof TITLES): Locator {
    return this.card(side).getByRole('combobox', { name: 'Title column' });
  }

  sheet(side: keyof typeof TITLES): Locator {
    return this.card(side).getByRole('combobox', { name: 'Sheet' });
  }

  preview(side: keyof typeof TITLES): Locator {
    return this.card(side).getByRole('table');
  }

  get matchButton(): Locator {
    return this.page.getByRole('button', { name: 'Match', exact: true });
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel' });
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  get topK(): Locator {
    return this.page.getByRole('combobox', { name: 'Matches to keep per title' });
  }

  /** The seniority setting of the next match: prefer, require or ignore. */
  get seniority(): Locator {
    return this.page.getByRole('combobox', { name: 'Seniority' });
  }
}
