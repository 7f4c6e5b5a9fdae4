/**
 * Pure rules of seed grants (subventions d’amorçage) paid in tranches.
 *
 * - The plan is data of the call (`rules.seedGrantTranches`): each tranche is a share (in %) of the
 *   part of one session, payable on a condition (start attestation, end-of-session report). A grant
 *   covering the first two sessions repeats the plan for each session, each session getting half.
 * - Amounts are in cents; the split rounds by largest remainder so the tranches sum exactly to the
 *   grant.
 * - A tranche is planned, becomes payable when its condition is met, then paid or withheld by staff
 *   (a withheld tranche may be released back to planned). Clawbacks take back at most what was paid
 *   and not already taken back.
 */
import { stateMachine } from '../platform/states.js';
import { RULES_2021 } from '../calls/call-2021.data.js';
import type { CallRules } from '../calls/call.js';

/** Where a tranche stands. */
export const TRANCHE_STATES = ['planned', 'payable', 'paid', 'withheld'] as const;
export type TrancheState = (typeof TRANCHE_STATES)[number];
/** What makes a tranche payable. */
export type TrancheCondition = 'start_attestation' | 'end_report';
/** What can happen to a tranche. */
export type TrancheEvent = 'condition_met' | 'pay' | 'withhold' | 'release';

export const TRANCHE_STATE_LABELS: Record<TrancheState, string> = {
  planned: 'Prévue', payable: 'À verser', paid: 'Versée', withheld: 'Retenue',
};
export const CONDITION_LABELS: Record<TrancheCondition, string> = {
  start_attestation: 'attestation de démarrage et liste des apprenants transmises',
  end_report: 'bilan de fin de session transmis',
};

/** One tranche of a call's plan. */
export interface PlanItem { label: string; sharePercent: number; condition: TrancheCondition }

/** The plan of a call: its own, else the 2021 call's (calls written before the rule). */
export function planOf(rules: Pick<CallRules, 'seedGrantTranches'>): PlanItem[] {
  return rules.seedGrantTranches ?? RULES_2021.seedGrantTranches!;
}

/** Why a plan is not usable (null when it is). */
export function planProblem(plan: readonly PlanItem[]): string | null {
  if (plan.length === 0) return 'Le plan de versement de la subvention d’amorçage ne contient aucune tranche.';
  if (plan.some((p) => !Number.isInteger(p.sharePercent) || p.sharePercent <= 0)) return 'Chaque tranche doit représenter une part entière et positive de la subvention.';
  const sum = plan.reduce((s, p) => s + p.sharePercent, 0);
  if (sum !== 100) return `Les parts des tranches totalisent ${sum} % au lieu de 100 %.`;
  return null;
}

/** How many sessions the grant covers, from the application's "Financement" answers. */
export function sessionsCovered(funding: { seedGrantSessions?: unknown }): 1 | 2 {
  return funding.seedGrantSessions === 'first_two' ? 2 : 1;
}

/** A tranche to create. */
export interface PlannedTranche { sessionRank: number; position: number; title: string; sharePercent: number; condition: TrancheCondition; amountCents: number }

/**
 * Splits `totalCents` over `sessions` sessions × the plan, each session getting an equal part and
 * each tranche its share of it; rounding by largest remainder (ties to the earlier tranche), so the
 * amounts sum exactly to the total.
 */
export function splitGrant(totalCents: number, sessions: number, plan: readonly PlanItem[]): PlannedTranche[] {
  if (!Number.isInteger(totalCents) || totalCents < 0) throw new Error('Montant en centimes invalide');
  const problem = planProblem(plan);
  if (problem) throw new Error(problem);
  const items: (PlannedTranche & { rest: number; order: number })[] = [];
  const denominator = 100 * sessions;
  for (let rank = 1; rank <= sessions; rank++) {
    plan.forEach((p, i) => {
      const exact = totalCents * p.sharePercent;
      items.push({ sessionRank: rank, position: i + 1, title: p.label, sharePercent: p.sharePercent, condition: p.condition,
        amountCents: Math.floor(exact / denominator), rest: exact % denominator, order: items.length });
    });
  }
  let missing = totalCents - items.reduce((s, x) => s + x.amountCents, 0);
  for (const x of [...items].sort((a, b) => b.rest - a.rest || a.order - b.order)) {
    if (missing <= 0) break;
    x.amountCents++;
    missing--;
  }
  return items.map(({ rest: _r, order: _o, ...t }) => t);
}

const TRANSITIONS: Readonly<Record<TrancheState, Partial<Record<TrancheEvent, TrancheState>>>> = {
  planned: { condition_met: 'payable', withhold: 'withheld' },
  payable: { pay: 'paid', withhold: 'withheld' },
  paid: {},
  withheld: { release: 'planned' },
};

const REFUSALS: Record<TrancheEvent, string> = {
  condition_met: 'seule une tranche prévue peut devenir à verser',
  pay: 'seule une tranche à verser (condition remplie) peut être versée',
  withhold: 'une tranche déjà versée ou retenue ne peut pas être retenue',
  release: 'seule une tranche retenue peut être rétablie',
};

const machine = stateMachine(TRANSITIONS, (from: TrancheState, event: TrancheEvent) => `Tranche « ${TRANCHE_STATE_LABELS[from].toLowerCase()} » : ${REFUSALS[event]}.`);

/** The state after `event`, or the French reason it is refused. */
export function trancheTransition(from: TrancheState, event: TrancheEvent) {
  return machine.transition(from, event);
}

/** Whether `event` is allowed from `from`. */
export function trancheCan(from: TrancheState, event: TrancheEvent): boolean {
  return machine.can(from, event);
}

/** What the rules need of a session. */
export interface SessionFacts { id: string; status: string; plannedStart: string; actualStart: string | null; startAttestedAt: Date | null; endReportedAt: Date | null }

/** The label's sessions in order (cancelled ones left out): rank 1 is the first to start. */
export function rankedSessions<S extends SessionFacts>(sessions: readonly S[]): S[] {
  return sessions.filter((s) => s.status !== 'cancelled')
    .sort((a, b) => (a.actualStart ?? a.plannedStart).localeCompare(b.actualStart ?? b.plannedStart) || a.id.localeCompare(b.id));
}

/** Whether a tranche's condition is met: the session of its rank and when its attestation or report was given. */
export function conditionMet(t: { sessionRank: number; condition: TrancheCondition }, sessions: readonly SessionFacts[]): { sessionId: string; at: Date } | null {
  const s = rankedSessions(sessions)[t.sessionRank - 1];
  if (!s) return null;
  const at = t.condition === 'start_attestation' ? s.startAttestedAt : s.endReportedAt;
  return at ? { sessionId: s.id, at } : null;
}

/** The condition of a tranche in French, e.g. "Session 2 : bilan de fin de session transmis". */
export function conditionText(t: { sessionRank: number; condition: TrancheCondition }): string {
  const session = t.sessionRank === 1 ? 'Première session' : t.sessionRank === 2 ? 'Deuxième session' : `Session ${t.sessionRank}`;
  return `${session} : ${CONDITION_LABELS[t.condition]}`;
}

/** Totals of a label or of a list: by state, clawed back, and net paid. */
export interface GrantTotals { planned: number; payable: number; paid: number; withheld: number; clawedBack: number; netPaid: number; total: number }

/** Sums tranches by state and clawbacks (cents). */
export function totals(tranches: readonly { state: TrancheState; amountCents: number }[], clawbacks: readonly { amountCents: number }[]): GrantTotals {
  const t: GrantTotals = { planned: 0, payable: 0, paid: 0, withheld: 0, clawedBack: 0, netPaid: 0, total: 0 };
  for (const x of tranches) { t[x.state] += x.amountCents; t.total += x.amountCents; }
  for (const c of clawbacks) t.clawedBack += c.amountCents;
  t.netPaid = t.paid - t.clawedBack;
  return t;
}

/** Reads an amount in euros typed in French ("1 234,56", "1234.5", "300 €") as cents; null when malformed. */
export function parseEurosToCents(input: string): number | null {
  const s = input.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents in French euros: 1234567 → "12 345,67 €" (plain spaces). */
export function eurosFromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} €`;
}

const MAX = 4000;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** A day typed as JJ/MM/AAAA or AAAA-MM-JJ → "AAAA-MM-JJ"; null when malformed. */
export function parseDay(input: string): string | null {
  const s = input.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : s;
  return isDay(iso) ? iso : null;
}

/** A staff decision on a tranche. */
export type TrancheDecision =
  | { kind: 'pay'; trancheId: string; paidOn: string; reference: string; motivation: string }
  | { kind: 'withhold'; trancheId: string; motivation: string }
  | { kind: 'release'; trancheId: string; motivation: string };

const str = (v: unknown) => (typeof v === 'string' ? v : '').trim();

/** Reads the decision form (tranche, decision, date and reference of the payment, motivation). */
export function parseDecision(values: Record<string, unknown>, today: string): { ok: true; decision: TrancheDecision } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const trancheId = str(values.tranche).toLowerCase();
  const kind = str(values.decision);
  const motivation = str(values.motivation);
  if (!/^[0-9a-f-]{36}$/.test(trancheId)) errors.tranche = 'Choisissez la tranche concernée.';
  if (!['pay', 'withhold', 'release'].includes(kind)) errors.decision = 'Choisissez la décision : versement, retenue ou rétablissement.';
  if (motivation.length > MAX) errors.motivation = `La motivation ne doit pas dépasser ${MAX} caractères.`;
  else if ((kind === 'withhold' || kind === 'release') && motivation.length < 10) errors.motivation = 'Motivez la décision (10 caractères au moins) : elle est communiquée à l’organisme.';
  let paidOn = '';
  let reference = '';
  if (kind === 'pay') {
    const day = parseDay(str(values.paidOn));
    if (!day) errors.paidOn = 'Indiquez la date du versement (JJ/MM/AAAA).';
    else if (day > today) errors.paidOn = 'La date du versement ne peut pas être dans le futur.';
    else paidOn = day;
    reference = str(values.reference);
    if (reference.length < 3) errors.reference = 'Indiquez la référence du paiement (numéro de mandat ou de virement).';
    else if (reference.length > 100) errors.reference = 'La référence du paiement ne doit pas dépasser 100 caractères.';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (kind === 'pay') return { ok: true, decision: { kind, trancheId, paidOn, reference, motivation } };
  return { ok: true, decision: { kind: kind as 'withhold' | 'release', trancheId, motivation } };
}

/** Reads a clawback: amount at most what remains paid (paid − already clawed back), a day, a motivation. */
export function parseClawback(values: Record<string, unknown>, remainingCents: number, today: string): { ok: true; amountCents: number; decidedOn: string; motivation: string } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const amountCents = parseEurosToCents(str(values.montant));
  const decidedOn = parseDay(str(values.dateReprise));
  const motivation = str(values.motifReprise);
  if (amountCents === null || amountCents <= 0) errors.montant = 'Indiquez le montant repris en euros (par exemple 1 500,00).';
  else if (amountCents > remainingCents) errors.montant = `Le montant repris ne peut pas dépasser ce qui a été versé et non encore repris (${eurosFromCents(remainingCents)}).`;
  if (!decidedOn) errors.dateReprise = 'Indiquez la date de la reprise (JJ/MM/AAAA).';
  else if (decidedOn > today) errors.dateReprise = 'La date de la reprise ne peut pas être dans le futur.';
  if (motivation.length < 10) errors.motifReprise = 'Motivez la reprise (10 caractères au moins), par exemple : label retiré, session non tenue.';
  else if (motivation.length > MAX) errors.motifReprise = `La motivation ne doit pas dépasser ${MAX} caractères.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, amountCents: amountCents!, decidedOn: decidedOn!, motivation };
}
