/**
 * The compact in-memory BAN index: streets (one per name × postcode × commune) pointing at a slice
 * of parallel typed arrays of house numbers and positions, plus lookup tables derived at load time
 * (canonical keys, token postings, single-edit corrections, city names).
 */
import { editDistance, foldText, splitStreetType, streetKey } from './normalize.js';

/** The stored part of the index, the one that is serialised to the cache file. */
export interface BanIndexData {
  /** Commune table: INSEE code, city label ("Paris"), arrondissement number or 0. */
  communes: { citycode: string; city: string; district: number }[];
  /** Street table, parallel arrays. `streetStart` indexes the address arrays. */
  streetName: string[];
  streetPostcode: string[];
  streetCommune: Uint32Array;
  streetStart: Uint32Array;
  streetCount: Uint32Array;
  /** Address arrays, sorted by street then number then repetition index. */
  numbers: Uint16Array;
  reps: Uint16Array;
  /** Positions in millionths of a degree (BAN gives six decimals). */
  lon: Int32Array;
  lat: Int32Array;
  /** Repetition indices in BAN's lower-case form, index 0 is "no index". */
  repTable: string[];
}

/** A commune known to the index, found from the city name typed by the user. */
export interface CityEntry {
  citycodes: string[];
  byDistrict: Map<number, string>;
}

const MICRO = 1e6;

/** Derived lookups of a BAN index; build it with `importBanCsv` or `openBanIndex`. */
export class BanIndex {
  readonly data: BanIndexData;
  /** Canonical key of each street ("rue faubourg saint antoine"). */
  readonly streetKeys: string[];
  /** Key without the type word ("faubourg saint antoine"). */
  readonly streetCores: string[];
  readonly streetTypes: (string | null)[];
  private readonly byKey = new Map<string, number[]>();
  private readonly byCore = new Map<string, number[]>();
  private readonly postings = new Map<string, number[]>();
  private readonly deletions = new Map<string, string[]>();
  private readonly cities = new Map<string, CityEntry>();
  private readonly postcodeCommunes = new Set<string>();
  private readonly coresByLength: [string, number[]][][] = [];

  constructor(data: BanIndexData) {
    this.data = data;
    this.streetKeys = [];
    this.streetCores = [];
    this.streetTypes = [];
    data.streetName.forEach((name, street) => {
      const key = streetKey(name);
      const { type, core } = splitStreetType(key.split(' '));
      const coreKey = core.join(' ');
      this.streetKeys.push(key);
      this.streetCores.push(coreKey);
      this.streetTypes.push(type);
      this.postcodeCommunes.add(`${data.streetPostcode[street]}|${data.communes[data.streetCommune[street]!]?.citycode}`);
      push(this.byKey, key, street);
      push(this.byCore, coreKey, street);
      for (const token of new Set(core)) push(this.postings, token, street);
    });
    for (const token of this.postings.keys()) {
      if (token.length < 3) continue;
      for (const deleted of singleDeletions(token)) push(this.deletions, deleted, token);
    }
    for (const commune of data.communes) {
      const name = foldText(commune.city);
      const entry = this.cities.get(name) ?? { citycodes: [], byDistrict: new Map<number, string>() };
      entry.citycodes.push(commune.citycode);
      if (commune.district > 0) entry.byDistrict.set(commune.district, commune.citycode);
      this.cities.set(name, entry);
    }
  }

  /** Number of streets. */
  get streetCount(): number {
    return this.data.streetName.length;
  }

  /** Number of addresses. */
  get addressCount(): number {
    return this.data.numbers.length;
  }

  /** Streets whose canonical key is exactly `key`. */
  streetsByKey(key: string): readonly number[] {
    return this.byKey.get(key) ?? [];
  }

  /** Streets whose key without type word is exactly `core`. */
  streetsByCore(core: string): readonly number[] {
    return this.byCore.get(core) ?? [];
  }

  /** Distinct keys without type word of a given length, with their streets (exhaustive fuzzy fallback). */
  coresOfLength(length: number): readonly [string, number[]][] {
    if (this.coresByLength.length === 0) {
      for (const entry of this.byCore) (this.coresByLength[entry[0].length] ??= []).push(entry);
    }
    return this.coresByLength[length] ?? [];
  }

  /** Streets containing a canonical token (outside the type word). */
  streetsWithToken(token: string): readonly number[] {
    return this.postings.get(token) ?? [];
  }

  /** Whether a token appears in some street name. */
  knowsToken(token: string): boolean {
    return this.postings.has(token);
  }

  /** Street-name tokens at one edit (insertion, deletion, substitution, transposition) from `token`. */
  corrections(token: string): string[] {
    if (token.length < 3) return [];
    const found = new Set<string>();
    const consider = (candidates: readonly string[] | undefined) => {
      for (const candidate of candidates ?? []) {
        if (candidate !== token && editDistance(candidate, token, 1) <= 1) found.add(candidate);
      }
    };
    consider(this.deletions.get(token));
    for (const deleted of singleDeletions(token)) {
      if (this.postings.has(deleted)) consider([deleted]);
      consider(this.deletions.get(deleted));
    }
    return [...found];
  }

  /** Whether BAN uses this repetition index somewhere ("b", "bv", "p1"...). */
  knowsRep(rep: string): boolean {
    return rep !== '' && this.data.repTable.includes(rep);
  }

  /** Whether some address of commune `citycode` has postcode `postcode` (75116 and 75016 are both in 75116). */
  postcodeInCommune(postcode: string, citycode: string): boolean {
    return this.postcodeCommunes.has(`${postcode}|${citycode}`);
  }

  /** The commune entry for a folded city name ("paris"), if the index has it. */
  city(foldedName: string): CityEntry | undefined {
    return this.cities.get(foldedName);
  }

  /** Folded names of every city in the index, for the query parser. */
  cityNames(): IterableIterator<string> {
    return this.cities.keys();
  }

  /** Commune (INSEE code and city label) of a street. */
  communeOf(street: number): { citycode: string; city: string } {
    const commune = this.data.communes[this.data.streetCommune[street]!]!;
    return { citycode: commune.citycode, city: commune.city };
  }

  /** Longitude of address `i`. */
  lonOf(i: number): number {
    return this.data.lon[i]! / MICRO;
  }

  /** Latitude of address `i`. */
  latOf(i: number): number {
    return this.data.lat[i]! / MICRO;
  }

  /** Repetition index of address `i` in BAN form ("b", "t", "" ...). */
  repOf(i: number): string {
    return this.data.repTable[this.data.reps[i]!] ?? '';
  }
}

/** Every string obtained by deleting one character of `token`. */
function singleDeletions(token: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < token.length; i++) out.add(token.slice(0, i) + token.slice(i + 1));
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Converts degrees to the stored millionths. */
export function toMicro(degrees: number): number {
  return Math.round(degrees * MICRO);
}
