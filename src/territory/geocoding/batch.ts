/**
 * Batch helpers shared by every geocoder: a normalised key per row, so that the same address typed
 * with other case, accents or spacing is resolved once per batch and found again in the cache.
 */
import type { GeocodeOptions, GeocodeRow } from './geocoder.js';
import { foldText } from './normalize.js';

/** Cache and deduplication key of a lookup: folded text plus its filters. */
export function queryKey(q: string, opts: GeocodeOptions = {}): string {
  return `${foldText(q)}|${opts.postcode?.trim() ?? ''}|${opts.citycode?.trim() ?? ''}|${opts.limit ?? ''}`;
}

/** Distinct rows of a batch, and for each input row the position of its distinct row. */
export interface DedupedRows {
  unique: GeocodeRow[];
  positions: Uint32Array;
}

/** Groups the rows of a batch that mean the same address. */
export function dedupeRows(rows: readonly GeocodeRow[]): DedupedRows {
  const seen = new Map<string, number>();
  const unique: GeocodeRow[] = [];
  const positions = new Uint32Array(rows.length);
  rows.forEach((row, i) => {
    const key = queryKey(row.q, row);
    let position = seen.get(key);
    if (position === undefined) {
      position = unique.length;
      unique.push(row);
      seen.set(key, position);
    }
    positions[i] = position;
  });
  return { unique, positions };
}

/** Spreads the results of the distinct rows back onto every input row. */
export function spreadResults<T>(deduped: DedupedRows, results: readonly T[]): T[] {
  return Array.from(deduped.positions, (position) => results[position]!);
}
