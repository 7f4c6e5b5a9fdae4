/**
 * Figures of the support desk, pure: tickets per topic and per week, time to first answer and to
 * resolution (median and mean), answers on time, satisfaction. Weeks start on Monday, Paris time.
 */
import { TOPICS, type Topic } from './support.js';
import { addDays, isoDay, parisDayOf, type Day } from './working-days.js';

/** What the figures read of a ticket. */
export interface FigureTicket {
  topic: Topic;
  createdAt: Date;
  firstAnswerDueAt: Date;
  firstAnsweredAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  satisfaction: number | null;
}

/** Median and mean of durations in milliseconds, with how many there were. */
export interface DurationStats { count: number; medianMs: number | null; meanMs: number | null }

/** Every figure of a period. */
export interface Figures {
  total: number;
  byTopic: { topic: Topic; count: number }[];
  byWeek: { monday: string; count: number }[];
  firstAnswer: DurationStats & { onTime: number; unanswered: number };
  resolution: DurationStats & { unresolved: number };
  satisfaction: { count: number; mean: number | null };
}

/** Median and mean of a list of numbers. */
export function stats(values: number[]): DurationStats {
  if (values.length === 0) return { count: 0, medianMs: null, meanMs: null };
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { count: s.length, medianMs: median, meanMs: s.reduce((a, b) => a + b, 0) / s.length };
}

/** The Monday (ISO day) of the week of a calendar day. */
export function mondayOf(d: Day): string {
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return isoDay(addDays(d, -((weekday + 6) % 7)));
}

function parseDay(iso: string): Day {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Every Monday from the week of `from` to the week of `to` (ISO days), at most `max` weeks. */
export function weeksBetween(from: string, to: string, max = 60): string[] {
  const out: string[] = [];
  let cur = parseDay(mondayOf(parseDay(from)));
  const last = mondayOf(parseDay(to));
  while (isoDay(cur) <= last && out.length < max) {
    out.push(isoDay(cur));
    cur = addDays(cur, 7);
  }
  return out;
}

/** Computes the figures of tickets created between two days (ISO, inclusive, Paris). */
export function computeFigures(tickets: FigureTicket[], from: string, to: string): Figures {
  const weeks = new Map(weeksBetween(from, to).map((w) => [w, 0]));
  const topics = new Map<Topic, number>(TOPICS.map((t) => [t, 0]));
  const first: number[] = [];
  const resolution: number[] = [];
  const scores: number[] = [];
  let onTime = 0;
  let unanswered = 0;
  let unresolved = 0;
  for (const t of tickets) {
    topics.set(t.topic, (topics.get(t.topic) ?? 0) + 1);
    const w = mondayOf(parisDayOf(t.createdAt));
    if (weeks.has(w)) weeks.set(w, weeks.get(w)! + 1);
    if (t.firstAnsweredAt) {
      first.push(t.firstAnsweredAt.getTime() - t.createdAt.getTime());
      if (t.firstAnsweredAt <= t.firstAnswerDueAt) onTime++;
    } else unanswered++;
    const done = t.resolvedAt ?? t.closedAt;
    if (done) resolution.push(done.getTime() - t.createdAt.getTime());
    else unresolved++;
    if (t.satisfaction) scores.push(t.satisfaction);
  }
  return {
    total: tickets.length,
    byTopic: [...topics].map(([topic, count]) => ({ topic, count })),
    byWeek: [...weeks].map(([monday, count]) => ({ monday, count })),
    firstAnswer: { ...stats(first), onTime, unanswered },
    resolution: { ...stats(resolution), unresolved },
    satisfaction: { count: scores.length, mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null },
  };
}

/** A duration in French: minutes, hours, or days with one decimal. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = ms / 3_600_000;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${(hours / 24).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} jours`;
}
