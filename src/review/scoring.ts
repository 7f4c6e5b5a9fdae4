/**
 * Scoring rules, pure: each selection criterion gets a level on a 0–4 scale, turned into points
 * of the criterion's weight (docs/decisions/0006-scoring-scale.md); a sheet's total is out of 10;
 * reviewers' totals aggregate into mean, median and spread.
 */

/** Highest level of the scale. */
export const SCALE_MAX = 4;

/** What each level means, shown beside every criterion. */
export const LEVEL_LABELS: readonly string[] = [
  '0 – Absent ou très insuffisant',
  '1 – Insuffisant',
  '2 – Correct',
  '3 – Bon',
  '4 – Excellent',
];

/** Default gap between reviewers' totals above which an application is flagged for discussion. */
export const DISCUSSION_GAP = 2;

/** Rounds to two decimals (points and totals are stored as numeric(5,2)). */
export const round2 = (n: number): number => Math.round(n * 100 + Number.EPSILON * 100) / 100;

/** Points of a level for a criterion of this weight. */
export function pointsFor(level: number, weight: number): number {
  if (!Number.isInteger(level) || level < 0 || level > SCALE_MAX) throw new RangeError(`level ${level} outside 0..${SCALE_MAX}`);
  return round2((level / SCALE_MAX) * weight);
}

/** A criterion as the scoring grid needs it. */
export interface GridCriterion { code: string; title: string; weight: number }

/** One scored line. */
export interface ScoreLine { criterionCode: string; level: number; points: number; comment: string }

/** Result of reading a submitted sheet. */
export type SheetReading = { ok: true; lines: ScoreLine[]; total: number } | { ok: false; errors: Record<string, string> };

/** Form field names of a criterion's level and comment. */
export const levelField = (code: string) => `niveau-${code}`;
/** Form field name of a criterion's comment. */
export const commentField = (code: string) => `commentaire-${code}`;

/** Reads a sheet typed in the form: every criterion needs a level 0–4 and a comment. */
export function readSheet(grid: readonly GridCriterion[], values: Record<string, string | string[] | undefined>): SheetReading {
  const errors: Record<string, string> = {};
  const lines: ScoreLine[] = [];
  grid.forEach((c, i) => {
    const raw = values[levelField(c.code)];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
    const level = /^\d+$/.test(text) ? Number(text) : NaN;
    const comment = String((Array.isArray(values[commentField(c.code)]) ? (values[commentField(c.code)] as string[])[0] : values[commentField(c.code)]) ?? '').trim();
    if (text === '') errors[levelField(c.code)] = `Critère ${i + 1} : choisissez un niveau de 0 à ${SCALE_MAX}.`;
    else if (!Number.isInteger(level) || level < 0 || level > SCALE_MAX) errors[levelField(c.code)] = `Critère ${i + 1} : le niveau doit être compris entre 0 et ${SCALE_MAX}.`;
    if (comment === '') errors[commentField(c.code)] = `Critère ${i + 1} : justifiez la note par un commentaire.`;
    else if (comment.length > 3000) errors[commentField(c.code)] = `Critère ${i + 1} : le commentaire ne doit pas dépasser 3 000 caractères.`;
    if (!errors[levelField(c.code)] && !errors[commentField(c.code)]) lines.push({ criterionCode: c.code, level, points: pointsFor(level, c.weight), comment });
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, lines, total: sheetTotal(lines) };
}

/** Total of a sheet, out of 10. */
export function sheetTotal(lines: readonly { points: number }[]): number {
  return round2(lines.reduce((s, l) => s + l.points, 0));
}

/** Aggregate of the reviewers' totals of one application. */
export interface ScoreAggregate { count: number; mean: number; median: number; spread: number; needsDiscussion: boolean }

/** Mean, median and spread of the totals; null when nobody has scored yet. */
export function aggregate(totals: readonly number[], gap = DISCUSSION_GAP): ScoreAggregate | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const spread = round2(sorted[sorted.length - 1]! - sorted[0]!);
  return { count: totals.length, mean: round2(totals.reduce((s, t) => s + t, 0) / totals.length), median: round2(median), spread, needsDiscussion: spread > gap };
}

/** "7,25 / 10" */
export function formatScore(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return `${n.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} / 10`;
}
