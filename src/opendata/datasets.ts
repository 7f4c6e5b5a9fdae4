/**
 * The open datasets, pure: labelled trainings and their sessions, from the catalogue's index
 * entries (so they show exactly what the public catalogue shows: active labels only, upcoming or
 * current sessions). Each dataset is a list of documented columns, the single source of the CSV
 * header, of the JSON field names and of the schema shown on /donnees-ouvertes.
 *
 * CSV: RFC 4180 (comma separator, CRLF line ends, double quotes around any field holding a comma,
 * a quote or a line break, quotes doubled), UTF-8, header line first. Empty field = unknown.
 */
import type { CatalogueEntry, EntrySession } from '../catalogue/search.js';

export type ColumnType = 'texte' | 'entier' | 'nombre' | 'date' | 'booléen' | 'URL';
export type Cell = string | number | boolean | null;

/** A documented column. */
export interface Column<R> {
  name: string;
  type: ColumnType;
  description: string;
  value: (r: R) => Cell;
}

/** A dataset: its stable name, title, description and columns. */
export interface Dataset<R> {
  name: string;
  title: string;
  description: string;
  columns: Column<R>[];
}

const join = (xs: (string | null | undefined)[]) => xs.filter(Boolean).join('|');

/** A training row: the entry and the site's base URL. */
export type TrainingRow = { e: CatalogueEntry; baseUrl: string };
/** A session row: the session and its entry. */
export type SessionRow = { s: EntrySession; e: CatalogueEntry };

export const TRAININGS: Dataset<TrainingRow> = {
  name: 'formations',
  title: 'Formations labellisées',
  description: 'Une ligne par formation dont le label est actif aujourd’hui (un label suspendu, retiré ou expiré disparaît du jeu de données).',
  columns: [
    { name: 'numero_label', type: 'texte', description: 'Numéro du label, par exemple GEN-2021-0007 (identifiant stable).', value: (r) => r.e.number },
    { name: 'intitule', type: 'texte', description: 'Intitulé de la formation.', value: (r) => r.e.title },
    { name: 'resume', type: 'texte', description: 'Présentation courte de la formation.', value: (r) => r.e.summary || null },
    { name: 'metiers_vises', type: 'texte', description: 'Métiers visés, tels que l’organisme les décrit.', value: (r) => r.e.targetJobs || null },
    { name: 'codes_rome', type: 'texte', description: 'Codes ROME des métiers visés, séparés par « | ».', value: (r) => join(r.e.romeCodes) || null },
    { name: 'famille_metiers_code', type: 'texte', description: 'Code de la famille de métiers de l’appel.', value: (r) => r.e.family?.code ?? null },
    { name: 'famille_metiers', type: 'texte', description: 'Intitulé de la famille de métiers.', value: (r) => r.e.family?.title ?? null },
    { name: 'certification_repertoire', type: 'texte', description: 'Répertoire de la certification : RNCP ou RS.', value: (r) => r.e.cert.register },
    { name: 'certification_code', type: 'texte', description: 'Code de la fiche, par exemple RNCP31114 ou RS5487.', value: (r) => r.e.cert.code },
    { name: 'certification_intitule', type: 'texte', description: 'Intitulé de la certification.', value: (r) => r.e.cert.title },
    { name: 'certification_niveau', type: 'texte', description: 'Niveau du cadre national des certifications (3 à 8), vide pour le RS.', value: (r) => r.e.cert.level },
    { name: 'duree_heures', type: 'nombre', description: 'Durée totale en heures.', value: (r) => r.e.duration.totalHours },
    { name: 'duree_mois', type: 'nombre', description: 'Durée en mois.', value: (r) => r.e.duration.months },
    { name: 'modalites', type: 'texte', description: 'Modalités : presentiel, distance, hybride, séparées par « | ».', value: (r) => join(r.e.modalities) || null },
    { name: 'alternance_possible', type: 'booléen', description: 'true si une session au moins peut se suivre en alternance.', value: (r) => r.e.workStudy },
    { name: 'organisme', type: 'texte', description: 'Raison sociale de l’organisme de formation.', value: (r) => r.e.organisation.name },
    { name: 'organisme_siret', type: 'texte', description: 'SIRET de l’organisme (14 chiffres).', value: (r) => r.e.organisation.siret },
    { name: 'lieux_communes', type: 'texte', description: 'Codes INSEE des communes des lieux de formation, séparés par « | ».', value: (r) => join(r.e.places.map((p) => p.communeCode)) || null },
    { name: 'lieux_regions', type: 'texte', description: 'Codes des régions des lieux de formation, séparés par « | ».', value: (r) => join([...new Set(r.e.places.map((p) => p.region))]) || null },
    { name: 'prochaine_session', type: 'date', description: 'Date de début de la prochaine session connue (AAAA-MM-JJ).', value: (r) => r.e.sessions[0]?.start ?? null },
    { name: 'label_debut', type: 'date', description: 'Premier jour de validité du label.', value: (r) => r.e.validFrom },
    { name: 'label_fin', type: 'date', description: 'Dernier jour de validité du label.', value: (r) => r.e.validUntil },
    { name: 'url', type: 'URL', description: 'Page publique de la formation.', value: (r) => `${r.baseUrl}/formations/${encodeURIComponent(r.e.number)}` },
  ],
};

export const SESSIONS: Dataset<SessionRow> = {
  name: 'sessions',
  title: 'Sessions des formations labellisées',
  description: 'Une ligne par session à venir ou en cours d’une formation labellisée active (sessions déclarées par l’organisme ; à défaut, sessions prévues dans la candidature, marquées « prévisionnelle »).',
  columns: [
    { name: 'numero_label', type: 'texte', description: 'Numéro du label de la formation (lien avec le jeu « formations »).', value: (r) => r.e.number },
    { name: 'session_id', type: 'texte', description: 'Identifiant stable de la session déclarée, vide pour une session prévisionnelle.', value: (r) => r.s.id },
    { name: 'nom', type: 'texte', description: 'Nom de la session.', value: (r) => r.s.name },
    { name: 'debut', type: 'date', description: 'Date de début prévue (AAAA-MM-JJ).', value: (r) => r.s.start },
    { name: 'fin', type: 'date', description: 'Date de fin prévue, stage compris.', value: (r) => r.s.end },
    { name: 'places', type: 'entier', description: 'Nombre de places.', value: (r) => r.s.places },
    { name: 'places_restantes', type: 'entier', description: 'Places restantes : places offertes moins les apprenants inscrits quand la liste des apprenants existe, sinon les places offertes.', value: (r) => r.s.placesLeft },
    { name: 'modalite', type: 'texte', description: 'presentiel, distance ou hybride.', value: (r) => r.s.modality },
    { name: 'alternance_possible', type: 'booléen', description: 'true si la session peut se suivre en alternance.', value: (r) => r.s.workStudy },
    { name: 'previsionnelle', type: 'booléen', description: 'true si la date vient de la candidature et n’est pas encore déclarée.', value: (r) => r.s.provisional },
    { name: 'lieu_adresse', type: 'texte', description: 'Adresse du lieu de la session.', value: (r) => r.s.place?.address || null },
    { name: 'lieu_code_postal', type: 'texte', description: 'Code postal du lieu.', value: (r) => r.s.place?.postcode || null },
    { name: 'lieu_commune', type: 'texte', description: 'Commune du lieu.', value: (r) => r.s.place?.city || null },
    { name: 'lieu_code_insee', type: 'texte', description: 'Code INSEE de la commune.', value: (r) => r.s.place?.communeCode ?? null },
    { name: 'lieu_departement', type: 'texte', description: 'Code du département.', value: (r) => r.s.place?.departement ?? null },
    { name: 'lieu_region', type: 'texte', description: 'Code de la région.', value: (r) => r.s.place?.region ?? null },
    { name: 'lieu_latitude', type: 'nombre', description: 'Latitude WGS 84 (centre de la commune à défaut du lieu exact).', value: (r) => r.s.place?.lat ?? null },
    { name: 'lieu_longitude', type: 'nombre', description: 'Longitude WGS 84.', value: (r) => r.s.place?.lon ?? null },
    { name: 'lieu_qpv', type: 'texte', description: 'Code du quartier prioritaire où se trouve le lieu, vide sinon ou si inconnu.', value: (r) => r.s.place?.qpv?.code ?? null },
  ],
};

/** Rows of the trainings dataset. */
export const trainingRows = (entries: CatalogueEntry[], baseUrl: string): TrainingRow[] => entries.map((e) => ({ e, baseUrl }));
/** Rows of the sessions dataset. */
export const sessionRows = (entries: CatalogueEntry[]): SessionRow[] => entries.flatMap((e) => e.sessions.map((s) => ({ s, e })));

/** One CSV field (RFC 4180). */
export function csvField(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A dataset as CSV. */
export function toCsv<R>(d: Dataset<R>, rows: R[]): string {
  const lines = [d.columns.map((c) => c.name).join(',')];
  for (const r of rows) lines.push(d.columns.map((c) => csvField(c.value(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A dataset as JSON records (same names and values as the CSV). */
export function toRecords<R>(d: Dataset<R>, rows: R[]): Record<string, Cell>[] {
  return rows.map((r) => Object.fromEntries(d.columns.map((c) => [c.name, c.value(r)])));
}
