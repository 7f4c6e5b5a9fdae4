/**
 * Pure due-date rules of the monitoring of a label: which obligations a label has, when each is
 * due, and what state it is in on a given day. Everything works on Paris days ("YYYY-MM-DD").
 *
 * Due dates (figures from the call's `rules.durations`):
 * - first session: validFrom + firstSessionWithinMonths; done when a (non-cancelled) session has
 *   started (its actual start, else its planned start, is on or before today);
 * - start attestation: actual start (else planned start) + reportingDelayMonths; done when given;
 * - end-of-session report: actual end (else planned end) + reportingDelayMonths; done when given;
 * - outcomes at 3 months: the situation is known at end + 3 months, the organisation then has the
 *   reporting delay to declare it: due end + 3 months + reportingDelayMonths (end + 4 months with
 *   the 2021 call); outcomes at 6 months: end + 6 months + reportingDelayMonths (end + 7 months);
 *   done when every learner of the session has that situation filled in;
 * - annual report: for each calendar year in which a session starts or ends, due on
 *   annualReportDue (MM-DD) of the following year (31 January with the 2021 call).
 *
 * Month arithmetic clamps to the last day of the month: 31 January + 1 month = 28 February
 * (29 in a leap year), 31 August + 6 months = 28/29 February.
 */

export const OBLIGATION_KINDS = ['first_session', 'start_attestation', 'end_report', 'outcomes_3m', 'outcomes_6m', 'annual_report'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_KIND_LABELS: Record<ObligationKind, string> = {
  first_session: 'Démarrage de la première session',
  start_attestation: 'Attestation de démarrage et liste des apprenants',
  end_report: 'Bilan de fin de session',
  outcomes_3m: 'Situation des apprenants à 3 mois',
  outcomes_6m: 'Situation des apprenants à 6 mois',
  annual_report: 'Bilan annuel',
};

export type ObligationState = 'upcoming' | 'due' | 'done' | 'late';

export const OBLIGATION_STATE_LABELS: Record<ObligationState, string> = {
  upcoming: 'À venir',
  due: 'À échéance',
  done: 'Fait',
  late: 'En retard',
};

/** How many days before the due date an obligation counts as "due". */
export const DUE_SOON_DAYS = 7;

/** A day moved by `months` months, clamped to the month's last day (31/01 + 1 month = 28/02 or 29/02). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A day moved by `days` days. */
export function addDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** The Paris day ("YYYY-MM-DD") of an instant. */
export function parisDay(at: Date): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** Whether a string is a real calendar day "YYYY-MM-DD" (no 30 February). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whole months between two days, as the postponement rule counts them (a start moved from 15/03 to 16/05 moved by more than 2 months). */
export function exceedsMonths(from: string, to: string, months: number): boolean {
  if (to >= from) return to > addMonths(from, months);
  return to < addMonths(from, -months);
}

/** The annual report due date for `year`: MM-DD of the following year (29/02 clamps in common years). */
export function annualReportDueOn(year: number, annualReportDue: string): string {
  const [mm, dd] = annualReportDue.split('-').map(Number) as [number, number];
  return `${year + 1}-${String(mm).padStart(2, '0')}-${String(Math.min(dd, daysInMonth(year + 1, mm))).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** State of an obligation on `today`: done, late after the due day, due within 7 days or today, else upcoming. */
export function obligationState(dueOn: string, done: boolean, today: string): ObligationState {
  if (done) return 'done';
  if (today > dueOn) return 'late';
  if (today >= addDays(dueOn, -DUE_SOON_DAYS)) return 'due';
  return 'upcoming';
}

/** Durations of the call the rules need. */
export interface ObligationDurations {
  reportingDelayMonths: number;
  firstSessionWithinMonths: number;
  annualReportDue: string;
}

/** What the rules need of a session. */
export interface SessionFacts {
  id: string;
  status: 'planned' | 'started' | 'ended' | 'cancelled';
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  startAttestedAt: Date | null;
  endReportedAt: Date | null;
  /** Learners of the session and how many have their 3- and 6-month situation filled in. */
  learners: number;
  with3m: number;
  with6m: number;
  /** Last time a learner of the session was updated (date the outcomes were completed). */
  learnersUpdatedAt: Date | null;
}

/** One computed obligation. `doneAt` undefined = the rules cannot tell (kept as stored). */
export interface ComputedObligation {
  key: string;
  kind: ObligationKind;
  sessionId: string | null;
  year: number | null;
  dueOn: string;
  doneAt: Date | null | undefined;
}

/** The stable key of an obligation row (what `markObligationDone` takes), e.g. the annual report of a year. */
export function obligationKey(kind: ObligationKind, o: { labelId: string; sessionId?: string | null; year?: number | null }): string {
  if (kind === 'annual_report') return `${o.labelId}:annual_report:${o.year}`;
  if (kind === 'first_session') return `${o.labelId}:first_session`;
  return `${o.sessionId}:${kind}`;
}

/** Effective start of a session: the confirmed one, else the planned one. */
export function effectiveStart(s: Pick<SessionFacts, 'actualStart' | 'plannedStart'>): string {
  return s.actualStart ?? s.plannedStart;
}

/** Effective end of a session: the reported one, else the planned one. */
export function effectiveEnd(s: Pick<SessionFacts, 'actualEnd' | 'plannedEnd'>): string {
  return s.actualEnd ?? s.plannedEnd;
}

/** Every obligation of a label on `today`. None until the label has a start of validity. */
export function computeObligations(
  label: { id: string; validFrom: string | null },
  durations: ObligationDurations,
  sessions: SessionFacts[],
  today: string,
): ComputedObligation[] {
  if (!label.validFrom) return [];
  const out: ComputedObligation[] = [];
  const live = sessions.filter((s) => s.status !== 'cancelled');
  const delay = durations.reportingDelayMonths;

  const started = live.map(effectiveStart).filter((d) => d <= today).sort();
  out.push({
    key: `${label.id}:first_session`, kind: 'first_session', sessionId: null, year: null,
    dueOn: addMonths(label.validFrom, durations.firstSessionWithinMonths),
    doneAt: started[0] ? new Date(`${started[0]}T00:00:00Z`) : null,
  });

  const years = new Set<number>();
  for (const s of live) {
    const start = effectiveStart(s);
    const end = effectiveEnd(s);
    years.add(Number(start.slice(0, 4)));
    years.add(Number(end.slice(0, 4)));
    const outcomesDone = (n: number) => (s.learners > 0 && n >= s.learners ? s.learnersUpdatedAt ?? new Date(`${today}T00:00:00Z`) : null);
    out.push(
      { key: `${s.id}:start_attestation`, kind: 'start_attestation', sessionId: s.id, year: null, dueOn: addMonths(start, delay), doneAt: s.startAttestedAt },
      { key: `${s.id}:end_report`, kind: 'end_report', sessionId: s.id, year: null, dueOn: addMonths(end, delay), doneAt: s.endReportedAt },
      { key: `${s.id}:outcomes_3m`, kind: 'outcomes_3m', sessionId: s.id, year: null, dueOn: addMonths(end, 3 + delay), doneAt: outcomesDone(s.with3m) },
      { key: `${s.id}:outcomes_6m`, kind: 'outcomes_6m', sessionId: s.id, year: null, dueOn: addMonths(end, 6 + delay), doneAt: outcomesDone(s.with6m) },
    );
  }
  for (const year of [...years].sort()) {
    out.push({ key: `${label.id}:annual_report:${year}`, kind: 'annual_report', sessionId: null, year, dueOn: annualReportDueOn(year, durations.annualReportDue), doneAt: undefined });
  }
  return out;
}

/** Reminder stages, each with its offset from the due day. */
export const REMINDER_STAGES = [
  { stage: 'J-7', offset: -7 },
  { stage: 'J0', offset: 0 },
  { stage: 'J+7', offset: 7 },
] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number]['stage'];

/**
 * The reminder stage that applies on `today` to an open obligation due `dueOn`, or null. A stage
 * applies from its day until the next stage's day (J+7: for 7 days), so a day the job did not run
 * is caught up the next day, and an old stage is never sent once the next one applies.
 */
export function reminderStageOn(dueOn: string, today: string): ReminderStage | null {
  for (let i = REMINDER_STAGES.length - 1; i >= 0; i--) {
    const s = REMINDER_STAGES[i]!;
    const from = addDays(dueOn, s.offset);
    const until = i + 1 < REMINDER_STAGES.length ? addDays(dueOn, REMINDER_STAGES[i + 1]!.offset) : addDays(from, 7);
    if (today >= from && today < until) return s.stage;
  }
  return null;
}
