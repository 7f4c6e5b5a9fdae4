/**
 * Public key figures of the label, pure: labelled trainings, organisations, sessions, learners and
 * the learners' indicators (src/learners/indicators.ts) nationally, by year and by région, against
 * the call's targets. Secret statistique: any figure computed from fewer than MIN_PUBLIC learners
 * (1 to 4) is hidden; 0 is shown (it reveals nobody).
 *
 * Rules: a session counts when it is not cancelled and its label has started (validFrom set); its
 * year is the year of its actual start, else its planned start; its région is the one of its place
 * (sessions without a located place fall under "Non localisée"). A training (label) or an
 * organisation counts in a year or a région when one of its sessions does.
 */
import type { CallRules } from '../calls/call.js';
import { indicators, type Indicators, type LearnerFacts, type Share } from '../learners/indicators.js';

/** Below this many learners a figure is not published. */
export const MIN_PUBLIC = 5;
export const UNLOCATED_REGION = 'Non localisée';

/** What the figures read of a session. */
export interface FigureSession {
  id: string;
  labelId: string;
  organisationId: string;
  start: string;
  region: string | null;
  learners: LearnerFacts[];
}

/** A published figure: its value, or hidden by the secret statistique. */
export type Published<T> = { hidden: false; value: T } | { hidden: true };

/** A published share with its target. */
export interface PublicShare {
  key: string;
  label: string;
  /** Share in [0, 1], null when nobody is counted; absent when hidden. */
  share: Published<number | null>;
  /** Number of learners the share is computed on (hidden like the share). */
  base: Published<number>;
  target: number | null;
  meets: boolean | null;
}

/** Figures of a group (nation, year or région). */
export interface GroupFigures {
  key: string;
  trainings: number;
  organisations: number;
  sessions: number;
  learners: Published<number>;
  shares: PublicShare[];
}

/** A count of learners as published: 1 to 4 hidden. */
export function publishCount(n: number): Published<number> {
  return n > 0 && n < MIN_PUBLIC ? { hidden: true } : { hidden: false, value: n };
}

/** A share as published: hidden when its base counts 1 to 4 learners. */
export function publishShare(key: string, label: string, s: Share): PublicShare {
  const hidden = s.den > 0 && s.den < MIN_PUBLIC;
  return {
    key, label,
    share: hidden ? { hidden: true } : { hidden: false, value: s.value },
    base: hidden ? { hidden: true } : { hidden: false, value: s.den },
    target: s.target,
    meets: hidden ? null : s.meets,
  };
}

/** The published shares of some indicators, in the order of the page. */
export function publicShares(i: Indicators): PublicShare[] {
  return [
    publishShare('women', 'Femmes', i.women),
    publishShare('qpv', 'Résidant en QPV', i.qpv),
    publishShare('zrrFrr', 'Résidant en ZRR ou FRR', i.zrrFrr),
    publishShare('priorityArea', 'Résidant en QPV, ZRR ou FRR', i.priorityArea),
    publishShare('bacOrBelow', 'Niveau bac ou infra-bac', i.bacOrBelow),
    publishShare('positive3m', 'Sorties positives à 3 mois', i.positive3m),
    publishShare('positive6m', 'Sorties positives à 6 mois', i.positive6m),
  ];
}

function group(key: string, sessions: FigureSession[], rules: CallRules): GroupFigures {
  const all = sessions.flatMap((s) => s.learners);
  return {
    key,
    trainings: new Set(sessions.map((s) => s.labelId)).size,
    organisations: new Set(sessions.map((s) => s.organisationId)).size,
    sessions: sessions.length,
    learners: publishCount(all.length),
    shares: publicShares(indicators(all, rules)),
  };
}

/** All the key figures. */
export interface KeyFigures {
  national: GroupFigures;
  byYear: GroupFigures[];
  byRegion: GroupFigures[];
  /** Labelled trainings and organisations today (whether or not they have sessions yet). */
  activeTrainings: number;
  activeOrganisations: number;
  targets: CallRules['targets'];
}

/** Computes the key figures of these sessions against the call's rules. */
export function keyFigures(sessions: FigureSession[], rules: CallRules, active: { trainings: number; organisations: number }): KeyFigures {
  const by = (f: (s: FigureSession) => string) => {
    const m = new Map<string, FigureSession[]>();
    for (const s of sessions) m.set(f(s), [...(m.get(f(s)) ?? []), s]);
    return m;
  };
  const years = [...by((s) => s.start.slice(0, 4))].sort(([a], [b]) => a.localeCompare(b));
  const regions = [...by((s) => s.region || UNLOCATED_REGION)].sort(([a], [b]) =>
    a === UNLOCATED_REGION ? 1 : b === UNLOCATED_REGION ? -1 : a.localeCompare(b, 'fr'));
  return {
    national: group('France', sessions, rules),
    byYear: years.map(([k, v]) => group(k, v, rules)),
    byRegion: regions.map(([k, v]) => group(k, v, rules)),
    activeTrainings: active.trainings,
    activeOrganisations: active.organisations,
    targets: rules.targets,
  };
}

/** A published share in French: "42 %", "—" (nobody), "secret statistique". */
export function formatPublicShare(p: Published<number | null>): string {
  if (p.hidden) return 'Secret statistique';
  return p.value === null ? '—' : `${Math.round(p.value * 100)} %`;
}

/** A published count in French. */
export function formatPublicCount(p: Published<number>): string {
  return p.hidden ? 'Secret statistique' : p.value.toLocaleString('fr-FR');
}
