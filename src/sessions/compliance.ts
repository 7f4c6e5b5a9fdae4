/**
 * The staff compliance dashboard, pure: for every followed label its late and due obligations, its
 * breaches of the call's rules, its learners' indicators; labels at risk (late obligations or
 * breaches); indicators per région and nationally against the call's targets. The région of a
 * label is the one of its sessions' place (the first located session), else "Non localisée".
 */
import type { CallRules } from '../calls/call.js';
import { indicators, type Indicators, type LearnerFacts } from '../learners/indicators.js';
import { obligationState, type ObligationKind, type ObligationState } from './obligations.js';
import { sessionBreaches, type Breach, type SessionForRules } from './sessions.js';

export const UNLOCATED = 'Non localisée';

/** What the dashboard reads of a label. */
export interface LabelInput {
  id: string;
  number: string;
  trainingTitle: string;
  status: string;
  organisationId: string;
  organisationName: string;
  validFrom: string | null;
  validUntil: string | null;
  rules: CallRules;
  sessions: (SessionForRules & { region: string | null })[];
  obligations: { id: string; kind: ObligationKind; year: number | null; dueOn: string; done: boolean; sessionId: string | null }[];
  learners: LearnerFacts[];
}

/** One label's line of the dashboard. */
export interface LabelLine {
  id: string;
  number: string;
  trainingTitle: string;
  status: string;
  organisationId: string;
  organisationName: string;
  region: string;
  sessions: number;
  late: number;
  due: number;
  done: number;
  breaches: Breach[];
  atRisk: boolean;
  indicators: Indicators;
}

/** A late obligation, for the list of late obligations. */
export interface LateLine { labelId: string; labelNumber: string; trainingTitle: string; organisationId: string; organisationName: string; region: string; kind: ObligationKind; year: number | null; dueOn: string; sessionId: string | null; sessionName: string | null; daysLate: number }

/** The whole dashboard. */
export interface Compliance {
  labels: LabelLine[];
  late: LateLine[];
  atRisk: LabelLine[];
  regions: { region: string; labels: number; late: number; atRisk: number; indicators: Indicators }[];
  national: { labels: number; late: number; atRisk: number; indicators: Indicators } | null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Computes the dashboard on `today`. `rulesForGroups` gives the targets of régions and nation (the latest call's). */
export function compliance(inputs: LabelInput[], today: string, rulesForGroups: CallRules | null): Compliance {
  const labels: LabelLine[] = [];
  const late: LateLine[] = [];
  for (const l of inputs) {
    const region = l.sessions.find((s) => s.status !== 'cancelled' && s.region)?.region ?? l.sessions.find((s) => s.region)?.region ?? UNLOCATED;
    const states = l.obligations.map((o) => ({ o, state: obligationState(o.dueOn, o.done, today) as ObligationState }));
    const { breaches } = sessionBreaches(l, l.rules, l.sessions, today);
    const names = new Map(l.sessions.map((s) => [s.id, s.name]));
    for (const { o, state } of states) {
      if (state !== 'late') continue;
      late.push({
        labelId: l.id, labelNumber: l.number, trainingTitle: l.trainingTitle, organisationId: l.organisationId, organisationName: l.organisationName, region,
        kind: o.kind, year: o.year, dueOn: o.dueOn, sessionId: o.sessionId, sessionName: o.sessionId ? names.get(o.sessionId) ?? null : null, daysLate: daysBetween(o.dueOn, today),
      });
    }
    const nLate = states.filter((x) => x.state === 'late').length;
    labels.push({
      id: l.id, number: l.number, trainingTitle: l.trainingTitle, status: l.status, organisationId: l.organisationId, organisationName: l.organisationName, region,
      sessions: l.sessions.filter((s) => s.status !== 'cancelled').length,
      late: nLate, due: states.filter((x) => x.state === 'due').length, done: states.filter((x) => x.state === 'done').length,
      breaches, atRisk: nLate > 0 || breaches.length > 0, indicators: indicators(l.learners, l.rules),
    });
  }
  late.sort((a, b) => b.daysLate - a.daysLate || a.labelNumber.localeCompare(b.labelNumber));
  const atRisk = labels.filter((l) => l.atRisk).sort((a, b) => (b.late + b.breaches.length) - (a.late + a.breaches.length) || a.number.localeCompare(b.number));
  const byRegion = new Map<string, LabelInput[]>();
  const lineOf = new Map(labels.map((l) => [l.id, l]));
  for (const l of inputs) {
    const r = lineOf.get(l.id)!.region;
    byRegion.set(r, [...(byRegion.get(r) ?? []), l]);
  }
  const regions = rulesForGroups ? [...byRegion.entries()].sort((a, b) => a[0].localeCompare(b[0], 'fr')).map(([region, ls]) => ({
    region, labels: ls.length,
    late: ls.reduce((n, l) => n + lineOf.get(l.id)!.late, 0),
    atRisk: ls.filter((l) => lineOf.get(l.id)!.atRisk).length,
    indicators: indicators(ls.flatMap((l) => l.learners), rulesForGroups),
  })) : [];
  const national = rulesForGroups ? {
    labels: labels.length, late: late.length, atRisk: atRisk.length,
    indicators: indicators(inputs.flatMap((l) => l.learners), rulesForGroups),
  } : null;
  return { labels, late, atRisk, regions, national };
}

/** Filters of the dashboard (from the query string). */
export interface ComplianceFilters { region?: string; status?: string; risk?: boolean; q?: string }

/** Keeps the labels matching the filters. */
export function filterInputs(inputs: LabelInput[], regionOf: (l: LabelInput) => string, f: ComplianceFilters): LabelInput[] {
  const q = f.q?.trim().toLowerCase();
  return inputs.filter((l) => (!f.region || regionOf(l) === f.region)
    && (!f.status || l.status === f.status)
    && (!q || `${l.number} ${l.trainingTitle} ${l.organisationName}`.toLowerCase().includes(q)));
}
