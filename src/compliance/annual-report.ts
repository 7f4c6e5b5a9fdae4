/**
 * Rules of the annual report (pure). A label reports, for each calendar year in which one of its
 * sessions started or ended, before the call's `annualReportDue` of the following year. The report
 * is prefilled with the indicators of the learners of those sessions, plus five qualitative
 * answers. Life: draft → submitted → accepted, or returned (with a motivation) → submitted again.
 */
import { stateMachine } from '../platform/states.js';
import type { AnnualReportAnswers } from './compliance.schema.js';

export type AnnualReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned';
export type AnnualReportEvent = 'save' | 'submit' | 'accept' | 'return';

export const ANNUAL_REPORT_STATUS_LABELS: Record<AnnualReportStatus, string> = {
  draft: 'Brouillon', submitted: 'Transmis, en cours d’examen', accepted: 'Accepté', returned: 'Renvoyé pour compléments',
};

const machine = stateMachine<AnnualReportStatus, AnnualReportEvent>({
  draft: { save: 'draft', submit: 'submitted' },
  returned: { save: 'returned', submit: 'submitted' },
  submitted: { accept: 'accepted', return: 'returned' },
  accepted: {},
}, (from, event) => {
  if (event === 'save' || event === 'submit') return from === 'accepted' ? 'Ce bilan est déjà accepté : il ne peut plus être modifié.' : 'Ce bilan est transmis : il ne peut plus être modifié pendant son examen.';
  return from === 'accepted' ? 'Ce bilan est déjà accepté.' : 'Seul un bilan transmis peut être examiné.';
});

export const annualReportTransition = machine.transition;
export const annualReportCan = machine.can;

/** The qualitative questions, in order. */
export const ANNUAL_REPORT_QUESTIONS: readonly { key: keyof AnnualReportAnswers; label: string; hint: string }[] = [
  { key: 'partnerships', label: 'Partenariats', hint: 'Entreprises, prescripteurs, acteurs de l’emploi et de l’insertion avec qui vous avez travaillé.' },
  { key: 'funding', label: 'Financements obtenus', hint: 'Financeurs, montants et objet (région, OPCO, France Travail, fonds privés…).' },
  { key: 'difficulties', label: 'Difficultés rencontrées', hint: 'Recrutement, assiduité, examens, insertion…' },
  { key: 'improvements', label: 'Améliorations prévues ou apportées', hint: 'Ce que vous changez au vu de l’année écoulée.' },
  { key: 'satisfaction', label: 'Satisfaction des apprenants', hint: 'Comment vous la mesurez et ce qu’elle montre.' },
];

export const ANSWER_MAX = 4000;
const ANSWER_MIN = 20;

/** A session as the annual report reads it. */
export interface ReportSession {
  status: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
}

/** Whether a session belongs to the report of `year`: not cancelled, and started or ended that year. */
export function sessionInYear(s: ReportSession, year: number): boolean {
  if (s.status === 'cancelled') return false;
  const start = s.actualStart ?? s.plannedStart;
  const end = s.actualEnd ?? s.plannedEnd;
  return Number(start.slice(0, 4)) === year || Number(end.slice(0, 4)) === year;
}

/** Reads the answers typed; a draft keeps whatever is typed (bounded), a submission needs every answer. */
export function parseAnswers(values: Record<string, unknown>, forSubmit: boolean): { ok: true; answers: AnnualReportAnswers } | { ok: false; errors: Record<string, string>; answers: AnnualReportAnswers } {
  const errors: Record<string, string> = {};
  const answers = {} as AnnualReportAnswers;
  for (const q of ANNUAL_REPORT_QUESTIONS) {
    const raw = values[q.key];
    const v = (typeof raw === 'string' ? raw : '').replace(/\r\n/g, '\n').trim();
    answers[q.key] = v;
    if (v.length > ANSWER_MAX) errors[q.key] = `La réponse « ${q.label} » ne doit pas dépasser ${ANSWER_MAX} caractères.`;
    else if (forSubmit && v.length < ANSWER_MIN) errors[q.key] = `Répondez à la question « ${q.label} » (${ANSWER_MIN} caractères au moins).`;
  }
  return Object.keys(errors).length ? { ok: false, errors, answers } : { ok: true, answers };
}

/** Reads a staff review: accept, or return with a motivation (mandatory, 10 characters at least). */
export function parseReview(values: Record<string, unknown>): { ok: true; decision: 'accept' | 'return'; motivation: string } | { ok: false; errors: Record<string, string> } {
  const decision = values.decision;
  const motivation = (typeof values.motivation === 'string' ? values.motivation : '').trim();
  const errors: Record<string, string> = {};
  if (decision !== 'accept' && decision !== 'return') errors.decision = 'Choisissez d’accepter le bilan ou de le renvoyer.';
  if (decision === 'return' && motivation.length < 10) errors.motivation = 'Motivez le renvoi du bilan (10 caractères au moins).';
  if (motivation.length > ANSWER_MAX) errors.motivation = `La motivation ne doit pas dépasser ${ANSWER_MAX} caractères.`;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, decision: decision as 'accept' | 'return', motivation };
}

/** A day "2027-01-31" in French: "31/01/2027". */
export function frDay(day: string | null): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
