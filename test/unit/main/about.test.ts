import { describe, expect, it } from 'vitest';
import { aboutPanel } from '../../../electron/main/about.js';

describe('the About box', () => {
  it('credits O*NET and ESCO where the system shows credits (macOS, Windows)', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const about = aboutPanel('1.2.3', platform);
      expect(about.applicationVersion).toBe('1.2.3');
      expect(about.credits).toMatch(/O\*NET 27\.0 Database by the U\.S\. Department of Labor.*CC BY 4\.0 license\./s);
      expect(about.credits).toContain('ESCO classification, European Commission.');
      expect(about.credits).toContain('JobBERT evaluation data, Decorte et al. 2021 (MIT licence)');
      expect(about.copyright).not.toContain('ESCO');
    }
  });

  it('puts the attribution after the copyright on Linux, which shows no credits', () => {
    const about = aboutPanel('1.2.3', 'linux');
    expect(about.credits).toBeUndefined();
    expect(about.copyright).toMatch(/^Copyright © TitleMatch contributors\. MIT licence\.\n\nOccupations shipped with TitleMatch:\nThis product includes information from the O\*NET 27\.0 Database/);
    expect(about.copyright).toContain('ESCO classification, European Commission.');
  });
});
