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

/**
 * A word or header as compared: lower-cased with its accents dropped, so that "Intitulé",
 * "INTITULE" and a decomposed "Intitule\u0301" are one key. Letters that are not an accented
 * base letter (ł, ß, ø) stay as they are.
 */
function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
}

function normalizeHeader(h: string): string {
  return fold(h).replace(/[_\-./]+/g, ' ').replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();
}

/**
 * Headers that name the job-title column, by language, compared after normalizeHeader. The first
 * header of this list (English first) that a table has wins.
 */
const TITLE_HEADERS_BY_LANGUAGE: Record<string, readonly string[]> = {
  en: [
    'job title', 'title', 'job titles', 'titles', 'position', 'position title', 'role', 'role title', 'job role',
    'designation', 'occupation', 'job', 'job name', 'job position', 'vacancy', 'vacancy title', 'opening',
    'job opening', 'current title', 'current position', 'current role', 'current job title', 'jobtitle',
    'preferred label', 'preferredlabel', 'label', 'occupation title', 'alternate title', 'reported job title',
  ],
  de: [
    'berufsbezeichnung', 'stellenbezeichnung', 'jobtitel', 'jobbezeichnung', 'positionsbezeichnung', 'funktionsbezeichnung',
    'tätigkeitsbezeichnung', 'stellentitel', 'beruf', 'ausgeübter beruf', 'aktueller beruf', 'funktion', 'tätigkeit',
    'aktuelle tätigkeit', 'aktuelle position', 'stelle', 'rolle',
  ],
  es: [
    'puesto', 'cargo', 'puesto de trabajo', 'título del puesto', 'nombre del puesto', 'denominación del puesto',
    'título del cargo', 'puesto actual', 'cargo actual', 'ocupación', 'profesión', 'función', 'rol', 'categoría profesional',
  ],
  fr: [
    'intitulé du poste', 'intitulé de poste', 'intitulé', 'titre du poste', 'nom du poste', 'libellé du poste', 'poste',
    'poste occupé', 'poste actuel', 'fonction', 'fonction occupée', 'métier', 'emploi', 'profession',
  ],
  nl: [
    'functie', 'functietitel', 'functienaam', 'functiebenaming', 'huidige functie', 'beroep', 'rol', 'vacature', 'vacaturetitel',
  ],
  pl: ['stanowisko', 'nazwa stanowiska', 'stanowisko pracy', 'obecne stanowisko', 'tytuł stanowiska', 'zawód', 'funkcja', 'rola'],
  pt: [
    'cargo', 'função', 'profissão', 'título do cargo', 'nome do cargo', 'cargo atual', 'cargo actual', 'ocupação', 'posição',
    'título da vaga', 'categoria profissional',
  ],
};

const TITLE_HEADERS: readonly string[] = [...new Set(Object.values(TITLE_HEADERS_BY_LANGUAGE).flat().map(normalizeHeader))];

/**
 * A header that holds one of these words names the title column ("Job title (current)",
 * "Puesto actual", "Huidige functie"), unless it also names something else. Folded, as headers are.
 */
const TITLE_HEADER_WORDS = new RegExp(
  `\\b(?:${[
    'job ?title', 'title', 'position', 'role', 'occupation', 'designation',
    'berufsbezeichnung', 'stellenbezeichnung', 'jobtitel', 'beruf', 'tatigkeit',
    'puesto', 'cargo', 'ocupacion', 'intitule', 'poste', 'metier',
    'functie', 'functietitel', 'functienaam', 'beroep', 'stanowisko', 'zawod', 'funcao', 'profissao', 'ocupacao',
  ].join('|')})\\b`,
);

/** Words, by language, of headers that name something else: never suggested from the values alone. */
const OTHER_HEADER_WORDS: Record<string, readonly string[]> = {
  en: [
    'e-?mail', 'mail', 'phone', 'tel', 'mobile', 'id', 'uuid', 'key', 'code', 'uri', 'url', 'link', 'name', 'first', 'last',
    'surname', 'city', 'country', 'location', 'address', 'zip', 'postcode', 'date', 'salary', 'company', 'employer',
    'department', 'status', 'source', 'notes?', 'comments?',
  ],
  de: [
    'vorname', 'nachname', 'familienname', 'firma', 'unternehmen', 'arbeitgeber', 'stadt', 'ort', 'wohnort', 'land',
    'adresse', 'anschrift', 'straße', 'strasse', 'plz', 'postleitzahl', 'telefon', 'handy', 'datum', 'gehalt', 'abteilung',
    'bemerkungen?', 'notizen?', 'kommentare?', 'quelle',
  ],
  es: [
    'nombre', 'apellidos?', 'empresa', 'compañía', 'ciudad', 'localidad', 'provincia', 'país', 'ubicación', 'dirección',
    'código', 'teléfono', 'móvil', 'correo', 'fecha', 'salario', 'sueldo', 'departamento', 'fuente', 'notas?',
    'comentarios?', 'observaciones',
  ],
  fr: [
    'nom', 'prénom', 'entreprise', 'société', 'employeur', 'ville', 'commune', 'pays', 'lieu', 'adresse', 'téléphone',
    'portable', 'courriel', 'salaire', 'département', 'statut', 'remarques?', 'commentaires?',
  ],
  nl: [
    'naam', 'voornaam', 'achternaam', 'bedrijf', 'werkgever', 'organisatie', 'stad', 'plaats', 'woonplaats', 'adres',
    'telefoon', 'telefoonnummer', 'mobiel', 'datum', 'salaris', 'afdeling', 'opmerkingen?', 'bron',
  ],
  pl: [
    'imię', 'nazwisko', 'firma', 'pracodawca', 'miasto', 'miejscowość', 'kraj', 'adres', 'kod', 'telefon',
    'wynagrodzenie', 'dział', 'uwagi', 'źródło',
  ],
  pt: [
    'nome', 'sobrenome', 'apelido', 'empresa', 'empregador', 'cidade', 'localidade', 'país', 'morada', 'endereço',
    'telefone', 'telemóvel', 'celular', 'salário', 'departamento', 'observações', 'notas?',
  ],
};

/** Any of OTHER_HEADER_WORDS as a whole word of a normalized header (word edges that know ł and ś). */
const OTHER_HEADERS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...new Set(Object.values(OTHER_HEADER_WORDS).flat().map(fold))].join('|')})(?![\\p{L}\\p{N}])`,
  'u',
);

/** The folded words of space-separated lists, none empty (an empty ending would match every word). */
function words(lists: readonly string[]): string[] {
  return lists.flatMap((l) => l.split(/\s+/)).filter((w) => w !== '').map(fold);
}

/**
 * Words, by language, that occur in job titles far more than in names, places or other fields.
 * Matched as whole words after folding (so "Técnico" and "tecnico" both count). Words that are
 * also common surnames (Koch, Bauer, Bakker, Kok, Boulanger, Herrero, Richter...) are left out.
 */
const TITLE_WORDS_BY_LANGUAGE: Record<string, string> = {
  en:
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
    'nurse midwife dentist hygienist optician paramedic firefighter police soldier officer sergeant',
  // German titles are mostly compounds: see COMPOUND_ENDINGS. These are the words that are not.
  de:
    'azubi auszubildende auszubildender werkstudent werkstudentin direktor direktorin vorstand inhaber inhaberin ' +
    'leitende leitender stellvertretende stellvertretender köchin hebamme friseur friseurin',
  es:
    'ingeniero ingeniera enfermero enfermera técnico técnica jefe jefa director directora gerente subdirector ' +
    'subdirectora conductor conductora desarrollador desarrolladora programador programadora contable contador ' +
    'contadora administrativo administrativa administrador administradora dependiente dependienta camarero camarera ' +
    'auxiliar asistente analista consultor consultora coordinador coordinadora especialista asesor asesora vendedor ' +
    'vendedora cocinero cocinera mecánico mecánica electricista fontanero profesor profesora maestro maestra médico ' +
    'médica abogado abogada diseñador diseñadora arquitecto arquitecta operario operaria peón repartidor repartidora ' +
    'cajero cajera recepcionista secretario secretaria limpiador limpiadora mozo encargado encargada becario becaria ' +
    'cuidador cuidadora psicólogo psicóloga farmacéutico farmacéutica fisioterapeuta gestor gestora soldador ' +
    'carpintero albañil jardinero jardinera panadero panadera vigilante teleoperador teleoperadora ejecutivo ejecutiva ' +
    'representante adjunto adjunta agente',
  fr:
    'ingénieur ingénieure infirmier infirmière technicien technicienne responsable directeur directrice chef ' +
    'conducteur conductrice développeur développeuse comptable vendeur vendeuse chargé chargée gestionnaire ' +
    'conseiller conseillère commercial commerciale assistante cuisinier cuisinière serveur serveuse caissier caissière ' +
    'employé employée ouvrier ouvrière opérateur opératrice chauffeur mécanicien mécanicienne électricien électricienne ' +
    'plombier menuisier soudeur soudeuse magasinier magasinière préparateur préparatrice manutentionnaire soignant ' +
    'soignante auxiliaire éducateur éducatrice enseignant enseignante professeur professeure formateur formatrice ' +
    'consultante analyste architecte avocat avocate médecin pharmacien pharmacienne kinésithérapeute psychologue ' +
    'secrétaire standardiste hôte hôtesse réceptionniste animateur animatrice coordinateur coordinatrice adjoint ' +
    'adjointe stagiaire apprenti apprentie président présidente contrôleur contrôleuse auditeur auditrice acheteur ' +
    'acheteuse juriste logisticien logisticienne cariste livreur livreuse dessinateur dessinatrice concepteur ' +
    'conceptrice administrateur administratrice rédacteur rédactrice',
  // Dutch titles are compounds as often as German ones: see COMPOUND_ENDINGS.
  nl:
    'hoofd directeur docent leraar lerares arts tandarts huisarts dierenarts stagiair stagiaire ambtenaar secretaresse ' +
    'receptioniste assistente verkoopster medewerkster schoonmaker schoonmaakster loodgieter elektricien lasser ' +
    'bezorger analist consulent functionaris',
  pl:
    'inżynier kierownik kierowniczka specjalista specjalistka pielęgniarka pielęgniarz kierowca programista ' +
    'programistka księgowa księgowy technik sprzedawca sprzedawczyni asystent asystentka dyrektor dyrektorka lekarz ' +
    'lekarka nauczyciel nauczycielka magazynier magazynierka konsultant konsultantka doradca analityk projektant ' +
    'projektantka referent referentka kasjer kasjerka kucharz kelner kelnerka elektryk mechanik spawacz monter ' +
    'ślusarz koordynator koordynatorka menedżer menadżer przedstawiciel handlowiec opiekun opiekunka recepcjonista ' +
    'recepcjonistka sekretarka pracownik pracownica starszy starsza młodszy młodsza główny główna zastępca prezes ' +
    'kontroler informatyk architekt fizjoterapeuta farmaceuta ratownik ratowniczka prawnik adwokat radca stażysta ' +
    'stażystka praktykant praktykantka brygadzista inspektor ekspedientka ekspedient fryzjer fryzjerka lider liderka ' +
    'położna logistyk audytor ekonomista',
  pt:
    'engenheiro engenheira enfermeiro enfermeira técnico técnica gerente diretor diretora director directora ' +
    'motorista desenvolvedor desenvolvedora programador programadora contabilista contador contadora vendedor ' +
    'vendedora assistente analista consultor consultora coordenador coordenadora especialista auxiliar atendente ' +
    'operador operadora mecânico eletricista electricista professor professora médico médica advogado advogada ' +
    'arquiteto arquiteta arquitecto arquitecta rececionista recepcionista secretária secretário cozinheiro cozinheira ' +
    'empregado empregada estagiário estagiária chefe encarregado encarregada gestor gestora administrador ' +
    'administradora administrativo administrativa pedreiro soldador farmacêutico farmacêutica fisioterapeuta ' +
    'psicólogo psicóloga cuidador cuidadora entregador repositor estoquista executivo executiva representante',
};

const TITLE_WORDS = new Set(words(Object.values(TITLE_WORDS_BY_LANGUAGE)));

/**
 * Endings of German and Dutch compound titles (Softwareentwickler, Krankenpfleger, Vertriebsleiterin,
 * Applicatiebeheerder, Verpleegkundige): a word counts when it ends with one, or with one and the
 * German feminine "-in". Folded, as words are. Endings that are also surnames or end surnames
 * (-mann, -bauer, -müller, -schneider, -arts as in Aarts) are left out. "kundige" covers
 * verpleegkundige, tandheelkundige, deskundige.
 */
const COMPOUND_ENDINGS_BY_LANGUAGE: Record<string, string> = {
  de:
    'ingenieur leiter leitung pfleger fachkraft pflegekraft hilfskraft lehrkraft reinigungskraft servicekraft bürokraft ' +
    'fahrer entwickler programmierer berater referent assistent assistenz arbeiter techniker meister kaufmann ' +
    'kauffrau kaufleute fachmann fachfrau helfer hilfe verkäufer kassierer lagerist mechaniker mechatroniker ' +
    'einkäufer elektroniker elektriker monteur installateur schweißer schweisser tischler lackierer dachdecker erzieher lehrer ' +
    'dozent arzt apotheker therapeut psychologe psychologin architekt planer gestalter informatiker administrator ' +
    'manager analyst buchhalter angestellte angestellter sekretär führer praktikant disponent controller koordinator ' +
    'beauftragte beauftragter vertreter spezialist betreuer begleiter bäcker',
  nl:
    'medewerker kundige monteur chauffeur ontwikkelaar adviseur beheerder leidinggevende leider ' +
    'ontwerper programmeur begeleider verzorgende verkoper boekhouder coordinator specialist uitvoerder ' +
    'voorbereider operator planner vertegenwoordiger',
};

const COMPOUND_ENDINGS = [...new Set(words(Object.values(COMPOUND_ENDINGS_BY_LANGUAGE)))];

/** Whether one word of a value is a title word or ends like a compound title. */
function isTitleWord(word: string): boolean {
  const w = fold(word);
  if (TITLE_WORDS.has(w)) return true;
  return COMPOUND_ENDINGS.some((e) => w.endsWith(e) || w.endsWith(`${e}in`));
}

/** How much a single value looks like a job title, from 0 to 1. */
function titleLikeness(value: string): number {
  const v = value.trim();
  if (v === '' || isDataLike(v)) return 0;
  // Gender marks split too: "Entwickler*in", "Mitarbeiter:in", "infirmier·ère", "enfermero/a".
  const words = v.split(/[\s/,&()*:·-]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 12 || v.length > 120) return 0;
  if (!/\p{L}/u.test(v)) return 0;
  let score = 0.3;
  if (words.some(isTitleWord)) score += 0.7;
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
  const partial = normalized.findIndex((h) => TITLE_HEADER_WORDS.test(h) && !OTHER_HEADERS.test(h));
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
