/** French formatting of the dates and values the application pages and mails show. */
import type { FieldDef, FieldContext } from './sections/fields.js';

/** "31/07/2021 à 23:59:59" in a time zone (seconds matter at a deadline). */
export function dateTimeSeconds(d: Date, timeZone = 'Europe/Paris'): string {
  const date = new Intl.DateTimeFormat('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d);
  return `${date} à ${time}`;
}

/** A stored value as a person reads it: choice labels, French dates, units. */
export function displayValue(f: FieldDef, raw: string | undefined, ctx: FieldContext): string {
  if (!raw) return 'Non renseigné';
  if (f.kind === 'choice') {
    const options = f.options === 'jobFamilies' ? ctx.jobFamilies : (f.options ?? []);
    return options.find((o) => o.value === raw)?.label ?? raw;
  }
  if (f.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw.split('-').reverse().join('/');
  return f.unit ? `${raw} ${f.unit}` : raw;
}

/** A size in French ("1,2 Mo", "830 ko"). */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} ko`;
}

/** "14:05" in a time zone (the autosave's "Enregistré à hh:mm"). */
export function timeIn(d: Date, timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}
