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
