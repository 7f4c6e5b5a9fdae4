/**
 * Street matching: exact canonical key first, then the key without its type word, then a fuzzy
 * search (single-edit token corrections, candidates ranked by shared rare tokens, scored by edit
 * distance on the whole name).
 */
import type { BanIndex } from './ban-index.js';
import { editDistance, splitStreetType } from './normalize.js';

/** A street that may be the one typed, with how close its name is (0–1). */
export interface StreetCandidate {
  street: number;
  nameScore: number;
}

/** Factor when the type word was left out ("12 myrha"). */
const TYPE_MISSING = 0.97;
/** Factor when another type was typed ("rue" for a "villa"). */
const TYPE_DIFFERENT = 0.9;
/** Below this name score a street is not proposed. */
const MIN_NAME_SCORE = 0.72;
const FUZZY_POOL = 150;
/** Below this best score, every street name is compared (a typo that merged or split words). */
const EXHAUSTIVE_BELOW = MIN_NAME_SCORE;
/** Weight of a corrected token against an exact one when ranking fuzzy candidates. */
const CORRECTION_WEIGHT = 0.8;

function typeFactor(queryType: string | null, streetType: string | null): number {
  if (queryType === streetType) return 1;
  return queryType === null ? TYPE_MISSING : TYPE_DIFFERENT;
}

/** Finds the streets whose name matches canonical query tokens, best first. */
export function findStreets(index: BanIndex, tokens: readonly string[]): StreetCandidate[] {
  if (tokens.length === 0) return [];
  const key = tokens.join(' ');
  const { type, core } = splitStreetType(tokens);
  const coreKey = core.join(' ');
  const scores = new Map<number, number>();
  const offer = (street: number, score: number) => {
    if (score > (scores.get(street) ?? 0)) scores.set(street, score);
  };

  for (const street of index.streetsByKey(key)) offer(street, 1);
  for (const street of index.streetsByCore(coreKey)) offer(street, typeFactor(type, index.streetTypes[street] ?? null));
  if (type !== null) {
    // "rue X" may also be a street whose official name has no type word.
    for (const street of index.streetsByKey(coreKey)) offer(street, TYPE_MISSING);
  }
  let best = 0;
  for (const score of scores.values()) best = Math.max(best, score);
  if (best < TYPE_MISSING) fuzzy(index, key, type, core, offer);
  best = 0;
  for (const score of scores.values()) best = Math.max(best, score);
  if (best < EXHAUSTIVE_BELOW) exhaustive(index, type, core.join(' '), offer);

  return [...scores.entries()]
    .map(([street, nameScore]) => ({ street, nameScore }))
    .filter((candidate) => candidate.nameScore >= MIN_NAME_SCORE)
    .sort((a, b) => b.nameScore - a.nameScore || a.street - b.street);
}

function fuzzy(
  index: BanIndex,
  key: string,
  type: string | null,
  core: readonly string[],
  offer: (street: number, score: number) => void,
): void {
  const weights = new Map<number, number>();
  for (const word of new Set(core)) {
    const options = new Map<string, number>();
    for (const correction of index.corrections(word)) options.set(correction, CORRECTION_WEIGHT);
    if (index.knowsToken(word)) options.set(word, 1);
    // "danjou", "leglise": an apostrophe left out glues the article to the name.
    const unglued = /^[dl][aeiouhy]/.test(word) && word.length >= 4 ? word.slice(1) : null;
    if (unglued !== null) {
      if (index.knowsToken(unglued)) options.set(unglued, 1);
      else for (const correction of index.corrections(unglued)) options.set(correction, CORRECTION_WEIGHT);
    }
    const seen = new Set<number>();
    for (const [option, factor] of options) {
      const streets = index.streetsWithToken(option);
      // Matched words count first; rarer words break ties.
      const weight = factor * (1 + 0.1 / Math.log2(2 + streets.length));
      for (const street of streets) {
        if (seen.has(street)) continue;
        seen.add(street);
        weights.set(street, (weights.get(street) ?? 0) + weight);
      }
    }
  }
  if (type === null && core.length > 1) {
    // The first word may be a misspelt type word ("rie myrha"): match the rest too.
    const rest = core.slice(1).join(' ');
    for (const street of index.streetsByCore(rest)) weights.set(street, (weights.get(street) ?? 0) + 1);
  }
  let heaviest = 0;
  for (const weight of weights.values()) heaviest = Math.max(heaviest, weight);
  const pool = [...weights.entries()]
    .filter(([, weight]) => weight >= heaviest / 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, FUZZY_POOL);
  const coreKey = core.join(' ');
  for (const [street] of pool) {
    const streetKey = index.streetKeys[street]!;
    const streetCore = index.streetCores[street]!;
    const whole = boundedSimilarity(key, streetKey);
    const partial = boundedSimilarity(coreKey, streetCore) * typeFactor(type, index.streetTypes[street] ?? null);
    offer(street, Math.max(whole, partial) * 0.98);
  }
}

/** Similarity from the edit distance, 0 as soon as it cannot reach the minimum name score. */
function boundedSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const budget = Math.floor(longest * (1 - MIN_NAME_SCORE));
  const distance = editDistance(a, b, budget);
  return distance > budget ? 0 : 1 - distance / longest;
}

function exhaustive(
  index: BanIndex,
  type: string | null,
  coreKey: string,
  offer: (street: number, score: number) => void,
): void {
  const budget = Math.max(1, Math.floor(coreKey.length / 4));
  for (let length = coreKey.length - budget; length <= coreKey.length + budget; length++) {
    for (const [candidate, streets] of index.coresOfLength(length)) {
      const distance = editDistance(coreKey, candidate, budget);
      if (distance > budget) continue;
      const score = (1 - distance / Math.max(coreKey.length, candidate.length)) * 0.98;
      for (const street of streets) offer(street, score * typeFactor(type, index.streetTypes[street] ?? null));
    }
  }
}
