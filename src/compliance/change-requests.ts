/** Pure rules of change requests: types, form parsing, decision refusals, flattening and diff of training versions. */
export const CHANGE_TYPES = ['content', 'certification', 'modality', 'immersion', 'support', 'session_dates'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export type ChangeStatus = 'pending' | 'approved' | 'rejected';

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  content: 'Contenu de la formation',
  certification: 'Certification visée',
  modality: 'Modalité (par exemple passage à distance)',
  immersion: 'Immersion professionnelle',
  support: 'Accompagnement des apprenants',
  session_dates: 'Report ou modification du calendrier d’une session',
};
export const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = { pending: 'En attente', approved: 'Approuvée', rejected: 'Refusée' };

/** A day as JJ/MM/AAAA. */
export const frDay = (d: string) => d.split('-').reverse().join('/');

type Parsed<T> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** What a valid request form gives. */
export interface ChangeRequestInput {
  labelId: string; type: ChangeType; description: string; requestedOn: string; fieldKey: string | null; newValue: string | null;
  /** Type `session_dates` only: the session and its new dates. */
  sessionId: string | null; newStart: string | null; newEnd: string | null;
}

/** The organisation's request form. */
export function parseChangeRequest(values: Record<string, unknown>, fieldKeys: string[]): Parsed<ChangeRequestInput> {
  const errors: Record<string, string> = {};
  const labelId = str(values.labelId);
  const type = str(values.type) as ChangeType;
  const description = str(values.description);
  const requestedOn = str(values.requestedOn);
  const sessionDates = type === 'session_dates';
  const fieldKey = sessionDates ? null : str(values.fieldKey) || null;
  const newValue = sessionDates ? null : str(values.newValue) || null;
  const sessionId = sessionDates ? str(values.sessionId) || null : null;
  const newStart = sessionDates ? str(values.newStart) : '';
  const newEnd = sessionDates ? str(values.newEnd) : '';
  if (!labelId) errors.labelId = 'Choisissez la formation labellisée concernée.';
  if (!CHANGE_TYPES.includes(type)) errors.type = 'Choisissez le type de modification.';
  if (description.length < 20) errors.description = 'Décrivez la modification demandée (au moins 20 caractères).';
  else if (description.length > 4000) errors.description = 'La description ne peut dépasser 4 000 caractères.';
  if (!isDay(requestedOn)) errors.requestedOn = 'Indiquez la date souhaitée au format JJ/MM/AAAA.';
  if (sessionDates) {
    if (!sessionId) errors.sessionId = 'Choisissez la session dont le calendrier change.';
    if (!isDay(newStart)) errors.newStart = 'Indiquez la nouvelle date de démarrage au format JJ/MM/AAAA.';
    if (!isDay(newEnd)) errors.newEnd = 'Indiquez la nouvelle date de fin, stage compris, au format JJ/MM/AAAA.';
    else if (!errors.newStart && newEnd <= newStart) errors.newEnd = 'La nouvelle date de fin doit être postérieure à la nouvelle date de démarrage.';
  }
  if (fieldKey && !fieldKeys.includes(fieldKey)) errors.fieldKey = 'Choisissez une rubrique de la fiche formation.';
  if (fieldKey && !newValue) errors.newValue = 'Indiquez la nouvelle valeur de la rubrique choisie.';
  if (!fieldKey && newValue) errors.fieldKey = 'Choisissez la rubrique à laquelle s’applique la nouvelle valeur.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, labelId, type, description, requestedOn, fieldKey, newValue, sessionId, newStart: sessionDates ? newStart : null, newEnd: sessionDates ? newEnd : null };
}

/** Why staff may not decide (null when they may). */
export function changeDecisionRefusal(status: ChangeStatus, approve: boolean | null, motivation: string): { field?: string; message: string } | null {
  if (status !== 'pending') return { message: 'Cette demande a déjà été traitée.' };
  if (approve === null) return { field: 'decision', message: 'Choisissez d’approuver ou de refuser la demande.' };
  if (motivation.trim().length < 10) return { field: 'motivation', message: 'Motivez la décision (au moins 10 caractères) : elle est communiquée à l’organisme.' };
  return null;
}

/** The application's sections as a flat training record: `section.field` → text. */
export function flattenSections(sections: { sectionKey: string; data: Record<string, unknown> }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of [...sections].sort((a, b) => a.sectionKey.localeCompare(b.sectionKey))) {
    for (const [k, v] of Object.entries(s.data ?? {})) {
      if (v === null || v === undefined || v === '') continue;
      out[`${s.sectionKey}.${k}`] = typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  }
  return out;
}

/** The next version's data: the field changed and the change's description recorded under its type. */
export function applyChange(data: Record<string, string>, change: { type: ChangeType; description: string; fieldKey: string | null; newValue: string | null }): Record<string, string> {
  const next = { ...data, [`modifications.${change.type}`]: change.description };
  if (change.fieldKey && change.newValue !== null) next[change.fieldKey] = change.newValue;
  return next;
}

export interface DiffRow { field: string; before: string | null; after: string | null }

/** What changed between two versions (added, removed, modified fields), sorted by field. */
export function diffVersions(before: Record<string, string>, after: Record<string, string>): DiffRow[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => before[k] !== after[k]).map((k) => ({ field: k, before: before[k] ?? null, after: after[k] ?? null }));
}
