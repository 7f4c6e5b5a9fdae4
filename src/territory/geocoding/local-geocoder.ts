/**
 * The offline geocoder built on a BAN index: parse the typed address, find candidate streets,
 * place the number in each, score (name × place × number) and decide found / ambiguous.
 */
import { fileURLToPath } from 'node:url';
import type { BanIndex } from './ban-index.js';
import { openBanIndex, type BanIndexOrigin } from './ban-cache.js';
import { dedupeRows, queryKey, spreadResults } from './batch.js';
import {
  notFound,
  validateQuery,
  type Address,
  type GeocodeManyOptions,
  type GeocodeOptions,
  type GeocodeResult,
  type GeocodeRow,
  type Geocoder,
} from './geocoder.js';
import { LruCache } from './lru.js';
import { locateNumber, NUMBER_FACTORS } from './housenumber.js';
import { parseQuery } from './query.js';
import { distanceMetres } from './distance.js';
import { findStreets } from './street-search.js';

/** The Paris BAN extract shipped with the project. */
export const PARIS_BAN_ASSET = fileURLToPath(new URL('../../../assets/ban/adresses-75.csv.gz', import.meta.url));

/** Place factor: the typed postcode or arrondissement agrees, nothing was typed, or it disagrees. */
const PLACE_MATCH = 1;
const PLACE_NEAR = 0.97;
const PLACE_UNKNOWN = 0.95;
const PLACE_MISMATCH = 0.85;
/** Two answers closer than this in score are both plausible. */
const AMBIGUITY_MARGIN = 0.02;
/** Two answers closer than this (metres) are the same place. */
const SAME_PLACE_METRES = 60;
const STREETS_TRIED = 25;
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 20;

/** Options of the local geocoder. */
export interface LocalGeocoderOptions {
  /** Entries of the single-lookup LRU cache (default 10,000; 0 disables it). */
  cacheSize?: number;
}

/** Geocoder answering from an in-memory BAN index, without network. */
export class LocalGeocoder implements Geocoder {
  private readonly cache: LruCache<string, GeocodeResult>;

  constructor(
    readonly index: BanIndex,
    options: LocalGeocoderOptions = {},
  ) {
    this.cache = new LruCache<string, GeocodeResult>(options.cacheSize ?? 10_000);
  }

  /** Resolves one address (cached). */
  async geocode(q: string, opts: GeocodeOptions = {}): Promise<GeocodeResult> {
    return this.geocodeNow(q, opts);
  }

  /** Resolves many rows; identical normalised rows are resolved once. */
  async geocodeMany(rows: readonly GeocodeRow[], opts: GeocodeManyOptions = {}): Promise<GeocodeResult[]> {
    const deduped = dedupeRows(rows);
    const results: GeocodeResult[] = [];
    for (let i = 0; i < deduped.unique.length; i++) {
      opts.signal?.throwIfAborted();
      const row = deduped.unique[i]!;
      results.push(this.geocodeNow(row.q, row));
      if (i % 1000 === 999) {
        opts.onProgress?.(Math.round(((i + 1) / deduped.unique.length) * rows.length), rows.length);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    opts.onProgress?.(rows.length, rows.length);
    return spreadResults(deduped, results);
  }

  /** Synchronous lookup with the LRU cache, for callers that batch themselves. */
  geocodeNow(q: string, opts: GeocodeOptions = {}): GeocodeResult {
    if (typeof q !== 'string' || validateQuery(q) !== null) return notFound();
    const key = queryKey(q, opts);
    const cached = this.cache.get(key);
    if (cached) return cached;
    let result: GeocodeResult;
    try {
      result = this.resolve(q, opts);
    } catch {
      result = notFound();
    }
    this.cache.set(key, result);
    return result;
  }

  private resolve(q: string, opts: GeocodeOptions): GeocodeResult {
    const parsed = parseQuery(q, this.index);
    const postcode = opts.postcode?.trim() || parsed.postcode;
    const citycodes = opts.citycode?.trim() ? [opts.citycode.trim()] : parsed.citycodes;
    let streets = findStreets(this.index, parsed.streetTokens);
    if (parsed.streetTokensWithCity && (streets[0]?.nameScore ?? 0) < 0.8) {
      // The words taken for the city may belong to the street ("Parvis du Tribunal de Paris").
      const withCity = findStreets(this.index, parsed.streetTokensWithCity);
      if ((withCity[0]?.nameScore ?? 0) > (streets[0]?.nameScore ?? 0)) streets = withCity;
    }
    streets = streets.slice(0, STREETS_TRIED);
    if (streets.length === 0) return notFound();

    const scored: Address[] = [];
    for (const { street, nameScore } of streets) {
      const { citycode, city } = this.index.communeOf(street);
      const streetPostcode = this.index.data.streetPostcode[street]!;
      let place = PLACE_UNKNOWN;
      if (postcode) {
        place = streetPostcode === postcode ? PLACE_MATCH
          : this.index.postcodeInCommune(postcode, citycode) || citycodes?.includes(citycode) ? PLACE_NEAR
          : PLACE_MISMATCH;
      } else if (citycodes && citycodes.length < this.index.data.communes.length) {
        place = citycodes.includes(citycode) ? PLACE_MATCH : PLACE_MISMATCH;
      }
      const located = locateNumber(this.index, street, parsed.number, parsed.rep);
      const name = this.index.data.streetName[street]!;
      const lineOne = located.housenumber === null ? name : `${located.housenumber} ${name}`;
      scored.push({
        label: `${lineOne} ${streetPostcode} ${city}`,
        housenumber: located.housenumber,
        street: name,
        postcode: streetPostcode,
        citycode,
        city,
        lon: round6(located.lon),
        lat: round6(located.lat),
        score: round3(nameScore * place * NUMBER_FACTORS[located.match]),
      });
    }
    scored.sort((a, b) => b.score - a.score);
    const candidates = distinct(scored).slice(0, Math.min(Math.max(1, opts.limit ?? DEFAULT_LIMIT), MAX_LIMIT));
    const best = candidates[0]!;
    const rival = candidates.find(
      (other) => other !== best && best.score - other.score <= AMBIGUITY_MARGIN &&
        distanceMetres(best.lon, best.lat, other.lon, other.lat) > SAME_PLACE_METRES,
    );
    return { status: rival ? 'ambiguous' : 'found', address: best, candidates };
  }

  /** Builds a local geocoder from BAN extract files, using `cacheDir` to start fast next time. */
  static async open(
    options: { sources?: readonly string[]; cacheDir?: string } & LocalGeocoderOptions = {},
  ): Promise<{ geocoder: LocalGeocoder; origin: BanIndexOrigin }> {
    const { index, origin } = await openBanIndex(options.sources ?? [PARIS_BAN_ASSET], { cacheDir: options.cacheDir });
    return { geocoder: new LocalGeocoder(index, options), origin };
  }
}

/** Keeps the best-scored answer per label. */
function distinct(addresses: readonly Address[]): Address[] {
  const seen = new Set<string>();
  return addresses.filter((address) => !seen.has(address.label) && seen.add(address.label));
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

