/** Pure rules of change requests: types, form parsing, decision refusals, flattening and diff of training versions. */
export const CHANGE_TYPES = ['content', 'certification', 'modality', 'immersion', 'support'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export type ChangeStatus = 'pending' | 'approved' | 'rejected';

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  content: 'Contenu de la formation',
  certification: 'Certification visée',
  modality: 'Modalité (par exemple passage à distance)',
  immersion: 'Immersion professionnelle',
  support: 'Accompagnement des apprenants',
};
export const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = { pending: 'En attente', approved: 'Approuvée', rejected: 'Refusée' };

/** A day as JJ/MM/AAAA. */
export const frDay = (d: string) => d.split('-').reverse().join('/');

type Parsed<T> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The organisation's request form. */
export function parseChangeRequest(values: Record<string, unknown>, fieldKeys: string[]): Parsed<{ labelId: string; type: ChangeType; description: string; requestedOn: string; fieldKey: string | null; newValue: string | null }> {
  const errors: Record<string, string> = {};
  const labelId = str(values.labelId);
  const type = str(values.type) as ChangeType;
  const description = str(values.description);
  const requestedOn = str(values.requestedOn);
  const fieldKey = str(values.fieldKey) || null;
  const newValue = str(values.newValue) || null;
  if (!labelId) errors.labelId = 'Choisissez la formation labellisée concernée.';
  if (!CHANGE_TYPES.includes(type)) errors.type = 'Choisissez le type de modification.';
  if (description.length < 20) errors.description = 'Décrivez la modification demandée (au moins 20 caractères).';
  else if (description.length > 4000) errors.description = 'La description ne peut dépasser 4 000 caractères.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(requestedOn) || Number.isNaN(Date.parse(`${requestedOn}T00:00:00Z`))) errors.requestedOn = 'Indiquez la date souhaitée au format JJ/MM/AAAA.';
  if (fieldKey && !fieldKeys.includes(fieldKey)) errors.fieldKey = 'Choisissez une rubrique de la fiche formation.';
  if (fieldKey && !newValue) errors.newValue = 'Indiquez la nouvelle valeur de la rubrique choisie.';
  if (!fieldKey && newValue) errors.fieldKey = 'Choisissez la rubrique à laquelle s’applique la nouvelle valeur.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, labelId, type, description, requestedOn, fieldKey, newValue };
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
