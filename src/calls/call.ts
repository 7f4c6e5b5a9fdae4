/** Pure rules of a call for labelling: its figures, its cut-offs, and which cut-off a submission joins. */
import { z } from 'zod';

/** Figures of a call, stored as data so the next call can change them without code. */
export const callRulesSchema = z.object({
  durations: z.object({
    minHours: z.number().int().positive(),
    maxMonths: z.number().int().positive(),
    maxMonthsDistance: z.number().int().positive(),
    /** Share of modules at a distance above which a training counts as distance training (0.5 = 50 %). */
    distanceShareThreshold: z.number().min(0).max(1),
    labelYears: z.number().int().positive(),
    reportingDelayMonths: z.number().int().positive(),
    maxPostponementMonths: z.number().int().nonnegative(),
    firstSessionWithinMonths: z.number().int().positive(),
    /** Annual report due date, as MM-DD of the following year. */
    annualReportDue: z.string().regex(/^\d{2}-\d{2}$/),
  }),
  targets: z.object({
    womenShare: z.number().min(0).max(1),
    priorityAreaShare: z.number().min(0).max(1),
    positiveOutcomeShare: z.number().min(0).max(1),
    minLearnersPerSession: z.number().int().positive(),
    minSupportShareOfHours: z.number().min(0).max(1),
    minSessionsPerYear: z.number().int().nonnegative(),
  }),
  /**
   * Situations (at 3 and 6 months after the session) that count as a positive outcome, as data of
   * the call (codes of the learners' exit situations: cdi, cdd_6m_plus, work_study…). Absent in
   * calls written before this rule: the monitoring then uses the 2021 list.
   */
  positiveSituations: z.array(z.string().min(1)).optional(),
  /**
   * Seed grant paid in tranches, as data of the call: for each session the grant covers (the first,
   * or the first two), each tranche is a share (in %) of that session's part, payable when its
   * condition is met (start attestation given, end-of-session report given). Shares sum to 100.
   * Absent in calls written before this rule: the grants then use the 2021 plan.
   */
  seedGrantTranches: z.array(z.object({
    label: z.string().min(1),
    sharePercent: z.number().int().positive().max(100),
    condition: z.enum(['start_attestation', 'end_report']),
  })).min(1).optional().refine((t) => !t || t.reduce((s, x) => s + x.sharePercent, 0) === 100, { message: 'Les parts des tranches de la subvention d’amorçage doivent totaliser 100 %.' }),
});

/** Figures of a call (durations, targets). */
export type CallRules = z.infer<typeof callRulesSchema>;

/** A cut-off as the rules see it. */
export interface Cutoff {
  id: string;
  position: number;
  label: string;
  closesAt: Date;
}

/** The window of a call. */
export interface CallWindow {
  opensAt: Date;
  closesAt: Date | null;
}

/** Whether applications can be submitted at `now`. */
export function isCallOpen(call: CallWindow, cutoffs: Cutoff[], now: Date): boolean {
  if (now < call.opensAt) return false;
  if (call.closesAt && now > call.closesAt) return false;
  return cutoffFor(cutoffs, now) !== null;
}

/**
 * The cut-off an application submitted at `submittedAt` joins: the first one whose closing
 * instant is at or after the submission (a cut-off closes at 23:59:59.999 Paris time, inclusive).
 * Returns null when every cut-off has passed.
 */
export function cutoffFor(cutoffs: Cutoff[], submittedAt: Date): Cutoff | null {
  const sorted = [...cutoffs].sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
  return sorted.find((c) => submittedAt.getTime() <= c.closesAt.getTime()) ?? null;
}

/** Selection criteria weights must sum to 10 (the score is out of 10). */
export function checkSelectionWeights(weights: number[]): { ok: true } | { ok: false; message: string } {
  const sum = Math.round(weights.reduce((s, w) => s + w, 0) * 100) / 100;
  if (weights.length === 0) return { ok: false, message: 'Aucun critère de sélection n’est défini.' };
  if (sum !== 10) return { ok: false, message: `La somme des pondérations vaut ${sum.toLocaleString('fr-FR')} au lieu de 10.` };
  return { ok: true };
}

/**
 * The UTC instant of a wall-clock time in a time zone (e.g. 31/07/2021 23:59:59.999 in Europe/Paris).
 * Works for any IANA zone through Intl, handling summer time.
 */
export function zonedInstant(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number },
  timeZone: string,
): Date {
  const { year, month, day, hour = 0, minute = 0, second = 0, ms = 0 } = parts;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Offset of the zone at that instant, computed twice to settle across a DST change.
  let guess = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
  guess = asUtc - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function zoneOffsetMs(at: Date, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** Formats an instant in Paris time, in French ("31/07/2021 à 23:59"). */
export function formatParis(d: Date, timeZone = 'Europe/Paris'): string {
  const date = new Intl.DateTimeFormat('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit' }).format(d);
  return `${date} à ${time}`;
}
