/**
 * Pure rules of the sessions of a label: what a declaration must contain (refusals, in French),
 * and the breaches of the call's rules that are shown, never hidden:
 * - the first session starts within `firstSessionWithinMonths` of the convention (validFrom);
 * - trainings shorter than a year hold at least `minSessionsPerYear` session(s) each year of the label;
 * - each session opens at least `minLearnersPerSession` places;
 * - a start may move by at most `maxPostponementMonths` from the first planned start
 *   (further needs a change request approved by the GEN).
 */
import type { CallRules } from '../calls/call.js';
import { addDays, addMonths, effectiveStart, exceedsMonths, isDay } from './obligations.js';

export const MODALITIES = ['presentiel', 'distance', 'hybride'] as const;
export type Modality = (typeof MODALITIES)[number];
export const MODALITY_LABELS: Record<Modality, string> = { presentiel: 'En présentiel', distance: 'À distance', hybride: 'Hybride' };

export const SESSION_STATUS_LABELS: Record<'planned' | 'started' | 'ended' | 'cancelled', string> = {
  planned: 'Prévue', started: 'Démarrée', ended: 'Terminée', cancelled: 'Annulée',
};

/** A session declaration as typed in the form. */
export interface SessionInput {
  name: string;
  plannedStart: string;
  plannedEnd: string;
  address: string;
  postcode: string;
  city: string;
  modality: Modality;
  places: number;
  workStudy: boolean;
}

/** Reads and checks a declaration; field errors in French. */
export function parseSessionInput(values: Record<string, string | string[] | undefined>, label: { validFrom: string | null; validUntil: string | null }):
  { ok: true; data: SessionInput } | { ok: false; errors: Record<string, string> } {
  const v = (k: string) => { const x = values[k]; return (Array.isArray(x) ? x[0] : x)?.trim() ?? ''; };
  const errors: Record<string, string> = {};
  const name = v('name');
  if (!name) errors.name = 'Indiquez le nom de la session.';
  else if (name.length > 120) errors.name = 'Le nom de la session ne doit pas dépasser 120 caractères.';
  const plannedStart = v('plannedStart');
  const plannedEnd = v('plannedEnd');
  if (!plannedStart) errors.plannedStart = 'Indiquez la date de démarrage prévue.';
  else if (!isDay(plannedStart)) errors.plannedStart = 'La date de démarrage doit être une date valide, au format jj/mm/aaaa.';
  if (!plannedEnd) errors.plannedEnd = 'Indiquez la date de fin prévue, stage compris.';
  else if (!isDay(plannedEnd)) errors.plannedEnd = 'La date de fin doit être une date valide, au format jj/mm/aaaa.';
  if (!errors.plannedStart && !errors.plannedEnd && plannedEnd <= plannedStart) errors.plannedEnd = 'La date de fin doit être postérieure à la date de démarrage.';
  if (!errors.plannedStart && label.validFrom && plannedStart < label.validFrom) errors.plannedStart = `La session ne peut pas démarrer avant le début de validité du label (${frDay(label.validFrom)}).`;
  if (!errors.plannedStart && label.validUntil && plannedStart > label.validUntil) errors.plannedStart = `La session ne peut pas démarrer après la fin de validité du label (${frDay(label.validUntil)}).`;
  const address = v('address');
  const postcode = v('postcode');
  const city = v('city');
  if (!address) errors.address = 'Indiquez l’adresse du lieu de formation.';
  if (!/^\d{5}$/.test(postcode)) errors.postcode = 'Le code postal doit comporter 5 chiffres.';
  if (!city) errors.city = 'Indiquez la commune du lieu de formation.';
  const modality = v('modality');
  if (!(MODALITIES as readonly string[]).includes(modality)) errors.modality = 'Choisissez la modalité de la session.';
  const placesRaw = v('places');
  const places = Number(placesRaw);
  if (!placesRaw) errors.places = 'Indiquez le nombre de places ouvertes.';
  else if (!/^\d+$/.test(placesRaw) || places < 1 || places > 500) errors.places = 'Le nombre de places doit être un nombre entier entre 1 et 500.';
  const workStudy = v('workStudy');
  if (workStudy !== 'oui' && workStudy !== 'non') errors.workStudy = 'Indiquez si la session est ouverte à l’alternance.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { name, plannedStart, plannedEnd, address, postcode, city, modality: modality as Modality, places, workStudy: workStudy === 'oui' } };
}

/** "2026-03-14" → "14/03/2026". */
export function frDay(iso: string | null | undefined): string {
  return iso ? iso.split('-').reverse().join('/') : '—';
}

/** A breach of the call's rules, shown to the organisation and to staff. */
export interface Breach {
  code: 'first_session_late' | 'no_session_in_year' | 'too_few_places' | 'postponed_too_far';
  sessionId: string | null;
  message: string;
}

/** A rule to watch (not yet a breach): e.g. no session planned yet in the current label year. */
export interface Warning { code: 'first_session_pending' | 'year_without_session'; message: string }

/** What the rules need of a session. */
export interface SessionForRules {
  id: string;
  name: string;
  status: 'planned' | 'started' | 'ended' | 'cancelled';
  initialStart: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  places: number;
  /** Start approved by the GEN through a change request: postponements are then measured from it. */
  approvedStart?: string | null;
}

type Rules = Pick<CallRules, 'durations' | 'targets'>;

/** Months (rounded down) between two days. */
function monthsBetween(from: string, to: string): number {
  let n = 0;
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}

/** Breaches and warnings of a label's sessions on `today`. */
export function sessionBreaches(
  label: { validFrom: string | null; validUntil: string | null }, rules: Rules, sessions: SessionForRules[], today: string,
  /** Sessions whose postponement a change request approved (no breach for them). */
  o: { postponementApproved?: (sessionId: string) => boolean } = {},
): { breaches: Breach[]; warnings: Warning[] } {
  const breaches: Breach[] = [];
  const warnings: Warning[] = [];
  if (!label.validFrom) return { breaches, warnings };
  const live = sessions.filter((s) => s.status !== 'cancelled');
  const { durations: d, targets: t } = rules;

  const deadline = addMonths(label.validFrom, d.firstSessionWithinMonths);
  const starts = live.map(effectiveStart).sort();
  const first = starts[0];
  if (first && first > deadline) {
    breaches.push({ code: 'first_session_late', sessionId: null, message: `La première session démarre le ${frDay(first)}, au-delà des ${d.firstSessionWithinMonths} mois qui suivent la convention (au plus tard le ${frDay(deadline)}).` });
  } else if (!first && today > deadline) {
    breaches.push({ code: 'first_session_late', sessionId: null, message: `Aucune session n’a démarré dans les ${d.firstSessionWithinMonths} mois qui suivent la convention (au plus tard le ${frDay(deadline)}).` });
  } else if (!first) {
    warnings.push({ code: 'first_session_pending', message: `La première session doit démarrer au plus tard le ${frDay(deadline)}.` });
  }

  // At least N sessions per label year, for trainings shorter than a year.
  const shortTraining = live.length === 0 || live.every((s) => monthsBetween(effectiveStart(s), s.plannedEnd) < 12);
  if (shortTraining && t.minSessionsPerYear > 0) {
    const end = label.validUntil ?? addDays(addMonths(label.validFrom, d.labelYears * 12), -1);
    for (let i = 0; ; i++) {
      const from = addMonths(label.validFrom, 12 * i);
      if (from > end || from > today) break;
      const to = addDays(addMonths(label.validFrom, 12 * (i + 1)), -1);
      const n = starts.filter((s) => s >= from && s <= to).length;
      if (n >= t.minSessionsPerYear) continue;
      const what = `au moins ${t.minSessionsPerYear} session${t.minSessionsPerYear > 1 ? 's' : ''} par an`;
      if (today > to) breaches.push({ code: 'no_session_in_year', sessionId: null, message: `Année de label du ${frDay(from)} au ${frDay(to)} : ${n} session démarrée pour ${what}.` });
      else warnings.push({ code: 'year_without_session', message: `Année de label en cours (jusqu’au ${frDay(to)}) : aucune session n’est encore prévue, ${what} sont attendues.` });
    }
  }

  for (const s of live) {
    if (s.places < t.minLearnersPerSession) {
      breaches.push({ code: 'too_few_places', sessionId: s.id, message: `« ${s.name} » ouvre ${s.places} place${s.places > 1 ? 's' : ''}, pour au moins ${t.minLearnersPerSession} apprenants des publics de la GEN par session.` });
    }
    const start = effectiveStart(s);
    if (exceedsMonths(s.initialStart, start, d.maxPostponementMonths) && !o.postponementApproved?.(s.id)) {
      if (!s.approvedStart) {
        breaches.push({ code: 'postponed_too_far', sessionId: s.id, message: `« ${s.name} » démarre le ${frDay(start)} au lieu du ${frDay(s.initialStart)} prévu d’abord : un report de plus de ${d.maxPostponementMonths} mois sans demande de modification approuvée est un manquement.` });
      } else if (exceedsMonths(s.approvedStart, start, d.maxPostponementMonths)) {
        breaches.push({ code: 'postponed_too_far', sessionId: s.id, message: `« ${s.name} » démarre le ${frDay(start)}, à plus de ${d.maxPostponementMonths} mois du ${frDay(s.approvedStart)} approuvé par la GEN : ce nouveau report, sans demande de modification approuvée, est un manquement.` });
      }
    }
  }
  return { breaches, warnings };
}

/**
 * Whether moving a start to `newStart` needs a change request: it does when the new start lies more
 * than `maxMonths` from the first planned start and from the start last approved by the GEN.
 */
export function postponementNeedsChangeRequest(initialStart: string, newStart: string, maxMonths: number, approvedStart?: string | null): boolean {
  return exceedsMonths(initialStart, newStart, maxMonths) && (!approvedStart || exceedsMonths(approvedStart, newStart, maxMonths));
}

/** The organisation's change request form, pre-filled for moving a session to new dates. */
export function sessionDatesRequestHref(orgId: string, s: { labelId: string; id: string }, newStart: string, newEnd: string): string {
  const q = new URLSearchParams({ type: 'session_dates', labelId: s.labelId, sessionId: s.id, newStart, newEnd, requestedOn: newStart });
  return `/organisations/${orgId}/conformite/modifications?${q.toString()}#nouvelle-demande`;
}
