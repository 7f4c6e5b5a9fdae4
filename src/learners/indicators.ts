/**
 * Indicators of a group of learners (a session, a label, a région…) against the call's targets:
 * count, % women, % QPV, % ZRR/FRR, % QPV or ZRR/FRR (the priority-area target), % bac or below,
 * success at exams, positive outcomes at 3 and 6 months (the positive situations are data of the
 * call), dropouts. Pure. Small numbers: a share over fewer than SMALL_GROUP people is flagged as
 * not significant, and a share over nobody is null (shown "—"), never 0 %.
 */
import type { CallRules } from '../calls/call.js';
import type { Certification, Completion, EducationLevel, ExitSituation, Sex } from './learners.js';

/** Below this many people a share is shown but flagged as not significant. */
export const SMALL_GROUP = 5;

/** The positive situations of the 2021 call, used when a call does not list its own. */
export const DEFAULT_POSITIVE_SITUATIONS: readonly ExitSituation[] = ['cdi', 'cdd_6m_plus', 'work_study', 'business_creation', 'further_training'];

/** What the indicators read of a learner (pseudonymous: no name, no address). */
export interface LearnerFacts {
  sex: Sex;
  educationLevel: EducationLevel;
  placement: 'placed' | 'unplaced' | 'overridden';
  inQpv: boolean | null;
  inZrrFrr: boolean | null;
  leftOn: string | null;
  completion: Completion | null;
  certification: Certification | null;
  situation3m: ExitSituation | null;
  situation6m: ExitSituation | null;
}

/** A share with its numerator, denominator, target and verdict. */
export interface Share {
  num: number;
  den: number;
  /** num / den, null when den = 0. */
  value: number | null;
  /** Minimal share wanted by the call, when it sets one. */
  target: number | null;
  /** Whether the target is met (null: no target, or nobody to count). */
  meets: boolean | null;
  /** Fewer than SMALL_GROUP people: not significant. */
  small: boolean;
}

/** The indicators of a group. */
export interface Indicators {
  count: number;
  /** Minimal learners per session of the call. */
  countTarget: number;
  unplaced: number;
  women: Share;
  qpv: Share;
  zrrFrr: Share;
  priorityArea: Share;
  bacOrBelow: Share;
  examSuccess: Share;
  positive3m: Share;
  positive6m: Share;
  dropouts: Share;
}

function share(num: number, den: number, target: number | null, higherIsBetter = true): Share {
  const value = den === 0 ? null : num / den;
  return {
    num, den, value, target,
    meets: target === null || value === null ? null : higherIsBetter ? value >= target - 1e-9 : value <= target + 1e-9,
    small: den > 0 && den < SMALL_GROUP,
  };
}

/** The indicators of these learners against the call's rules. */
export function indicators(learners: readonly LearnerFacts[], rules: CallRules): Indicators {
  const positive = new Set<string>(rules.positiveSituations ?? DEFAULT_POSITIVE_SITUATIONS);
  const n = learners.length;
  const count = (p: (l: LearnerFacts) => boolean) => learners.filter(p).length;
  const presented = learners.filter((l) => l.certification !== null && l.certification !== 'not_presented');
  const with3m = learners.filter((l) => l.situation3m !== null);
  const with6m = learners.filter((l) => l.situation6m !== null);
  const t = rules.targets;
  return {
    count: n,
    countTarget: t.minLearnersPerSession,
    unplaced: count((l) => l.placement === 'unplaced'),
    women: share(count((l) => l.sex === 'F'), n, t.womenShare),
    qpv: share(count((l) => l.inQpv === true), n, null),
    zrrFrr: share(count((l) => l.inZrrFrr === true), n, null),
    priorityArea: share(count((l) => l.inQpv === true || l.inZrrFrr === true), n, t.priorityAreaShare),
    bacOrBelow: share(count((l) => l.educationLevel === 'infra_bac' || l.educationLevel === 'bac'), n, null),
    examSuccess: share(presented.filter((l) => l.certification === 'full').length, presented.length, null),
    positive3m: share(with3m.filter((l) => positive.has(l.situation3m!)).length, with3m.length, t.positiveOutcomeShare),
    positive6m: share(with6m.filter((l) => positive.has(l.situation6m!)).length, with6m.length, t.positiveOutcomeShare),
    dropouts: share(count((l) => l.leftOn !== null || l.completion === 'left'), n, null),
  };
}

/** A share in French: "33 %", "—" when nobody is counted. */
export function formatShare(s: Share): string {
  return s.value === null ? '—' : `${Math.round(s.value * 100).toLocaleString('fr-FR')} %`;
}

/** The verdict of a share in French, for tables. */
export function shareVerdict(s: Share): string {
  if (s.value === null) return 'Aucune donnée';
  if (s.meets === null) return s.small ? 'Effectif trop faible pour conclure' : '—';
  const base = s.meets ? 'Objectif atteint' : 'Objectif non atteint';
  return s.small ? `${base} (effectif trop faible pour conclure)` : base;
}

/** The rows of an indicators table: label, value, detail, target, verdict. */
export function indicatorRows(i: Indicators): { key: string; label: string; value: string; detail: string; target: string; verdict: string; meets: boolean | null }[] {
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
  const row = (key: string, label: string, s: Share) => ({
    key, label, value: formatShare(s), detail: `${s.num} sur ${s.den}`, target: s.target === null ? '—' : `≥ ${pct(s.target)}`, verdict: shareVerdict(s), meets: s.meets,
  });
  const countMeets = i.count >= i.countTarget;
  return [
    { key: 'count', label: 'Apprenants', value: String(i.count), detail: i.unplaced > 0 ? `dont ${i.unplaced} adresse(s) non placée(s)` : '', target: `≥ ${i.countTarget}`, verdict: countMeets ? 'Objectif atteint' : 'Objectif non atteint', meets: countMeets },
    row('women', 'Femmes', i.women),
    row('qpv', 'Résidant en QPV', i.qpv),
    row('zrrFrr', 'Résidant en ZRR ou FRR', i.zrrFrr),
    row('priorityArea', 'Résidant en QPV, ZRR ou FRR', i.priorityArea),
    row('bacOrBelow', 'Niveau bac ou infra-bac', i.bacOrBelow),
    row('examSuccess', 'Réussite à la certification (parmi les présentés)', i.examSuccess),
    row('positive3m', 'Sorties positives à 3 mois', i.positive3m),
    row('positive6m', 'Sorties positives à 6 mois', i.positive6m),
    row('dropouts', 'Abandons', i.dropouts),
  ];
}
