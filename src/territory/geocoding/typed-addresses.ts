/**
 * Accuracy test set built from the BAN itself: real addresses, deterministically "typed" as people
 * do (case, accents, abbreviations, bis → b, "Paris 18e", missing or wrong postcode, one typo...),
 * with the true position kept to measure how far the geocoder lands. Used by the accuracy test
 * and by `bench/geocoding.ts`.
 */
import type { BanIndex } from './ban-index.js';
import type { GeocodeResult } from './geocoder.js';
import { formatHousenumber } from './housenumber.js';
import { distanceMetres } from './distance.js';

/** A typed address and the official address it was typed from. */
export interface TypedAddress {
  q: string;
  label: string;
  lon: number;
  lat: number;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const TYPE_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  Rue: ['r', 'r.', 'R', 'rue'], Avenue: ['av', 'av.', 'ave', 'Av.'], Boulevard: ['bd', 'bd.', 'boul', 'Bld', 'blvd'],
  Place: ['pl', 'pl.'], Impasse: ['imp', 'imp.'], Square: ['sq', 'sq.'], Allée: ['all', 'allee'], Cours: ['crs'],
  Quai: ['qu', 'quai'], Passage: ['pas', 'pass', 'psg'], Chemin: ['ch', 'chem'], Route: ['rte'], Sentier: ['sent'],
  Villa: ['vla'], Cité: ['cite', 'cité'], Galerie: ['gal'], Hameau: ['ham'], Esplanade: ['esp'], Promenade: ['prom'],
  Carrefour: ['carr'],
};
const WORD_SPELLINGS: readonly [RegExp, readonly string[], number][] = [
  [/\bSaint\b/g, ['St', 'st', 'St.'], 0.6],
  [/\bSainte\b/g, ['Ste', 'ste'], 0.6],
  [/\bFaubourg\b/g, ['Fbg', 'fg', 'faub'], 0.5],
  [/\bGénéral\b/g, ['Gal', 'gen', 'Gl'], 0.3],
  [/\bMaréchal\b/g, ['Mal', 'Mch'], 0.3],
  [/\bDocteur\b/g, ['Dr', 'Doct'], 0.4],
  [/\bPrésident\b/g, ['Pdt', 'Pres'], 0.3],
];
const REP_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  b: [' bis', 'bis', ' b', 'b', ' BIS', ' Bis', 'B'],
  t: [' ter', 'ter', ' t', 't', ' TER'],
  q: [' quater', ' q', 'q'],
};
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function ordinal(district: number, random: Random): string {
  if (district === 1) return pick(random, ['1er', '1e', '1er']);
  return `${district}${pick(random, ['e', 'e', 'ème', 'eme'])}`;
}

/** One typing mistake in the longest word of the name (not the type word). */
function typo(name: string, random: Random): string {
  const words = name.split(' ');
  const choices = words.map((word, i) => ({ word, i })).filter(({ word, i }) => i > 0 && word.length >= 4);
  if (choices.length === 0) return name;
  const { word, i } = pick(random, choices);
  const at = 1 + Math.floor(random() * (word.length - 1));
  const kind = Math.floor(random() * 4);
  const letter = pick(random, [...LETTERS]);
  const changed =
    kind === 0 ? word.slice(0, at) + letter + word.slice(at + 1)
    : kind === 1 ? word.slice(0, at) + word.slice(at + 1)
    : kind === 2 ? word.slice(0, at) + letter + word.slice(at)
    : word.slice(0, at - 1) + (word[at] ?? '') + word[at - 1] + word.slice(at + 1);
  words[i] = changed;
  return words.join(' ');
}

/** Types the street name of an official address the way people write it. */
function typeStreet(official: string, random: Random): string {
  let name = official;
  const [type, ...rest] = name.split(' ');
  const spellings = TYPE_SPELLINGS[type ?? ''];
  if (spellings && random() < 0.5) name = [pick(random, spellings), ...rest].join(' ');
  for (const [pattern, options, share] of WORD_SPELLINGS) {
    if (random() < share) name = name.replace(pattern, () => pick(random, options));
  }
  if (random() < 0.5) name = name.replace(/-/g, ' ');
  const apostrophe = random();
  if (apostrophe < 0.2) name = name.replace(/'/g, '’');
  else if (apostrophe < 0.4) name = name.replace(/'/g, ' ');
  else if (apostrophe < 0.45) name = name.replace(/'/g, '');
  if (random() < 0.1) name = name.replace(/ (de la|du|des|de) /, ' ');
  if (random() < 0.2) name = typo(name, random);
  if (random() < 0.6) name = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return name;
}

function typePlace(postcode: string, district: number, random: Random): string {
  const roll = random();
  const comma = random() < 0.5 ? ',' : '';
  const arrondissement = district > 0 ? district : 1;
  if (roll < 0.3) return `${comma} ${postcode} Paris`;
  if (roll < 0.42) return `${comma} Paris ${ordinal(arrondissement, random)}`;
  if (roll < 0.47) return ` ${postcode}`;
  if (roll < 0.52) return `${comma} Paris`;
  if (roll < 0.55) return ` Paris ${arrondissement}`;
  if (roll < 0.58) return `${comma} ${ordinal(arrondissement, random)} arrondissement`;
  if (roll < 0.6) {
    const wrong = String(Number(postcode) + (random() < 0.5 ? 1 : -1)).padStart(5, '0');
    return `${comma} ${wrong} Paris`;
  }
  return '';
}

/** Picks `count` addresses of the index with a seed and types each one. */
export function sampleTypedAddresses(index: BanIndex, count: number, seed: number): TypedAddress[] {
  const random = seededRandom(seed);
  const { data } = index;
  const streetOf = new Uint32Array(index.addressCount);
  for (let street = 0; street < index.streetCount; street++) {
    streetOf.fill(street, data.streetStart[street]!, data.streetStart[street]! + data.streetCount[street]!);
  }
  const out: TypedAddress[] = [];
  const used = new Set<number>();
  while (out.length < count && used.size < index.addressCount) {
    const i = Math.floor(random() * index.addressCount);
    if (used.has(i)) continue;
    used.add(i);
    const street = streetOf[i]!;
    const name = data.streetName[street]!;
    // Paris BAN also lists sub-addresses as streets named "4W1 Place du Pont Neuf" and unnamed
    // private ways as "Voie AV/16": placeholder names that nobody types.
    if (/^\d/.test(name) || name.includes('/')) continue;
    const postcode = data.streetPostcode[street]!;
    const commune = data.communes[data.streetCommune[street]!]!;
    const rep = index.repOf(i);
    const number = String(data.numbers[i]);
    const repText = rep === '' ? '' : REP_SPELLINGS[rep] ? pick(random, REP_SPELLINGS[rep]) : (random() < 0.5 ? ' ' : '') + rep;
    const comma = random() < 0.25 ? ',' : '';
    let q = `${number}${repText}${comma} ${typeStreet(name, random)}${typePlace(postcode, commune.district, random)}`;
    const casing = random();
    if (casing < 0.55) q = q.toLowerCase();
    else if (casing < 0.75) q = q.toUpperCase();
    out.push({
      q,
      label: `${formatHousenumber(data.numbers[i]!, rep)} ${name} ${postcode} ${commune.city}`,
      lon: index.lonOf(i),
      lat: index.latOf(i),
    });
  }
  return out;
}

/** Share of results whose first address lies within `metres` of the true point, and the status counts. */
export function measureAccuracy(
  typed: readonly TypedAddress[],
  results: readonly GeocodeResult[],
  metres = 30,
): { accuracy: number; within: number; found: number; ambiguous: number; notFound: number; misses: { q: string; expected: string; got: string | null }[] } {
  let within = 0;
  const counts = { found: 0, ambiguous: 0, not_found: 0 };
  const misses: { q: string; expected: string; got: string | null }[] = [];
  typed.forEach((address, i) => {
    const result = results[i];
    if (!result) return;
    counts[result.status]++;
    const point = result.address;
    if (point && distanceMetres(point.lon, point.lat, address.lon, address.lat) <= metres) within++;
    else misses.push({ q: address.q, expected: address.label, got: point?.label ?? null });
  });
  return {
    accuracy: typed.length === 0 ? 0 : within / typed.length,
    within,
    found: counts.found,
    ambiguous: counts.ambiguous,
    notFound: counts.not_found,
    misses,
  };
}
