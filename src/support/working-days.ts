/**
 * Working days in France: weekends and the eleven national public holidays (including Easter
 * Monday, Ascension and Whit Monday, computed from Easter) are not working days. Pure functions
 * on calendar days; the support desk uses them for the due time of the first answer.
 */
import { zonedInstant } from '../calls/call.js';

/** A calendar day. */
export interface Day { year: number; month: number; day: number }

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** ISO form AAAA-MM-JJ of a day. */
export function isoDay(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The day `n` days after `d` (n may be negative). */
export function addDays(d: Day, n: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The French national public holidays of a year, by ISO day, with their names. */
export function frenchHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => isoDay({ year, month, day });
  return new Map([
    [fixed(1, 1), 'Jour de l’an'],
    [isoDay(addDays(easter, 1)), 'Lundi de Pâques'],
    [fixed(5, 1), 'Fête du Travail'],
    [fixed(5, 8), 'Victoire 1945'],
    [isoDay(addDays(easter, 39)), 'Ascension'],
    [isoDay(addDays(easter, 50)), 'Lundi de Pentecôte'],
    [fixed(7, 14), 'Fête nationale'],
    [fixed(8, 15), 'Assomption'],
    [fixed(11, 1), 'Toussaint'],
    [fixed(11, 11), 'Armistice 1918'],
    [fixed(12, 25), 'Noël'],
  ]);
}

const holidayCache = new Map<number, Map<string, string>>();

/** Whether a day is a working day (Monday to Friday, not a public holiday). */
export function isWorkingDay(d: Day): boolean {
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  let holidays = holidayCache.get(d.year);
  if (!holidays) {
    holidays = frenchHolidays(d.year);
    holidayCache.set(d.year, holidays);
  }
  return !holidays.has(isoDay(d));
}

/** The `n`-th working day strictly after day `d` (n ≥ 1). */
export function addWorkingDays(d: Day, n: number): Day {
  let cur = d;
  let left = n;
  while (left > 0) {
    cur = addDays(cur, 1);
    if (isWorkingDay(cur)) left--;
  }
  return cur;
}

/** The calendar day of an instant in Paris time. */
export function parisDayOf(at: Date): Day {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(at).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day) };
}

/**
 * When the first answer is due: the end (23:59:59.999, Paris time) of the `workingDays`-th working
 * day after the day the ticket arrived. A ticket sent on Friday evening with 2 days is due Tuesday night.
 */
export function firstAnswerDue(receivedAt: Date, workingDays: number): Date {
  const due = addWorkingDays(parisDayOf(receivedAt), workingDays);
  return zonedInstant({ ...due, hour: 23, minute: 59, second: 59, ms: 999 }, 'Europe/Paris');
}
