/** Territorial balance of a cut-off, pure: per région, applications received, admissible, labelled and rejected. */

/** One région's line. */
export interface BalanceLine { regionCode: string | null; regionName: string; applied: number; admissible: number; labelled: number; rejected: number }

/** Builds the per-région lines, sorted by name; unknown places are grouped last. */
export function territorialBalance(
  applied: readonly { regionCode: string | null; regionName: string | null; n: number }[],
  agenda: readonly { regionCode: string | null; regionName: string | null; decision: { outcome: 'labelled' | 'rejected' } | null }[],
): { lines: BalanceLine[]; total: BalanceLine } {
  const map = new Map<string, BalanceLine>();
  const line = (code: string | null, name: string | null) => {
    const k = code ?? '?';
    if (!map.has(k)) map.set(k, { regionCode: code, regionName: name ?? 'Région inconnue', applied: 0, admissible: 0, labelled: 0, rejected: 0 });
    return map.get(k)!;
  };
  for (const a of applied) line(a.regionCode, a.regionName).applied += a.n;
  for (const a of agenda) {
    const l = line(a.regionCode, a.regionName);
    l.admissible++;
    if (a.decision?.outcome === 'labelled') l.labelled++;
    if (a.decision?.outcome === 'rejected') l.rejected++;
  }
  const lines = [...map.values()].sort((a, b) => (a.regionCode === null ? 1 : 0) - (b.regionCode === null ? 1 : 0) || a.regionName.localeCompare(b.regionName, 'fr'));
  const total = lines.reduce((t, l) => ({ ...t, applied: t.applied + l.applied, admissible: t.admissible + l.admissible, labelled: t.labelled + l.labelled, rejected: t.rejected + l.rejected }),
    { regionCode: null, regionName: 'Total', applied: 0, admissible: 0, labelled: 0, rejected: 0 } as BalanceLine);
  return { lines, total };
}
