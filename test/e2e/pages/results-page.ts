/** The results screen: lists, filters, explanation, export. */
import type { Locator, Page } from 'playwright-core';

export class ResultsPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Results', level: 2 });
  }

  list(name: 'Openings' | 'Occupations' | 'Candidate titles'): Locator {
    return this.page.getByRole('listbox', { name });
  }

  get threshold(): Locator {
    return this.page.getByRole('slider', { name: 'Minimum score' });
  }

  /** The checkbox that shows or hides a bucket's matches. */
  bucket(name: 'Accept' | 'Review' | 'Reject'): Locator {
    return this.page.getByRole('group', { name: 'Buckets' }).getByRole('checkbox', { name });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search titles' });
  }

  get counts(): Locator {
    return this.page.getByText(/^Showing /);
  }

  direction(name: 'Candidates for each opening' | 'Openings for each candidate' | 'Candidates for each occupation' | 'Occupations for each candidate'): Locator {
    return this.page.getByRole('radio', { name });
  }

  get explanation(): Locator {
    return this.page.getByRole('region', { name: 'Why they match' });
  }

  exportButton(format: 'xlsx' | 'csv' | 'html' | 'pdf'): Locator {
    const names = { xlsx: 'Export matches as an Excel workbook', csv: 'Export matches as CSV', html: 'Export a printable report', pdf: 'Export the printable report as PDF' };
    return this.page.getByRole('button', { name: names[format] });
  }

  /** Picks the opening with this exact title in the list. */
  async selectOpening(title: string): Promise<void> {
    await this.search.fill(title);
    await this.list('Openings').getByRole('option').filter({ hasText: title }).first().click();
  }
}
