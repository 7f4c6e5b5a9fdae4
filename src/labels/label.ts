/** Pure rules of a label: its number and its validity dates. */

/** GEN-<year>-<4-digit sequence>, e.g. GEN-2021-0007. */
export function labelNumber(year: number, seq: number): string {
  return `GEN-${year}-${String(seq).padStart(4, '0')}`;
}

/**
 * Validity of a label signed on `signedOn` (YYYY-MM-DD, Paris day): from that day for `years`
 * years, the last valid day being the day before the anniversary (29/02 signatures end on 28/02).
 */
export function validity(signedOn: string, years: number): { validFrom: string; validUntil: string } {
  const [y, m, d] = signedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + n years rolls to 1 March: step back to the last day of February.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return { validFrom: signedOn, validUntil: end.toISOString().slice(0, 10) };
}

/** The day (YYYY-MM-DD) of an instant in a time zone (Paris by default). */
export function dayIn(at: Date, timeZone = 'Europe/Paris'): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** A day moved by `months` months (clamped to the month's last day: 31/08 − 6 months = 28/02 or 29/02). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** How many months before the end the organisation is invited to apply for renewal. */
export const RENEWAL_NOTICE_MONTHS = 6;

/** First day the renewal invitation applies: 6 months before the last valid day. */
export function renewalOpensOn(validUntil: string): string {
  return addMonths(validUntil, -RENEWAL_NOTICE_MONTHS);
}

/** Whether a label is in its renewal window on `today` (active, ending within 6 months). */
export function inRenewalWindow(l: { status: string; validUntil: string | null }, today: string): boolean {
  return l.status === 'active' && !!l.validUntil && today >= renewalOpensOn(l.validUntil) && today <= l.validUntil;
}

/** Last day to start the first session: `months` after the start of validity. */
export function firstSessionDeadline(validFrom: string, months: number): string {
  return addMonths(validFrom, months);
}

/** "2025-03-14" → "14/03/2025". */
export function frenchDay(iso: string | null | undefined): string {
  return iso ? iso.split('-').reverse().join('/') : '—';
}

/**
 * A number in French ("1 200,5") with plain spaces: the PDF font's no-break spaces (U+00A0,
 * U+202F) make pdfkit fail, and pages read the same.
 */
export function frenchNumber(n: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n).replace(/[\u00a0\u202f]/g, ' ');
}

/** Euros in French ("12 000 €"). */
export function euros(n: number): string {
  return `${frenchNumber(n)} €`;
}

/** Where an organisation renews a label's training: a new application copied from the labelled one. */
export function renewalPath(organisationId: string, applicationId: string): string {
  return `/organisations/${organisationId}/candidatures/${applicationId}/renouveler`;
}
