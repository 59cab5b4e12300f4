import { isDataLike } from './header.js';
import { InputError } from './types.js';
import type { Table } from './types.js';

/** A column offered to the user, with a few of its values. */
export interface ColumnPreview {
  index: number;
  name: string;
  /** Up to `samples` distinct non-empty values from the top of the column. */
  samples: string[];
  /** Non-empty cells in the column. */
  filled: number;
}

/** The column suggested as the one holding job titles, and why. */
export interface TitleColumnSuggestion {
  index: number;
  name: string;
  /** 'header' when the header names a title, 'values' when the values look like titles, 'only' for a one-column table. */
  reason: 'header' | 'values' | 'only';
}

/** Headers that name the job-title column, compared after lower-casing and dropping punctuation. */
const TITLE_HEADERS = [
  'job title', 'title', 'job titles', 'titles', 'position', 'position title', 'role', 'role title', 'job role',
  'designation', 'occupation', 'job', 'job name', 'job position', 'vacancy', 'vacancy title', 'opening',
  'job opening', 'current title', 'current position', 'current role', 'current job title', 'jobtitle',
  'preferred label', 'preferredlabel', 'label', 'occupation title', 'alternate title', 'reported job title',
  'poste', 'intitulé', 'intitulé du poste', 'fonction', 'métier', 'puesto', 'cargo', 'stelle', 'berufsbezeichnung',
];

/** Headers that name something else: never suggested from the values alone. */
const OTHER_HEADERS = /\b(?:e-?mail|mail|phone|tel|mobile|id|uuid|key|code|uri|url|link|name|first|last|surname|city|country|location|address|zip|postcode|date|salary|company|employer|department|status|source|notes?|comments?)\b/;

/** Words that occur in job titles far more than in names, places or other fields. */
const TITLE_WORDS = new Set(
  (
    'manager engineer developer director assistant analyst officer specialist consultant coordinator administrator ' +
    'technician nurse teacher designer architect scientist accountant clerk supervisor lead head chief senior junior ' +
    'intern associate executive representative agent operator driver sales marketing software data product project ' +
    'account customer service support worker cook chef cashier attendant mechanic electrician plumber carpenter ' +
    'therapist physician doctor surgeon pharmacist lawyer attorney paralegal advisor adviser auditor economist ' +
    'editor writer journalist producer president vp ceo cto cfo coo founder partner owner principal professor ' +
    'lecturer tutor instructor trainer coach recruiter hr human resources talent buyer planner scheduler inspector ' +
    'guard nanny caregiver aide receptionist secretary bookkeeper controller treasurer programmer tester qa devops ' +
    'administrative technical medical registered clinical staff general full stack frontend backend web mobile ' +
    'research scientist biologist chemist physicist mathematician statistician librarian curator artist ' +
    'welder machinist fitter labourer laborer warehouse logistics dispatcher courier pilot steward stewardess ' +
    'housekeeper cleaner janitor gardener farmer fisher baker butcher waiter waitress bartender barista host ' +
    'nurse midwife dentist hygienist optician paramedic firefighter police soldier officer sergeant ' +
    'ingénieur ingenieur gestionnaire responsable directeur directrice chargé chargée technicien vendeur vendeuse ' +
    'conseiller conseillère infirmier infirmière commercial développeur développeuse comptable'
  ).split(/\s+/),
);

function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/[_\-./]+/g, ' ').replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();
}

/** How much a single value looks like a job title, from 0 to 1. */
function titleLikeness(value: string): number {
  const v = value.trim();
  if (v === '' || isDataLike(v)) return 0;
  const words = v.split(/[\s/,&()-]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 12 || v.length > 120) return 0;
  if (!/\p{L}/u.test(v)) return 0;
  let score = 0.3;
  if (words.some((w) => TITLE_WORDS.has(w.toLowerCase()))) score += 0.7;
  if (/\d{3,}/.test(v)) score -= 0.3;
  return Math.max(0, score);
}

/** Mean title-likeness of the first non-empty values of a column, and how many were looked at. */
function columnLikeness(table: Table, col: number, limit = 200): number {
  let sum = 0;
  let n = 0;
  for (const row of table.rows) {
    const v = row[col];
    if (v === undefined || v.trim() === '') continue;
    sum += titleLikeness(v);
    if (++n >= limit) break;
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * The column whose header or values look most like job titles: a header from the usual names
 * ("Job title", "Position", "Role"...) first, else the column whose values read most like titles,
 * else the only column. Undefined when the table has several columns and none looks like titles.
 */
export function suggestTitleColumn(table: Table): TitleColumnSuggestion | undefined {
  if (table.columns.length === 0) return undefined;
  const normalized = table.columns.map(normalizeHeader);
  for (const wanted of TITLE_HEADERS) {
    const index = normalized.indexOf(wanted);
    if (index >= 0) return { index, name: table.columns[index], reason: 'header' };
  }
  const partial = normalized.findIndex((h) => /\b(?:job ?title|title|position|role|occupation|designation)\b/.test(h) && !OTHER_HEADERS.test(h));
  if (partial >= 0) return { index: partial, name: table.columns[partial], reason: 'header' };
  if (table.columns.length === 1) return { index: 0, name: table.columns[0], reason: 'only' };
  let best = -1;
  let bestScore = 0.45;
  for (let col = 0; col < table.columns.length; col++) {
    if (OTHER_HEADERS.test(normalized[col])) continue;
    const s = columnLikeness(table, col);
    if (s > bestScore) {
      best = col;
      bestScore = s;
    }
  }
  return best < 0 ? undefined : { index: best, name: table.columns[best], reason: 'values' };
}

/**
 * Whether the header of a one-column table is more likely its first title than a column name: a
 * list of titles saved without a header. True when the header is none of the usual header names
 * (title, position, name, id...), reads like a job title itself (a word such as engineer, nurse,
 * manager), and the values under it read like titles too.
 */
export function headerReadsAsTitle(table: Table): boolean {
  if (table.columns.length !== 1 || table.headerRow === 0) return false;
  const header = table.columns[0];
  const normalized = normalizeHeader(header);
  if (TITLE_HEADERS.includes(normalized) || OTHER_HEADERS.test(normalized) || /^column \d+$/.test(normalized)) return false;
  if (/\b(?:job ?titles?|titles?|positions?|roles?|occupations?|designations?|list|candidates?|openings?|vacancies)\b/.test(normalized)) return false;
  return titleLikeness(header) >= 1 && columnLikeness(table, 0) >= 0.5;
}

/** Every column with up to `samples` distinct values from the top, for a column picker. */
export function previewColumns(table: Table, samples = 3): ColumnPreview[] {
  return table.columns.map((name, index) => {
    const seen: string[] = [];
    let filled = 0;
    for (const row of table.rows) {
      const v = row[index];
      if (v === undefined || v.trim() === '') continue;
      filled++;
      if (seen.length < samples && !seen.includes(v)) seen.push(v);
    }
    return { index, name, samples: seen, filled };
  });
}

/**
 * The index of the column named `name`: exact first, then ignoring case and surrounding spaces, then
 * a 1-based column number ("3"). Throws InputError naming the columns that do exist.
 */
export function findColumn(table: Table, name: string): number {
  const exact = table.columns.indexOf(name);
  if (exact >= 0) return exact;
  const key = name.trim().toLowerCase();
  const loose = table.columns.findIndex((c) => c.toLowerCase() === key);
  if (loose >= 0) return loose;
  if (/^\d+$/.test(key)) {
    const n = Number(key);
    if (n >= 1 && n <= table.columns.length) return n - 1;
  }
  const where = table.sheet !== undefined ? ` (sheet "${table.sheet}")` : '';
  throw new InputError(
    `${table.path}${where} has no column "${name}". Its columns are: ${table.columns.map((c) => `"${c}"`).join(', ')}. Pass one of these names.`,
    'no-column',
    table.path,
  );
}
