/**
 * Pure rules of the learners of a session: the closed lists and their French labels, the
 * validation of one learner (form or import line), the columns of the roster import and the
 * all-or-nothing reading of an imported table (every error by line and column).
 *
 * RGPD: the roster is personal data. It is shown only to the organisation's members and to
 * monitoring staff, each view is audited, exports are logged; the address is minimised once the
 * end-of-session report is accepted and personal fields are erased at the end of the label plus
 * the retention period (LEARNER_RETENTION_MONTHS), keeping pseudonymous figures.
 */

export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];
export const EDUCATION_LEVELS = ['infra_bac', 'bac', 'bac_2', 'bac_3_plus'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const ENTRY_SITUATIONS = ['job_seeker', 'rsa', 'neet', 'employee', 'other'] as const;
export type EntrySituation = (typeof ENTRY_SITUATIONS)[number];
export const COMPLETIONS = ['completed', 'left'] as const;
export type Completion = (typeof COMPLETIONS)[number];
export const CERTIFICATIONS = ['full', 'partial', 'no', 'not_presented'] as const;
export type Certification = (typeof CERTIFICATIONS)[number];
export const EXIT_SITUATIONS = ['cdi', 'cdd_6m_plus', 'cdd_under_6m', 'interim', 'work_study', 'business_creation', 'further_training', 'job_seeking', 'inactive', 'unknown'] as const;
export type ExitSituation = (typeof EXIT_SITUATIONS)[number];

export const SEX_LABELS: Record<Sex, string> = { F: 'Femme', M: 'Homme' };
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  infra_bac: 'Infra-bac', bac: 'Bac', bac_2: 'Bac+2', bac_3_plus: 'Bac+3 ou plus',
};
export const ENTRY_SITUATION_LABELS: Record<EntrySituation, string> = {
  job_seeker: 'Demandeur d’emploi inscrit', rsa: 'Bénéficiaire du RSA', neet: 'Jeune ni en emploi ni en formation',
  employee: 'Salarié', other: 'Autre',
};
export const COMPLETION_LABELS: Record<Completion, string> = { completed: 'Parcours terminé', left: 'Sortie anticipée' };
export const CERTIFICATION_LABELS: Record<Certification, string> = {
  full: 'Certification complète', partial: 'Certification partielle', no: 'Non obtenue', not_presented: 'Non présenté',
};
export const EXIT_SITUATION_LABELS: Record<ExitSituation, string> = {
  cdi: 'CDI', cdd_6m_plus: 'CDD de 6 mois ou plus', cdd_under_6m: 'CDD de moins de 6 mois', interim: 'Intérim',
  work_study: 'Alternance', business_creation: 'Création d’entreprise', further_training: 'Poursuite de formation',
  job_seeking: 'En recherche d’emploi', inactive: 'Inactif', unknown: 'Situation inconnue',
};

/** Most learners one import may bring. */
export const MAX_ROSTER_ROWS = 5000;

/** A learner as the organisation declares it (form or import line), validated. */
export interface LearnerInput {
  lastName: string;
  firstName: string;
  sex: Sex;
  birthDate: string;
  email: string | null;
  phone: string | null;
  address: string;
  educationLevel: EducationLevel;
  entrySituation: EntrySituation;
  rqth: boolean;
  crousAid: boolean;
}

/** The fields of a learner, in the order of the form and of the import template. */
export const LEARNER_FIELDS = [
  { key: 'nom', label: 'Nom', required: true, aliases: ['nom', 'nom de famille', 'last name', 'nom usage'] },
  { key: 'prenom', label: 'Prénom', required: true, aliases: ['prenom', 'first name', 'prenoms'] },
  { key: 'sexe', label: 'Sexe', required: true, aliases: ['sexe', 'genre', 'sex', 'civilite'] },
  { key: 'date_naissance', label: 'Date de naissance', required: true, aliases: ['date de naissance', 'naissance', 'ne le', 'ne e le', 'date naissance', 'birth date'] },
  { key: 'courriel', label: 'Courriel', required: false, aliases: ['courriel', 'email', 'e mail', 'mail', 'adresse electronique', 'adresse mail'] },
  { key: 'telephone', label: 'Téléphone', required: false, aliases: ['telephone', 'tel', 'portable', 'phone', 'numero de telephone'] },
  { key: 'adresse', label: 'Adresse', required: true, aliases: ['adresse', 'adresse postale', 'adresse complete', 'address', 'domicile'] },
  { key: 'niveau', label: 'Niveau de formation', required: true, aliases: ['niveau de formation', 'niveau', 'niveau d etudes', 'diplome', 'niveau scolaire'] },
  { key: 'situation', label: 'Situation à l’entrée', required: true, aliases: ['situation a l entree', 'situation', 'statut', 'situation entree'] },
  { key: 'rqth', label: 'RQTH', required: false, aliases: ['rqth', 'handicap', 'travailleur handicape'] },
  { key: 'aide_crous', label: 'Aide CROUS demandée', required: false, aliases: ['aide crous demandee', 'aide crous', 'crous', 'bourse crous'] },
] as const;
export type LearnerFieldKey = (typeof LEARNER_FIELDS)[number]['key'];

/** Normalises a label for comparisons: no accents, lower case, words separated by one space. */
export function norm(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9+]+/g, ' ').trim();
}

const SEX_WORDS: Record<string, Sex> = { f: 'F', femme: 'F', feminin: 'F', madame: 'F', mme: 'F', m: 'M', h: 'M', homme: 'M', masculin: 'M', monsieur: 'M', mr: 'M' };
const EDUCATION_WORDS: Record<string, EducationLevel> = {
  'infra bac': 'infra_bac', infrabac: 'infra_bac', 'infra_bac': 'infra_bac', 'sans diplome': 'infra_bac', cap: 'infra_bac', bep: 'infra_bac', brevet: 'infra_bac', 'niveau 3': 'infra_bac',
  bac: 'bac', 'niveau 4': 'bac', baccalaureat: 'bac',
  'bac+2': 'bac_2', 'bac +2': 'bac_2', 'bac 2': 'bac_2', bts: 'bac_2', dut: 'bac_2', 'niveau 5': 'bac_2',
  'bac+3': 'bac_3_plus', 'bac +3': 'bac_3_plus', 'bac 3': 'bac_3_plus', '>= bac+3': 'bac_3_plus', 'bac+3 ou plus': 'bac_3_plus', 'bac +3 ou plus': 'bac_3_plus', 'bac 3 ou plus': 'bac_3_plus',
  'bac+4': 'bac_3_plus', 'bac+5': 'bac_3_plus', licence: 'bac_3_plus', master: 'bac_3_plus', 'niveau 6': 'bac_3_plus', 'niveau 7': 'bac_3_plus',
};
const SITUATION_WORDS: Record<string, EntrySituation> = {
  'demandeur d emploi': 'job_seeker', 'demandeur d emploi inscrit': 'job_seeker', de: 'job_seeker', dei: 'job_seeker', 'job seeker': 'job_seeker',
  rsa: 'rsa', 'beneficiaire du rsa': 'rsa', 'beneficiaire rsa': 'rsa',
  neet: 'neet', 'jeune ni en emploi ni en formation': 'neet', 'jeune neet': 'neet',
  salarie: 'employee', 'salariee': 'employee', employee: 'employee',
  autre: 'other', other: 'other',
};
const YES = new Set(['oui', 'o', 'yes', 'y', '1', 'vrai', 'x']);
const NO = new Set(['non', 'n', 'no', '0', 'faux', '']);

/** Reads a date typed as JJ/MM/AAAA or AAAA-MM-JJ; null when it does not exist. */
export function parseFrenchDate(v: string): string | null {
  const s = v.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) { d = Number(match[1]); m = Number(match[2]); y = Number(match[3]); }
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(s))) { y = Number(match[1]); m = Number(match[2]); d = Number(match[3]); }
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates one learner given as raw strings keyed by LEARNER_FIELDS; `today` (YYYY-MM-DD) bounds the birth date. */
export function validateLearner(raw: Partial<Record<LearnerFieldKey, string>>, today: string):
  { ok: true; data: LearnerInput } | { ok: false; errors: Partial<Record<LearnerFieldKey, string>> } {
  const errors: Partial<Record<LearnerFieldKey, string>> = {};
  const get = (k: LearnerFieldKey) => (raw[k] ?? '').trim();
  const text = (k: LearnerFieldKey, label: string, max: number) => {
    const v = get(k).replace(/\s+/g, ' ');
    if (!v) errors[k] = `${label} est obligatoire.`;
    else if (v.length > max) errors[k] = `${label} ne doit pas dépasser ${max} caractères.`;
    return v;
  };
  const lastName = text('nom', 'Le nom', 100);
  const firstName = text('prenom', 'Le prénom', 100);
  const sex = SEX_WORDS[norm(get('sexe'))];
  if (!get('sexe')) errors.sexe = 'Le sexe est obligatoire (F ou M).';
  else if (!sex) errors.sexe = `Le sexe « ${get('sexe')} » n’est pas reconnu : indiquez F ou M.`;
  let birthDate = '';
  if (!get('date_naissance')) errors.date_naissance = 'La date de naissance est obligatoire.';
  else {
    const d = parseFrenchDate(get('date_naissance'));
    if (!d) errors.date_naissance = `La date de naissance « ${get('date_naissance')} » n’existe pas ou n’est pas au format JJ/MM/AAAA.`;
    else if (d > today) errors.date_naissance = 'La date de naissance ne peut pas être dans le futur.';
    else if (Number(today.slice(0, 4)) - Number(d.slice(0, 4)) > 100) errors.date_naissance = 'La date de naissance est trop ancienne : vérifiez l’année.';
    else if (Number(today.slice(0, 4)) - Number(d.slice(0, 4)) < 15) errors.date_naissance = 'L’apprenant doit avoir au moins 15 ans : vérifiez l’année.';
    else birthDate = d;
  }
  const email = get('courriel') || null;
  if (email && (!EMAIL.test(email) || email.length > 254)) errors.courriel = `Le courriel « ${email} » n’est pas une adresse valide (exemple : prenom.nom@exemple.fr).`;
  const phone = get('telephone') || null;
  if (phone && !/^\+?[\d .()-]{6,20}$/.test(phone)) errors.telephone = `Le téléphone « ${phone} » n’est pas un numéro valide.`;
  const address = text('adresse', 'L’adresse', 300);
  const educationLevel = EDUCATION_WORDS[norm(get('niveau'))] ?? ((EDUCATION_LEVELS as readonly string[]).includes(get('niveau')) ? get('niveau') as EducationLevel : undefined);
  if (!get('niveau')) errors.niveau = 'Le niveau de formation est obligatoire.';
  else if (!educationLevel) errors.niveau = `Le niveau « ${get('niveau')} » n’est pas reconnu : indiquez infra-bac, bac, bac+2 ou bac+3 ou plus.`;
  const entrySituation = SITUATION_WORDS[norm(get('situation'))] ?? ((ENTRY_SITUATIONS as readonly string[]).includes(get('situation')) ? get('situation') as EntrySituation : undefined);
  if (!get('situation')) errors.situation = 'La situation à l’entrée est obligatoire.';
  else if (!entrySituation) errors.situation = `La situation « ${get('situation')} » n’est pas reconnue : indiquez demandeur d’emploi, RSA, NEET, salarié ou autre.`;
  const yesNo = (k: LearnerFieldKey, label: string): boolean => {
    const v = norm(get(k));
    if (YES.has(v)) return true;
    if (!NO.has(v)) errors[k] = `${label} : indiquez oui ou non (et non « ${get(k)} »).`;
    return false;
  };
  const rqth = yesNo('rqth', 'RQTH');
  const crousAid = yesNo('aide_crous', 'Aide CROUS demandée');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { lastName, firstName, sex: sex!, birthDate, email, phone, address, educationLevel: educationLevel!, entrySituation: entrySituation!, rqth, crousAid } };
}

/** The form values showing a learner. */
export function learnerValues(l: { lastName: string | null; firstName: string | null; sex: Sex; birthDate: string | null; email: string | null; phone: string | null; address: string | null; educationLevel: EducationLevel; entrySituation: EntrySituation; rqth: boolean; crousAid: boolean }): Record<LearnerFieldKey, string> {
  return {
    nom: l.lastName ?? '', prenom: l.firstName ?? '', sexe: l.sex, date_naissance: l.birthDate ?? '', courriel: l.email ?? '', telephone: l.phone ?? '',
    adresse: l.address ?? '', niveau: l.educationLevel, situation: l.entrySituation, rqth: l.rqth ? 'oui' : 'non', aide_crous: l.crousAid ? 'oui' : 'non',
  };
}

/** Column index of each field in an imported table (null: column absent). */
export type RosterMapping = Record<LearnerFieldKey, number | null>;

/** Guesses the mapping from the header's names. */
export function guessRosterMapping(header: string[]): RosterMapping {
  const h = header.map(norm);
  const used = new Set<number>();
  const out = {} as RosterMapping;
  for (const f of LEARNER_FIELDS) {
    let idx: number | null = null;
    for (const a of f.aliases) {
      const i = h.findIndex((x, j) => !used.has(j) && x === norm(a));
      if (i >= 0) { idx = i; break; }
    }
    if (idx !== null) used.add(idx);
    out[f.key] = idx;
  }
  return out;
}

/** Checks a mapping: required fields mapped, no column used twice. Errors keyed by the form's field `col_<key>`. */
export function checkRosterMapping(m: RosterMapping, columns: number): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Map<number, string>();
  for (const f of LEARNER_FIELDS) {
    const i = m[f.key];
    if (i === null) { if (f.required) errors[`col_${f.key}`] = `Choisissez la colonne qui contient « ${f.label} ».`; continue; }
    if (i < 0 || i >= columns) { errors[`col_${f.key}`] = `La colonne choisie pour « ${f.label} » n’existe pas dans le fichier.`; continue; }
    const other = seen.get(i);
    if (other) errors[`col_${f.key}`] = `« ${f.label} » et « ${other} » ne peuvent pas lire la même colonne.`;
    else seen.set(i, f.label);
  }
  return errors;
}

/** One problem of an import, by line of the file and column. */
export interface ImportError { line: number; column: string; message: string }

/**
 * Reads every line of an imported table under a mapping: either all learners, or every error
 * (line of the file, column header, message). Duplicates (same name and birth date, within the
 * file or with `existing`) are errors too.
 */
export function readRoster(
  header: string[], rows: { line: number; cells: string[] }[], m: RosterMapping, today: string,
  existing: { lastName: string | null; firstName: string | null; birthDate: string | null }[] = [],
): { ok: true; learners: (LearnerInput & { line: number })[] } | { ok: false; errors: ImportError[] } {
  if (rows.length > MAX_ROSTER_ROWS) return { ok: false, errors: [{ line: rows[MAX_ROSTER_ROWS]!.line, column: '—', message: `Le fichier compte plus de ${MAX_ROSTER_ROWS.toLocaleString('fr-FR')} apprenants : découpez-le.` }] };
  const errors: ImportError[] = [];
  const learners: (LearnerInput & { line: number })[] = [];
  const key = (l: { lastName: string | null; firstName: string | null; birthDate: string | null }) => `${norm(l.lastName ?? '')}|${norm(l.firstName ?? '')}|${l.birthDate}`;
  const seen = new Map<string, number>(existing.map((e) => [key(e), 0]));
  const colName = (k: LearnerFieldKey) => {
    const i = m[k];
    return i === null ? LEARNER_FIELDS.find((f) => f.key === k)!.label : (header[i] ?? `colonne ${i + 1}`);
  };
  for (const row of rows) {
    const raw: Partial<Record<LearnerFieldKey, string>> = {};
    for (const f of LEARNER_FIELDS) { const i = m[f.key]; raw[f.key] = i === null ? '' : (row.cells[i] ?? ''); }
    const v = validateLearner(raw, today);
    if (!v.ok) {
      for (const f of LEARNER_FIELDS) { const msg = v.errors[f.key]; if (msg) errors.push({ line: row.line, column: colName(f.key), message: msg }); }
      continue;
    }
    const k = key(v.data);
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push({ line: row.line, column: colName('nom'), message: first === 0 ? 'Cet apprenant (même nom, prénom et date de naissance) est déjà dans la liste de la session.' : `Cet apprenant figure déjà à la ligne ${first}.` });
      continue;
    }
    seen.set(k, row.line);
    learners.push({ ...v.data, line: row.line });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, learners };
}

/** The import template: header and one example line (CSV, semicolon, UTF-8 with BOM). */
export function rosterTemplateCsv(): string {
  const header = LEARNER_FIELDS.map((f) => f.label);
  const example = ['Martin', 'Camille', 'F', '14/03/1999', 'camille.martin@exemple.fr', '06 12 34 56 78', '29 rue Myrha 75018 Paris', 'bac', 'demandeur d’emploi', 'non', 'oui'];
  return '\ufeff' + [header, example].map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n') + '\r\n';
}

/** Date + n months, clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(isoDate: string, n: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Whether personal fields must be erased: the label ended (validUntil) more than `retentionMonths` ago. */
export function isPastRetention(labelEnd: string | null, retentionMonths: number, today: string): boolean {
  return !!labelEnd && addMonths(labelEnd, retentionMonths) < today;
}
