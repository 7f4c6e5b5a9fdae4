/**
 * Rules of sanctions (pure). A sanction follows a contradictory procedure: a notice with grounds
 * and the measure considered, an answer period of ANSWER_DAYS days counted from the notice day
 * (the last day to answer is notice + 15 days), the organisation's answer, then a motivated
 * decision: the measure is applied or abandoned. No decision before the end of the answer period
 * unless the organisation has answered; no decision without a motivation.
 */
import { addDays } from '../sessions/index.js';

export type SanctionMeasure = 'warning' | 'seed_grant_withheld' | 'suspension' | 'withdrawal';
export type SanctionStatus = 'answer_period' | 'answered' | 'applied' | 'abandoned';

export const SANCTION_MEASURES: readonly SanctionMeasure[] = ['warning', 'seed_grant_withheld', 'suspension', 'withdrawal'];
export const ANSWER_DAYS = 15;
const MAX = 4000;

export const MEASURE_LABELS: Record<SanctionMeasure, string> = {
  warning: 'Avertissement', seed_grant_withheld: 'Retenue de la subvention d’amorçage', suspension: 'Suspension du label', withdrawal: 'Retrait du label',
};
export const SANCTION_STATUS_LABELS: Record<SanctionStatus, string> = {
  answer_period: 'Délai de réponse en cours', answered: 'Réponse reçue, décision à prendre', applied: 'Mesure prononcée', abandoned: 'Procédure close sans mesure',
};

/** The last day the organisation may answer a notice given on `noticeOn`. */
export function answerDueOn(noticeOn: string): string {
  return addDays(noticeOn, ANSWER_DAYS);
}

/** Whether the organisation may still answer on `today`. */
export function mayAnswer(p: { status: SanctionStatus; answerDueOn: string }, today: string): string | null {
  if (p.status === 'answered') return 'La réponse de l’organisme a déjà été transmise.';
  if (p.status !== 'answer_period') return 'La procédure est close.';
  if (today > p.answerDueOn) return `Le délai de réponse a expiré le ${frDate(p.answerDueOn)}.`;
  return null;
}

/** Why staff may not decide on `today` (null when they may). */
export function decisionRefusal(p: { status: SanctionStatus; answerDueOn: string }, today: string, motivation: string): { field?: string; message: string } | null {
  if (p.status === 'applied' || p.status === 'abandoned') return { message: 'La procédure est déjà close par une décision.' };
  if (p.status === 'answer_period' && today <= p.answerDueOn) {
    return { message: `Le délai de réponse de l’organisme court jusqu’au ${frDate(p.answerDueOn)} inclus : la décision ne peut être prise qu’après sa réponse ou l’expiration du délai.` };
  }
  const m = motivation.trim();
  if (m.length < 10) return { field: 'motivation', message: 'Motivez la décision (10 caractères au moins) : elle est communiquée à l’organisme.' };
  if (m.length > MAX) return { field: 'motivation', message: `La motivation ne doit pas dépasser ${MAX} caractères.` };
  return null;
}

/** Reads a notice typed by staff. */
export function parseNotice(values: Record<string, unknown>): { ok: true; labelId: string; measure: SanctionMeasure; grounds: string } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const labelId = typeof values.labelId === 'string' ? values.labelId.trim().toLowerCase() : '';
  const measure = values.measure as SanctionMeasure;
  const grounds = (typeof values.grounds === 'string' ? values.grounds : '').trim();
  if (!/^[0-9a-f-]{36}$/.test(labelId)) errors.labelId = 'Choisissez le label concerné.';
  if (!SANCTION_MEASURES.includes(measure)) errors.measure = 'Choisissez la mesure envisagée.';
  if (grounds.length < 20) errors.grounds = 'Exposez les griefs (20 caractères au moins) : l’organisme y répond.';
  else if (grounds.length > MAX) errors.grounds = `Les griefs ne doivent pas dépasser ${MAX} caractères.`;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, labelId, measure, grounds };
}

/** Reads the organisation's answer. */
export function parseAnswer(values: Record<string, unknown>): { ok: true; answer: string } | { ok: false; errors: Record<string, string> } {
  const answer = (typeof values.answer === 'string' ? values.answer : '').trim();
  if (answer.length < 20) return { ok: false, errors: { answer: 'Rédigez votre réponse aux griefs (20 caractères au moins).' } };
  if (answer.length > MAX) return { ok: false, errors: { answer: `La réponse ne doit pas dépasser ${MAX} caractères.` } };
  return { ok: true, answer };
}

/** "2026-12-08" → "08/12/2026". */
export function frDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
