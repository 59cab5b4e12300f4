/**
 * Seniority as its own dimension: the level a job title states, from a documented rule set.
 *
 * Rules, in order (all on whole words of the normalised title, abbreviations expanded, so "Sr." is
 * "senior" and "CFO" is "chief financial officer"; hyphens split words):
 * 1. Intern: intern, internship, trainee, apprentice, working student and their German, French,
 *    Spanish, Dutch, Polish and Portuguese words. An intern is an intern whatever else the title
 *    says ("Trainee Manager"). "Internal" and "international" are other words.
 * 2. Entry: junior, entry level, graduate (before the occupation), "in training", "new grad", the
 *    numerals I and 1 and "level 1", and "associate" before a profession (Associate Attorney).
 *    Entry wins over any higher cue ("Junior Project Manager" is an entry-level title).
 * 3. Otherwise the highest of:
 *    - c-level: "chief ... officer" (not chief petty or warrant officer), president (not vice),
 *      founder, managing director, executive director, director general, Geschäftsführer, owner
 *      when the title is only that;
 *    - vp: vice president (svp, evp and avp expand to it);
 *    - director: director, head of, associate director, chief of staff, a school's principal or
 *      head teacher, and the other languages' words (directeur, dyrektor, Leiter...), except
 *      directors who are an occupation (director of photography, art, casting, funeral, film,
 *      music, musical or stage director: mid);
 *    - manager: manager, managing editor, gerente, kierownik, responsable, chef de projet, jefe;
 *      an assistant manager is lead and an assistant director manager (one level below);
 *    - lead: lead before a role (not lead generation or lead paint), team or shift leader,
 *      principal and staff before an engineering or science role (Staff Nurse is mid), supervisor,
 *      foreman, head chef and the other heads of a crew (head waiter, head coach...), executive
 *      chef, charge nurse, chef de partie, the numerals IV, V and "level 4";
 *    - senior: senior, master (of a trade), the numeral III and "level 3";
 *    - mid: II, 2, journeyman, and every title that states no level.
 * 4. Words name the job's subject, not its level, when an intern or graduate word comes before
 *    coordinator, programme, recruiter... ("Internship Coordinator"), a junior or senior word
 *    before school, high or living ("Junior High School Teacher", "Senior Living Advisor"), and
 *    anything after "to the" or "office of" ("Assistant to the CEO"). Other languages' words for
 *    these levels (sénior, młodszy, jefe de cocina, PDG, Vorstandsvorsitzender...) count the same.
 * The table these rules answer to is test/fixtures/seniority-levels.tsv (329 titles, written first).
 */
import { SENIORITY_LEVELS as LEVELS, type SeniorityLevel as Level } from '../../contract/seniority.js';
import { analyzeTitle } from './normalize.js';

export { LEVELS };

/** A title's level and the words that decided it (empty for mid by default). */
export interface Seniority {
  level: Level;
  rank: number;
  cue: string;
}

const INTERN = new Set([
  'intern', 'interns', 'internship', 'trainee', 'apprentice', 'apprenticeship', 'werkstudent', 'werkstudentin', 'praktikant',
  'praktikantin', 'auszubildender', 'auszubildende', 'azubi', 'stagiaire', 'alternant', 'alternante', 'becario', 'becaria',
  'practicante', 'stagiair', 'stażysta', 'stażystka', 'praktykant', 'praktykantka', 'estagiário', 'estagiária', 'estagiario',
  'aprendiz',
]);
// An intern, graduate or junior word before these names what the job is about, not its level
// ("Internship Coordinator", "Graduate Recruiter", "Junior High School Teacher").
const ABOUT = new Set(['coordinator', 'program', 'programme', 'programs', 'recruiter', 'recruitment', 'manager', 'supervisor', 'officer', 'specialist', 'advisor', 'adviser', 'mentor', 'admissions', 'school', 'high', 'living', 'citizens', 'citizen']);
// A junior or senior word before these names a school or a market ("Senior Living Advisor").
const PLACES = new Set(['school', 'high', 'living', 'citizens', 'citizen']);
const STAFF_ROLES = new Set(['engineer', 'software', 'developer', 'scientist', 'designer', 'architect', 'researcher', 'data', 'product', 'machine', 'research', 'systems', 'security', 'hardware', 'firmware', 'applied']);
const C_ACRONYMS = new Set(['ceo', 'cfo', 'coo', 'cto', 'cio', 'cmo', 'chro', 'cso', 'cpo', 'cdo', 'ciso', 'cro', 'cco', 'pdg']);
const FOUNDERS = new Set(['founder', 'cofounder', 'fundador', 'fundadora', 'fondateur', 'fondatrice', 'założyciel', 'założycielka', 'oprichter', 'gründer', 'gründerin', 'geschäftsführer', 'geschäftsführerin', 'vorstandsvorsitzender', 'vorstandsvorsitzende']);
const OWNERS = new Set(['owner', 'proprietor', 'eigenaar', 'właściciel', 'właścicielka', 'propriétaire', 'propietario', 'propietaria', 'proprietário', 'proprietária', 'inhaber', 'inhaberin']);
const LEAD_PHRASES: readonly (readonly [string, string])[] = [
  ['jefe', 'cocina'],
  ['jefa', 'cocina'],
  ['jefe', 'equipo'],
  ['jefa', 'equipo'],
  ['lider', 'zespołu'],
  ['lider', 'zmiany'],
];
const PROFESSIONS = new Set(['attorney', 'lawyer', 'consultant', 'engineer', 'software', 'developer', 'analyst', 'scientist', 'designer', 'architect', 'researcher', 'data', 'product', 'machine', 'research', 'systems', 'security', 'hardware', 'firmware', 'applied', 'principal']);
const OCCUPATION_DIRECTORS = new Set(['art', 'casting', 'funeral', 'film', 'music', 'musical', 'stage', 'theatre', 'theater', 'photography', 'choir', 'dance']);
const DIRECTOR_WORDS = new Set(['director', 'directora', 'directeur', 'directrice', 'dyrektor', 'dyrektorka', 'diretor', 'diretora', 'direktor', 'direktorin', 'directeur-général', 'leiter', 'leiterin', 'abteilungsleiter', 'abteilungsleiterin', 'bereichsleiter', 'bereichsleiterin', 'hoofd']);
const MANAGER_WORDS = new Set(['manager', 'managerin', 'managers', 'gerente', 'kierownik', 'kierowniczka', 'responsable', 'jefe', 'jefa', 'filialleiter', 'filialleiterin', 'projektleiter', 'projektleiterin', 'projectleider', 'leidinggevende']);
const LEAD_WORDS = new Set(['supervisor', 'foreman', 'forewoman', 'teamleiter', 'teamleiterin', 'gruppenleiter', 'gruppenleiterin', 'vorarbeiter', 'vorarbeiterin', 'teamleider', 'ploegleider', 'brygadzista', 'contremaître', 'capataz', "d'équipe"]);
const CREW_HEADS = new Set(['chef', 'cook', 'waiter', 'waitress', 'gardener', 'coach', 'nurse', 'housekeeper', 'bartender', 'baker', 'groundsman', 'greenkeeper', 'porter', 'butler', 'concierge', 'lifeguard', 'mechanic', 'technician', 'brewer', 'buyer']);
const NOT_LEAD = new Set(['generation', 'gen', 'paint', 'abatement', 'poisoning', 'smelter', 'based', 'free', 'acid']);
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 };
const RANK = Object.fromEntries(LEVELS.map((l, i) => [l, i])) as Record<Level, number>;

function at(words: readonly string[], i: number): string {
  return words[i] ?? '';
}

/** The level a numeral states (I / 1 -> entry, II -> mid, III -> senior, IV and V -> lead). */
function numeralLevel(n: number): Level {
  return n <= 1 ? 'entry' : n === 2 ? 'mid' : n === 3 ? 'senior' : 'lead';
}

/** Every level cue in the words, with the phrase that states it. */
function cues(w: readonly string[]): { level: Level; cue: string }[] {
  const out: { level: Level; cue: string }[] = [];
  const add = (level: Level, cue: string): void => {
    out.push({ level, cue });
  };
  const text = ` ${w.join(' ')} `;
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    const next = at(w, i + 1);
    const prev = at(w, i - 1);
    if (INTERN.has(x) && !ABOUT.has(next)) add('intern', x);
    else if ((x === 'working' || x === 'placement' || x === 'coop') && next === 'student') add('intern', `${x === 'coop' ? 'co-op' : x} student`);
    if ((x === 'junior' || x === 'jr' || x === 'jnr' || x === 'júnior' || x === 'młodszy' || x === 'młodsza') && !PLACES.has(next)) add('entry', x);
    if (x === 'entry' && next === 'level') add('entry', 'entry level');
    if (x === 'new' && (next === 'grad' || next === 'graduate')) add('entry', `new ${next}`);
    if (x === 'graduate' && i === 0 && w.length > 1 && !ABOUT.has(next)) add('entry', 'graduate');
    if (x === 'training' && prev === 'in') add('entry', 'in training');
    if (x === 'associate' && PROFESSIONS.has(next) && prev !== 'sales') add('entry', `associate ${next}`);
    if (['senior', 'sr', 'snr', 'sénior', 'sênior', 'starszy', 'starsza'].includes(x) && !(next === 'vice' || next === 'director' || next === 'manager') && !PLACES.has(next)) add('senior', x);
    if (x === 'master' && i === 0 && w.length > 1 && next !== 'of' && next !== 'data') add('senior', 'master');
    if (x === 'journeyman') add('mid', 'journeyman');
    if (x === 'lead' && !NOT_LEAD.has(next) && !(w.length === 1)) add('lead', prev === 'team' || prev === 'tech' || prev === 'shift' ? `${prev} lead` : 'lead');
    if ((x === 'leader' || x === 'leiter') && (prev === 'team' || prev === 'shift' || prev === 'crew' || prev === 'group' || prev === 'section')) add('lead', `${prev} ${x}`);
    if (x === 'principal') {
      if (PROFESSIONS.has(next) || next === 'investigator') add('lead', `principal ${next}`);
      else if (prev === 'vice' || prev === 'assistant' || prev === 'deputy') add('manager', `${prev} principal`);
      else if (next === '' || prev === 'school' || next === 'teacher') add('director', 'principal');
    }
    if (x === 'staff' && STAFF_ROLES.has(next)) add('lead', `staff ${next}`);
    if (LEAD_WORDS.has(x)) add('lead', x);
    if (LEAD_PHRASES.some(([a, b]) => a === x && (next === b || (next === 'de' && at(w, i + 2) === b)))) add('lead', `${x} ${next === 'de' ? `de ${at(w, i + 2)}` : next}`);
    if (x === 'executive' && next === 'housekeeper') add('manager', 'executive housekeeper');
    if (x === 'head' && (CREW_HEADS.has(next) || (next !== 'of' && next !== '' && i + 2 === w.length && !DIRECTOR_WORDS.has(next)))) {
      add(next === 'teacher' ? 'director' : 'lead', `head ${next}`);
    }
    if (x === 'headteacher' || x === 'headmaster' || x === 'headmistress') add('director', x);
    if (x === 'head' && next === 'of') add('director', 'head of');
    if (x === 'chef' && (next === 'de' || next === 'du') && at(w, i + 2) !== 'partie' && at(w, i + 2) !== 'cuisine' && at(w, i + 2) !== 'rang') add('manager', `chef ${next} ${at(w, i + 2)}`);
    if (x === 'chef' && next === 'de' && (at(w, i + 2) === 'partie' || at(w, i + 2) === 'cuisine')) add('lead', `chef de ${at(w, i + 2)}`);
    if (x === 'executive' && next === 'chef') add('lead', 'executive chef');
    if (x === 'charge' && next === 'nurse') add('lead', 'charge nurse');
    if (MANAGER_WORDS.has(x) && !LEAD_PHRASES.some(([a, b]) => a === x && (next === b || at(w, i + 2) === b))) {
      if (prev === 'assistant') add('lead', `assistant ${x}`);
      else if (prev === 'case') add('mid', 'case manager');
      else if (next === 'in' && at(w, i + 2) === 'training') add('entry', `${x} in training`);
      else add('manager', x);
    }
    if (x === 'managing' && next === 'editor') add('manager', 'managing editor');
    if (DIRECTOR_WORDS.has(x)) {
      const occupation = OCCUPATION_DIRECTORS.has(prev) || (next === 'of' && OCCUPATION_DIRECTORS.has(at(w, i + 2)));
      if (occupation) add('mid', `${OCCUPATION_DIRECTORS.has(prev) ? prev : at(w, i + 2)} ${x}`);
      else if (prev === 'managing' || prev === 'executive' || prev === 'algemeen' || next === 'general' || next === 'generál' || x === 'directeur-général' || (next === 'général')) add('c-level', `${prev === 'managing' || prev === 'executive' || prev === 'algemeen' ? `${prev} ` : ''}${x}${next === 'general' || next === 'général' ? ` ${next}` : ''}`);
      else if (prev === 'assistant' || prev === 'deputy') add('manager', `${prev} ${x}`);
      else add('director', x);
    }
    if (x === 'chief') {
      const officer = w.slice(i + 1, i + 6).includes('officer');
      if (next === 'of' && at(w, i + 2) === 'staff') add('director', 'chief of staff');
      else if (officer && next !== 'petty' && next !== 'warrant') add('c-level', 'chief officer');
      else if (next === 'executive') add('c-level', 'chief executive');
    }
    if ((x === 'president' || x === 'presidente' || x === 'président' || x === 'présidente' || x === 'prezes') && prev !== 'vice') add('c-level', x);
    if (x === 'vice' && ['president', 'presidente', 'président', 'présidente'].includes(next)) add('vp', 'vice president');
    if (x === 'vicepresidente' || x === 'wiceprezes' || x === 'wiceprezeska') add('vp', x);
    if (FOUNDERS.has(x) || C_ACRONYMS.has(x)) add('c-level', x);
    if (x === 'consejero' && next === 'delegado') add('c-level', 'consejero delegado');
    if (OWNERS.has(x) && w.length <= 2 && prev !== 'product') add('c-level', x);
    if (Object.hasOwn(ROMAN, x) && i > 0 && prev !== 'class' && prev !== 'grade' && prev !== 'category' && prev !== 'cat' && prev !== 'type' && prev !== 'band') add(numeralLevel(ROMAN[x]), x);
    if (/^[1-5]$/u.test(x) && i > 0 && (prev === 'level' || (i === w.length - 1 && !['class', 'grade', 'category', 'cat', 'type', 'band', 'tier', 'year', 'key', 'stage', 'shift'].includes(prev)))) {
      add(numeralLevel(Number(x)), prev === 'level' ? `level ${x}` : x);
    }
  }
  if (text.includes(' vice president ')) out.push({ level: 'vp', cue: 'vice president' });
  return out;
}

/** The seniority a title states, by the rules above. */
export function seniorityLevel(title: string): Seniority {
  const all = analyzeTitle(title)
    .words.map((w) => (w === 'co-op' ? 'coop' : w === 'co-founder' ? 'cofounder' : w))
    .flatMap((w) => w.split(/(?<=\p{L})[-.](?=\p{L})/u))
    .map((w) => (w === 'sr' ? 'senior' : w === 'jr' ? 'junior' : w))
    .filter((w) => w !== '/' && w !== '&');
  // What follows "to the" or "office of" names someone else ("Assistant to the CEO").
  const cut = all.findIndex((w, i) => i > 0 && ((w === 'to' && (all[i + 1] === 'the' || C_ACRONYMS.has(all[i + 1] ?? ''))) || (w === 'office' && all[i + 1] === 'of')));
  const found = cues(cut > 0 ? all.slice(0, cut) : all);
  const pick = (level: Level): Seniority | undefined => {
    const c = found.find((f) => f.level === level);
    return c === undefined ? undefined : { level, rank: RANK[level], cue: c.cue };
  };
  const low = pick('intern') ?? pick('entry');
  if (low !== undefined) return low;
  let best: Seniority = { level: 'mid', rank: RANK.mid, cue: '' };
  for (const f of found) if (RANK[f.level] > best.rank) best = { level: f.level, rank: RANK[f.level], cue: f.cue };
  return best;
}
