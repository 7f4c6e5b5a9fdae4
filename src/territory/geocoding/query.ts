/**
 * Parser of addresses as people type them: house number and repetition index at the start,
 * postcode anywhere, city and arrondissement ("Paris 18e", "18ème arrondissement") at the end,
 * and the street in between, reduced to canonical tokens.
 */
import { canonicalStreetTokens, isStreetTypeToken, tokenize } from './normalize.js';
import type { CityEntry } from './ban-index.js';

/** What the parser understood in a typed address. */
export interface ParsedQuery {
  number: number | null;
  /** Repetition index in BAN form ("b" for bis, "t" for ter, "" when none). */
  rep: string;
  streetTokens: string[];
  /** Street tokens when the trailing city words are kept ("Parvis du Tribunal de Paris"), or null. */
  streetTokensWithCity: string[] | null;
  postcode: string | null;
  /** INSEE codes implied by the typed city or arrondissement, null when none was typed. */
  citycodes: string[] | null;
}

/** The part of the index the parser needs: the known city names and repetition indices. */
export interface CityLookup {
  city(foldedName: string): CityEntry | undefined;
  cityNames(): Iterable<string>;
  knowsRep(rep: string): boolean;
}

/** Spelled-out repetition indices and their BAN code. */
const REP_WORDS: Readonly<Record<string, string>> = { bis: 'b', ter: 't', quater: 'q', quinquies: 'c' };
const TAIL_NOISE = new Set(['cedex', 'arrondissement', 'arrondissements', 'arrdt', 'arrt', 'arr', 'ardt', 'e', 'er', 'eme', 'em', 'ieme', 'me']);
const ORDINAL = /^(\d{1,2})(?:e|er|ere|eme|em|ieme|me)$/;
const ROMAN = /^(x{0,2}(?:ix|iv|v?i{0,3}))(?:e|er|eme|ieme)?$/;
const GLUED_NUMBER = /^(\d{1,5})([a-z]{1,8}\d{0,2})?$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };

function romanValue(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i]!]!;
    const next = ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function repCode(suffix: string): string {
  return REP_WORDS[suffix] ?? suffix;
}

const tokenListsCache = new WeakMap<CityLookup, string[][]>();

/** Known city names as token lists, longest first (memoised per index). */
function cityTokenLists(cities: CityLookup): string[][] {
  let lists = tokenListsCache.get(cities);
  if (!lists) {
    lists = [...cities.cityNames()].map((name) => name.split(' ')).sort((a, b) => b.length - a.length);
    tokenListsCache.set(cities, lists);
  }
  return lists;
}

/** Finds the longest known city name ending at `end`, returns its first token position or -1. */
function cityEndingAt(tokens: readonly string[], end: number, names: readonly string[][]): { start: number; name: string } | null {
  for (const name of names) {
    const start = end - name.length + 1;
    if (start < 1) continue;
    if (name.every((word, k) => tokens[start + k] === word)) return { start, name: name.join(' ') };
  }
  return null;
}

/** Splits a typed address into number, repetition index, street tokens, postcode and city filters. */
export function parseQuery(q: string, cities: CityLookup): ParsedQuery {
  const tokens = tokenize(q);
  const last = tokens.length - 1;
  if (tokens[last] === 'france' && last >= 2 && (/^\d{5}$/.test(tokens[last - 1]!) || cities.city(tokens[last - 1]!))) tokens.pop();
  let postcode: string | null = null;
  for (let i = tokens.length - 1; i >= 1; i--) {
    if (/^\d{5}$/.test(tokens[i]!)) {
      postcode ??= tokens[i]!;
      tokens.splice(i, 1);
    }
  }
  if (tokens.length === 1 && /^\d{5}$/.test(tokens[0]!)) postcode = tokens.pop()!;

  const names = cityTokenLists(cities);
  let end = tokens.length - 1;
  let district: number | null = null;
  let cityName: string | null = null;
  while (end >= 1) {
    const token = tokens[end]!;
    const previous = tokens[end - 1] ?? '';
    const afterCity = cities.city(previous) !== undefined;
    const beforeNoise = TAIL_NOISE.has(tokens[end + 1] ?? '');
    const ordinal = ORDINAL.exec(token);
    const roman = ROMAN.exec(token);
    if (TAIL_NOISE.has(token)) end--;
    else if (ordinal && (afterCity || beforeNoise || (end === tokens.length - 1 && cityName === null))) {
      district = Number(ordinal[1]);
      end--;
    } else if (/^\d{1,2}$/.test(token) && (afterCity || beforeNoise)) {
      district = Number(token);
      end--;
    } else if (roman && roman[1] !== '' && (afterCity || beforeNoise)) {
      district = romanValue(roman[1]!);
      end--;
    } else {
      const city = cityEndingAt(tokens, end, names);
      if (!city) break;
      cityName ??= city.name;
      end = city.start - 1;
    }
  }
  const body = tokens.slice(0, end + 1);
  const tail = tokens.slice(end + 1);

  let number: number | null = null;
  let rep = '';
  if (body[0] === 'n' || body[0] === 'no' || body[0] === 'num') {
    if (/^\d/.test(body[1] ?? '')) body.shift();
  }
  const glued = GLUED_NUMBER.exec(body[0] ?? '');
  if (glued && body.length > 1) {
    number = Number(glued[1]);
    rep = glued[2] ? repCode(glued[2]) : '';
    body.shift();
    while (/^\d{1,4}$/.test(body[0] ?? '') && body.length > 1) body.shift();
    const next = body[0] ?? '';
    const typeFollows = isStreetTypeToken(body[1] ?? '');
    const looksLikeRep =
      REP_WORDS[next] !== undefined ||
      (/^[a-z]$/.test(next) && !['r', 'l', 'd'].includes(next)) ||
      (cities.knowsRep(next) && typeFollows);
    if (rep === '' && body.length > 1 && looksLikeRep) {
      rep = repCode(next);
      body.shift();
    }
  }

  return {
    number,
    rep,
    streetTokens: canonicalStreetTokens(body),
    streetTokensWithCity: tail.length > 0 ? canonicalStreetTokens([...body, ...tail]) : null,
    postcode,
    citycodes: resolveCitycodes(cities, cityName, district),
  };
}

function resolveCitycodes(cities: CityLookup, cityName: string | null, district: number | null): string[] | null {
  if (cityName !== null) {
    const entry = cities.city(cityName);
    if (!entry) return null;
    const code = district !== null ? entry.byDistrict.get(district) : undefined;
    return code ? [code] : entry.citycodes;
  }
  if (district === null) return null;
  const codes: string[] = [];
  for (const name of cities.cityNames()) {
    const code = cities.city(name)?.byDistrict.get(district);
    if (code) codes.push(code);
  }
  return codes.length > 0 ? codes : null;
}
