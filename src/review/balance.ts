/**
 * Territorial balance of a cut-off, pure: per région, applications received, admissible, labelled,
 * rejected and the seed grants granted; over the labelled trainings, the share located in a QPV
 * (target of the call: 30 % of new trainings) and the expected shares of women and QPV/ZRR learners.
 */

/** One région's line. */
export interface BalanceLine { regionCode: string | null; regionName: string; applied: number; admissible: number; labelled: number; rejected: number; seedGrants: number }

/** Shares over the labelled trainings (null when nothing is known). */
export interface BalanceShares {
  labelled: number;
  /** Labelled trainings with a place in a QPV, among those whose places could be classified. */
  inQpv: number | null; classified: number;
  /** Mean expected shares (0–1) declared in the "Publics" section. */
  women: number | null; qpvLearners: number | null; ruralLearners: number | null;
}

type AgendaLike = { applicationId?: string; regionCode: string | null; regionName: string | null; decision: { outcome: 'labelled' | 'rejected'; seedGrant?: number | null } | null; publics?: Record<string, unknown> };

const share = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.replace(',', '.')) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : null;
};
const mean = (xs: (number | null)[]) => { const k = xs.filter((x): x is number => x !== null); return k.length ? k.reduce((s, x) => s + x, 0) / k.length : null; };

/** Builds the per-région lines, sorted by name; unknown places are grouped last. `qpv` tells, per labelled application, whether a place is in a QPV (absent: unknown). */
export function territorialBalance(
  applied: readonly { regionCode: string | null; regionName: string | null; n: number }[],
  agenda: readonly AgendaLike[],
  qpv: ReadonlyMap<string, boolean> = new Map(),
): { lines: BalanceLine[]; total: BalanceLine; shares: BalanceShares } {
  const map = new Map<string, BalanceLine>();
  const line = (code: string | null, name: string | null) => {
    const k = code ?? '?';
    if (!map.has(k)) map.set(k, { regionCode: code, regionName: name ?? 'Région inconnue', applied: 0, admissible: 0, labelled: 0, rejected: 0, seedGrants: 0 });
    return map.get(k)!;
  };
  for (const a of applied) line(a.regionCode, a.regionName).applied += a.n;
  for (const a of agenda) {
    const l = line(a.regionCode, a.regionName);
    l.admissible++;
    if (a.decision?.outcome === 'labelled') { l.labelled++; l.seedGrants += a.decision.seedGrant ?? 0; }
    if (a.decision?.outcome === 'rejected') l.rejected++;
  }
  const lines = [...map.values()].sort((a, b) => (a.regionCode === null ? 1 : 0) - (b.regionCode === null ? 1 : 0) || a.regionName.localeCompare(b.regionName, 'fr'));
  const total = lines.reduce((t, l) => ({ ...t, applied: t.applied + l.applied, admissible: t.admissible + l.admissible, labelled: t.labelled + l.labelled, rejected: t.rejected + l.rejected, seedGrants: t.seedGrants + l.seedGrants }),
    { regionCode: null, regionName: 'Total', applied: 0, admissible: 0, labelled: 0, rejected: 0, seedGrants: 0 } as BalanceLine);
  const labelled = agenda.filter((a) => a.decision?.outcome === 'labelled');
  const known = labelled.filter((a) => a.applicationId && qpv.has(a.applicationId));
  const shares: BalanceShares = {
    labelled: labelled.length,
    classified: known.length,
    inQpv: known.length ? known.filter((a) => qpv.get(a.applicationId!)).length / known.length : null,
    women: mean(labelled.map((a) => share(a.publics?.womenShare))),
    qpvLearners: mean(labelled.map((a) => share(a.publics?.qpvShare))),
    ruralLearners: mean(labelled.map((a) => share(a.publics?.ruralShare))),
  };
  return { lines, total, shares };
}

/** "30 %" */
export function percent(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)} %`;
}
