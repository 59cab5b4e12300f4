import { describe, expect, it } from 'vitest';
import { analyzeTitle, compareTitles, normalizeTitle, titleReadings } from '../../../../electron/core/text/index.js';
import { MAX_READINGS } from '../../../../electron/core/text/normalize.js';

describe('normalizeTitle', () => {
  it('collapses whitespace and lower-cases', () => {
    expect(normalizeTitle('  Software\t\tENGINEER \n')).toBe('software engineer');
    expect(normalizeTitle('Nurse\u00a0Practitioner')).toBe('nurse practitioner');
  });

  it('expands the common abbreviations', () => {
    expect(normalizeTitle('Sr. Software Eng.')).toBe('senior software engineer');
    expect(normalizeTitle('Jr Web Dev')).toBe('junior web developer');
    expect(normalizeTitle('Asst. Store Mgr')).toBe('assistant store manager');
    expect(normalizeTitle('VP, Sales')).toBe('vice president sales');
    expect(normalizeTitle('SVP Marketing')).toBe('senior vice president marketing');
  });

  it('expands field abbreviations by position: person at the end, field before another word', () => {
    expect(normalizeTitle('Eng Manager')).toBe('engineering manager');
    expect(normalizeTitle('Business Dev Rep')).toBe('business development representative');
    expect(normalizeTitle('Software Eng II')).toBe('software engineer ii');
    expect(normalizeTitle('Pharmacy Tech')).toBe('pharmacy technician');
    expect(normalizeTitle('Tech Lead')).toBe('technical lead');
  });

  it('turns meaningless punctuation into spaces but keeps words like C++, C#, .NET and node.js', () => {
    expect(normalizeTitle('Engineer (Remote) - Berlin')).toBe('engineer remote berlin');
    expect(normalizeTitle('C++ / C# Developer')).toBe('c++ / c# developer');
    expect(normalizeTitle('.NET Developer, node.js')).toBe('.net developer node.js');
    expect(normalizeTitle('Full-Stack Developer')).toBe('full-stack developer');
    expect(normalizeTitle('"Chief" Happiness Officer!!')).toBe('chief happiness officer');
  });

  it('drops the gender markers of European vacancy titles, and only those', () => {
    expect(normalizeTitle('Krankenpfleger (m/w/d)')).toBe('krankenpfleger');
    expect(normalizeTitle('Sales Manager (M/F/D)')).toBe('sales manager');
    expect(normalizeTitle('Développeur (H/F)')).toBe('développeur');
    expect(normalizeTitle('Designer (all genders)')).toBe('designer');
    expect(normalizeTitle('Data Analyst m/w/d')).toBe('data analyst');
    expect(normalizeTitle('Fachinformatiker (gn) Systemintegration')).toBe('fachinformatiker systemintegration');
    expect(normalizeTitle('Buchhalter/in')).toBe('buchhalter');
    expect(normalizeTitle('Lehrer*innen')).toBe('lehrer');
    expect(normalizeTitle('Mitarbeiter:in Vertrieb')).toBe('mitarbeiter vertrieb');
    expect(normalizeTitle('Rohrleitungsbauer/-in')).toBe('rohrleitungsbauer');
    expect(normalizeTitle('Enfermero/a')).toBe('enfermero');
    expect(normalizeTitle('Técnico(a) de enfermagem')).toBe('técnico de enfermagem');
    // Not markers: a slash between words, "n/a", "check-in".
    expect(normalizeTitle('Admin/Intern')).toBe('admin / intern');
    expect(normalizeTitle('N/A')).toBe('n / a');
    expect(normalizeTitle('Check-in Agent')).toBe('check-in agent');
  });

  it('leaves "admin" and "exec" alone: as titles they name occupations of their own', () => {
    expect(normalizeTitle('Sales Admin')).toBe('sales admin');
    expect(normalizeTitle('Account Exec')).toBe('account exec');
  });

  it('does not expand words that only look like abbreviations inside other words', () => {
    expect(normalizeTitle('Developer Advocate')).toBe('developer advocate');
    expect(normalizeTitle('Engineering Director')).toBe('engineering director');
    expect(normalizeTitle('constructor')).toBe('constructor');
  });

  it('gives the same form to spellings of the same title, so they are encoded once', () => {
    const forms = ['Sr. Mgr', 'SR MGR', 'sr.  mgr.', 'Senior Manager'].map(normalizeTitle);
    expect(new Set(forms).size).toBe(1);
  });

  it('handles empty and punctuation-only input', () => {
    expect(normalizeTitle('')).toBe('');
    expect(normalizeTitle(' - ... ')).toBe('');
  });

  it('applies Unicode compatibility forms (full-width letters)', () => {
    expect(normalizeTitle('ＤＥＶＥＬＯＰＥＲ')).toBe('developer');
  });
});

describe('analyzeTitle', () => {
  it('reports expansions for explanations (seniority is core/text/seniority.ts)', () => {
    const a = analyzeTitle('Sr. Software Eng');
    expect(a.normalized).toBe('senior software engineer');
    expect(a.expansions).toEqual([
      { from: 'sr', to: 'senior' },
      { from: 'eng', to: 'engineer' },
    ]);
  });
});

describe('titleReadings', () => {
  it('reads an abbreviation of several meanings in each, one word at a time, and keeps it in the normalised title', () => {
    expect(normalizeTitle('Sr. PM')).toBe('senior pm');
    expect(titleReadings('senior pm')).toEqual(['senior project manager', 'senior product manager', 'senior program manager', 'senior preventive maintenance']);
    expect(titleReadings('pt / ot')).toEqual([
      'physical therapist / ot',
      'physical therapy / ot',
      'part-time / ot',
      'pt / occupational therapist',
      'pt / occupational therapy',
      'pt / overtime',
    ]);
  });

  it('has no readings for titles without one, for expanded abbreviations, or for ambiguous common words', () => {
    expect(titleReadings('registered nurse')).toEqual([]);
    expect(titleReadings(normalizeTitle('RN'))).toEqual([]);
    // "or" (operating room) is ambiguous as a common word, with one meaning: never read as the abbreviation.
    expect(titleReadings('nurse or technician')).toEqual([]);
    expect(titleReadings('')).toEqual([]);
  });

  it('stops at MAX_READINGS for a title made of nothing but such abbreviations', () => {
    const r = titleReadings('pm pm pm pm pm pm');
    expect(r).toHaveLength(MAX_READINGS);
    expect(new Set(r).size).toBeGreaterThan(1);
  });

  it('names the words read in several senses for explanations, each once', () => {
    const a = analyzeTitle('PM / PM Lead');
    expect(a.senses).toEqual([{ from: 'pm', to: ['project manager', 'product manager', 'program manager', 'preventive maintenance'] }]);
    expect(analyzeTitle('Sr. Software Eng').senses).toEqual([]);
  });
});

describe('compareTitles', () => {
  it('lists shared words and the words only one side has', () => {
    expect(compareTitles('Sr. Software Eng', 'Software Engineer')).toEqual({
      shared: ['software', 'engineer'],
      onlyA: ['senior'],
      onlyB: [],
    });
  });
});
