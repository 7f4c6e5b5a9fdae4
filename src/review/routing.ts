/**
 * Routing and workload rules, pure: which reviewers an application's group offers, the balanced
 * automatic assignment by load (never to a reviewer tied with the organisation), the seed grant's
 * ceiling, and the DSFR colours tags may take.
 */

/** A reviewer the automatic assignment may choose, with their current load. */
export interface Candidate { id: string; fullName: string; load: number }

/** An application to staff: its organisation, its current reviewers, the candidates of its group. */
export interface ToStaff { applicationId: string; organisationId: string; assigned: readonly string[]; candidates: readonly string[] }

/** One assignment the plan proposes. */
export interface PlannedAssignment { applicationId: string; reviewerId: string }

/**
 * Plans assignments so each application reaches `perApplication` reviewers, giving each slot to
 * the least loaded candidate (ties broken by name, then id, for a stable plan); a reviewer who
 * declared a tie with the organisation, or already assigned, is never chosen. Loads grow as the
 * plan goes. Applications are served in the given order. Returns the plan and the applications
 * left short (not enough candidates).
 */
export function planAssignments(
  apps: readonly ToStaff[],
  reviewers: readonly Candidate[],
  conflicts: ReadonlySet<string>,
  perApplication: number,
): { plan: PlannedAssignment[]; short: string[] } {
  const load = new Map(reviewers.map((r) => [r.id, r.load]));
  const byId = new Map(reviewers.map((r) => [r.id, r]));
  const plan: PlannedAssignment[] = [];
  const short: string[] = [];
  for (const a of apps) {
    const taken = new Set(a.assigned);
    let missing = perApplication - taken.size;
    while (missing > 0) {
      const choice = a.candidates
        .filter((id) => byId.has(id) && !taken.has(id) && !conflicts.has(conflictKey(id, a.organisationId)))
        .sort((x, y) => load.get(x)! - load.get(y)! || byId.get(x)!.fullName.localeCompare(byId.get(y)!.fullName, 'fr') || x.localeCompare(y))[0];
      if (!choice) { short.push(a.applicationId); break; }
      plan.push({ applicationId: a.applicationId, reviewerId: choice });
      taken.add(choice);
      load.set(choice, load.get(choice)! + 1);
      missing--;
    }
  }
  return { plan, short };
}

/** Key of a (reviewer, organisation) tie in the conflicts set. */
export const conflictKey = (userId: string, organisationId: string) => `${userId}:${organisationId}`;

/** What the applicant asked for in the "Financement" section. */
export interface FundingAnswers { seedGrantRequested?: unknown; seedGrantAmount?: unknown; seedGrantSessions?: unknown; budgetPerSession?: unknown }

const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.replace(/\s/g, '').replace(',', '.')) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
};

/**
 * The highest seed grant the committee may grant: the amount requested, and at most `maxShare`
 * of the budget of the sessions concerned (one or the first two). 0 when none was requested.
 */
export function seedGrantCeiling(f: FundingAnswers, maxShare: number): { requested: number; budgetCap: number | null; max: number } {
  if (f.seedGrantRequested !== 'oui') return { requested: 0, budgetCap: null, max: 0 };
  const requested = num(f.seedGrantAmount) ?? 0;
  const budget = num(f.budgetPerSession);
  const sessions = f.seedGrantSessions === 'first_two' ? 2 : 1;
  const budgetCap = budget === null ? null : Math.floor(budget * sessions * maxShare);
  return { requested, budgetCap, max: Math.floor(Math.min(requested, budgetCap ?? requested)) };
}

/** Checks a seed grant typed by the committee; the French reason when refused. */
export function checkSeedGrant(amount: number, ceiling: ReturnType<typeof seedGrantCeiling>, maxShare: number): string | null {
  if (!Number.isInteger(amount) || amount < 0) return 'La subvention d’amorçage doit être un nombre entier d’euros, positif ou nul.';
  if (amount === 0) return null;
  if (ceiling.requested === 0) return 'Le porteur n’a pas demandé de subvention d’amorçage.';
  if (amount > ceiling.requested) return `La subvention d’amorçage ne peut pas dépasser le montant demandé (${euros(ceiling.requested)}).`;
  if (ceiling.budgetCap !== null && amount > ceiling.budgetCap) {
    return `La subvention d’amorçage ne peut pas dépasser ${Math.round(maxShare * 100)} % du budget des sessions concernées (${euros(ceiling.budgetCap)}).`;
  }
  return null;
}

/** "12 000 €" */
export function euros(n: number): string {
  return `${n.toLocaleString('fr-FR', { maximumFractionDigits: 0 })} €`;
}

/** DSFR illustrative colours a tag may take, with their French names. */
export const TAG_COLOURS: Record<string, string> = {
  'green-tilleul-verveine': 'Vert tilleul',
  'green-emeraude': 'Vert émeraude',
  'blue-ecume': 'Bleu écume',
  'blue-cumulus': 'Bleu cumulus',
  'purple-glycine': 'Violet glycine',
  'pink-tuile': 'Rose tuile',
  'yellow-tournesol': 'Jaune tournesol',
  'orange-terre-battue': 'Orange terre battue',
  'brown-cafe-creme': 'Brun café crème',
  'beige-gris-galet': 'Beige gris galet',
};

/** Whether a string is a tag colour. */
export function isTagColour(v: string): boolean {
  return Object.hasOwn(TAG_COLOURS, v);
}
