/**
 * The admin forms of a call, read into typed changes with French messages by field: figures of
 * the rules, the calendar of cut-offs (Paris time) and the weights of the selection criteria.
 */
import type { FormValues } from '../platform/http/forms.js';
import { callRulesSchema, zonedInstant, formatParis, type CallRules } from './call.js';

/** Errors by field name, or the typed data. */
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

const str = (v: FormValues[string]) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** A number typed the French way ("2,5") or the English way ("2.5"); null when not a number. */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** Editable figures: field name, label, group, and whether the form shows it as a percentage. */
export const RULE_FIELDS = [
  { group: 'durations', key: 'minHours', label: 'Durée minimale (heures)', percent: false },
  { group: 'durations', key: 'maxMonths', label: 'Durée maximale (mois)', percent: false },
  { group: 'durations', key: 'maxMonthsDistance', label: 'Durée maximale d’une formation à distance (mois)', percent: false },
  { group: 'durations', key: 'distanceShareThreshold', label: 'Part de modules à distance au-delà de laquelle la formation est dite à distance (%)', percent: true },
  { group: 'durations', key: 'labelYears', label: 'Durée du label (années)', percent: false },
  { group: 'durations', key: 'reportingDelayMonths', label: 'Délai des attestations de démarrage et de fin de session (mois)', percent: false },
  { group: 'durations', key: 'maxPostponementMonths', label: 'Report maximal d’une session (mois)', percent: false },
  { group: 'durations', key: 'firstSessionWithinMonths', label: 'Délai de démarrage de la première session après la convention (mois)', percent: false },
  { group: 'targets', key: 'womenShare', label: 'Part minimale de femmes parmi les apprenants (%)', percent: true },
  { group: 'targets', key: 'priorityAreaShare', label: 'Part minimale d’apprenants résidant en QPV ou ZRR (%)', percent: true },
  { group: 'targets', key: 'positiveOutcomeShare', label: 'Part visée de sorties positives à 3 mois (%)', percent: true },
  { group: 'targets', key: 'minLearnersPerSession', label: 'Nombre minimal d’apprenants par session', percent: false },
  { group: 'targets', key: 'minSupportShareOfHours', label: 'Part minimale des heures consacrée à l’accompagnement (%)', percent: true },
  { group: 'targets', key: 'minSessionsPerYear', label: 'Nombre minimal de sessions par an', percent: false },
] as const;

/** The form values showing the current rules (percentages as 0–100). */
export function rulesValues(rules: CallRules): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of RULE_FIELDS) {
    const v = (rules[f.group] as Record<string, number | string>)[f.key] as number;
    out[f.key] = String(f.percent ? Math.round(v * 10000) / 100 : v).replace('.', ',');
  }
  return out;
}

/** Reads the rules form on top of the current rules (fields not in the form are kept). */
export function parseRulesForm(values: FormValues, current: CallRules): Parsed<CallRules> {
  const errors: Record<string, string> = {};
  const next = structuredClone(current) as CallRules;
  for (const f of RULE_FIELDS) {
    const n = parseNumber(str(values[f.key]));
    if (n === null) { errors[f.key] = `${f.label} : saisissez un nombre.`; continue; }
    if (f.percent && (n < 0 || n > 100)) { errors[f.key] = `${f.label} : saisissez un pourcentage entre 0 et 100.`; continue; }
    if (!f.percent && (!Number.isInteger(n) || n < 0)) { errors[f.key] = `${f.label} : saisissez un nombre entier positif.`; continue; }
    (next[f.group] as Record<string, number | string>)[f.key] = f.percent ? Math.round(n * 100) / 10000 : n;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const checked = callRulesSchema.safeParse(next);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[1] ?? '_form');
      const label = RULE_FIELDS.find((f) => f.key === key)?.label ?? 'Cette valeur';
      errors[key] ??= `${label} : la valeur doit être strictement positive.`;
    }
    return { ok: false, errors };
  }
  return { ok: true, data: checked.data };
}

/** A cut-off as typed in the calendar form. */
export interface CutoffInput { id: string | null; label: string; closesAt: Date; scopeNote: string; resultsNote: string }

/** Date and time of an instant in Paris, as the calendar form shows them ("31/07/2021", "23:59"). */
export function parisFields(d: Date): { date: string; time: string } {
  const [date = '', time = ''] = formatParis(d).split(' à ');
  return { date, time };
}

/** The instant a cut-off typed "JJ/MM/AAAA" + "HH:MM" closes: the end of that minute, Paris time. */
export function parseParisDeadline(date: string, time: string): Date | null {
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = date.includes('/') ? [+d[3]!, +d[2]!, +d[1]!] : [+d[1]!, +d[2]!, +d[3]!];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return zonedInstant({ year, month, day, hour: +t[1]!, minute: +t[2]!, second: 59, ms: 999 }, 'Europe/Paris');
}

/** Reads the calendar form: every existing cut-off (suffix = position) and an optional new one (suffix "nouveau"). */
export function parseCutoffsForm(values: FormValues, existing: { id: string; position: number }[], opensAt: Date): Parsed<CutoffInput[]> {
  const errors: Record<string, string> = {};
  const out: CutoffInput[] = [];
  const rows = [...existing.map((c) => ({ id: c.id as string | null, suffix: String(c.position), name: `relevé ${c.position}` })), { id: null, suffix: 'nouveau', name: 'nouveau relevé' }];
  for (const row of rows) {
    const label = str(values[`libelle_${row.suffix}`]).slice(0, 200);
    const date = str(values[`date_${row.suffix}`]);
    const time = str(values[`heure_${row.suffix}`]);
    if (row.id === null && !label && !date && !time) continue;
    if (!label) errors[`libelle_${row.suffix}`] = `Renseignez le libellé du ${row.name}.`;
    const at = parseParisDeadline(date, time || '23:59');
    if (!at) errors[`date_${row.suffix}`] = `La date du ${row.name} doit être une date réelle au format JJ/MM/AAAA, l’heure au format HH:MM.`;
    else out.push({ id: row.id, label, closesAt: at, scopeNote: str(values[`perimetre_${row.suffix}`]).slice(0, 300), resultsNote: str(values[`resultats_${row.suffix}`]).slice(0, 300) });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const problem = calendarProblem(opensAt, out.map((c) => c.closesAt));
  if (problem) return { ok: false, errors: { [`date_${rows[problem.index]!.suffix}`]: problem.message } };
  return { ok: true, data: out };
}

/** Cut-offs close after the call opens and each after the previous one; the first problem, or null. */
export function calendarProblem(opensAt: Date, closings: Date[]): { index: number; message: string } | null {
  for (let i = 0; i < closings.length; i++) {
    const at = closings[i]!;
    if (at <= opensAt) return { index: i, message: `Le relevé ${i + 1} doit fermer après l’ouverture de l’appel (${formatParis(opensAt)}).` };
    const prev = closings[i - 1];
    if (prev && at <= prev) return { index: i, message: `Le relevé ${i + 1} doit fermer après le relevé ${i} (${formatParis(prev)}).` };
  }
  return null;
}

/** Reads the weights form: one field per selection criterion, named `poids_<code>`. */
export function parseWeightsForm(values: FormValues, criteria: { id: string; code: string }[]): Parsed<{ id: string; code: string; weight: number }[]> {
  const errors: Record<string, string> = {};
  const out: { id: string; code: string; weight: number }[] = [];
  for (const c of criteria) {
    const n = parseNumber(str(values[`poids_${c.code}`]));
    if (n === null || n < 0 || n > 10 || Math.abs(Math.round(n * 100) - n * 100) > 1e-6) errors[`poids_${c.code}`] = `Pondération du critère ${c.code} : saisissez un nombre entre 0 et 10, avec au plus deux décimales.`;
    else out.push({ id: c.id, code: c.code, weight: n });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: out };
}
