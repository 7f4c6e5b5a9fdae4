/**
 * House-number resolution inside one street: exact number and index, the number without its
 * index, interpolation between the nearest numbers on the same side, the nearest number, or the
 * street's central address when no number was typed. Each outcome has its own confidence factor.
 */
import type { BanIndex } from './ban-index.js';

/** How a position was obtained, from best to worst. */
export type NumberMatch = 'exact' | 'other_index' | 'interpolated' | 'nearest' | 'street';

/** Confidence factor of each kind of match, multiplied into the address score. */
export const NUMBER_FACTORS: Readonly<Record<NumberMatch, number>> = {
  exact: 1,
  other_index: 0.9,
  interpolated: 0.8,
  nearest: 0.7,
  street: 0.6,
};

/** A position found in a street, and the house number to show (null at street level). */
export interface Located {
  match: NumberMatch;
  housenumber: string | null;
  lon: number;
  lat: number;
}

const REP_LABELS: Readonly<Record<string, string>> = { b: 'bis', t: 'ter', q: 'quater', c: 'quinquies' };
/** How far to look for a neighbour number on the same side of the street. */
const NEIGHBOUR_SCAN = 400;

/** House number as shown in labels: 12, "12 bis", "12 ter", "12 A". */
export function formatHousenumber(number: number, rep: string): string {
  if (rep === '') return String(number);
  return `${number} ${REP_LABELS[rep] ?? rep.toUpperCase()}`;
}

function lowerBound(numbers: Uint16Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (numbers[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const centres = new WeakMap<BanIndex, Int32Array>();

/** The address of a street closest to the mean of its addresses (a point that is on the street). */
export function streetCentre(index: BanIndex, street: number): number {
  let cache = centres.get(index);
  if (!cache) {
    cache = new Int32Array(index.streetCount).fill(-1);
    centres.set(index, cache);
  }
  const known = cache[street]!;
  if (known >= 0) return known;
  const start = index.data.streetStart[street]!;
  const end = start + index.data.streetCount[street]!;
  let lon = 0;
  let lat = 0;
  for (let i = start; i < end; i++) {
    lon += index.data.lon[i]!;
    lat += index.data.lat[i]!;
  }
  lon /= end - start;
  lat /= end - start;
  let best = start;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = start; i < end; i++) {
    const distance = (index.data.lon[i]! - lon) ** 2 * 0.43 + (index.data.lat[i]! - lat) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  cache[street] = best;
  return best;
}

/** Places a number (or the street itself when `number` is null) in a street. */
export function locateNumber(index: BanIndex, street: number, number: number | null, rep: string): Located {
  const { numbers } = index.data;
  const start = index.data.streetStart[street]!;
  const end = start + index.data.streetCount[street]!;
  const at = (i: number, match: NumberMatch, housenumber: string | null): Located => ({
    match,
    housenumber,
    lon: index.lonOf(i),
    lat: index.latOf(i),
  });
  if (number === null) return at(streetCentre(index, street), 'street', null);

  const first = lowerBound(numbers, start, end, number);
  if (first < end && numbers[first] === number) {
    let plain = -1;
    for (let i = first; i < end && numbers[i] === number; i++) {
      const stored = index.repOf(i);
      if (stored === rep) return at(i, 'exact', formatHousenumber(number, stored));
      if (stored === '' && plain === -1) plain = i;
    }
    const chosen = plain === -1 ? first : plain;
    return at(chosen, 'other_index', formatHousenumber(number, index.repOf(chosen)));
  }

  const parity = number % 2;
  let below = -1;
  for (let i = first - 1; i >= start && i >= first - NEIGHBOUR_SCAN; i--) {
    if (numbers[i]! % 2 === parity) {
      below = i;
      break;
    }
  }
  let above = -1;
  for (let i = first; i < end && i < first + NEIGHBOUR_SCAN; i++) {
    if (numbers[i]! % 2 === parity) {
      above = i;
      break;
    }
  }
  const label = formatHousenumber(number, rep);
  if (below !== -1 && above !== -1) {
    const share = (number - numbers[below]!) / (numbers[above]! - numbers[below]!);
    return {
      match: 'interpolated',
      housenumber: label,
      lon: index.lonOf(below) + share * (index.lonOf(above) - index.lonOf(below)),
      lat: index.latOf(below) + share * (index.latOf(above) - index.latOf(below)),
    };
  }
  const sameSide = below !== -1 ? below : above;
  if (sameSide !== -1) return at(sameSide, 'nearest', label);
  const nearest = first >= end ? end - 1 : first === start ? start : numbers[first]! - number < number - numbers[first - 1]! ? first : first - 1;
  return at(nearest, 'nearest', label);
}
