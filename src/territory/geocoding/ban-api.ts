/**
 * Adapter for the BAN API (https://api-adresse.data.gouv.fr): `/search/` for single lookups,
 * `/search/csv/` for batches, with timeouts, retries and an LRU cache.
 */
import { dedupeRows, queryKey, spreadResults } from './batch.js';
import { parseCsv, writeCsv } from './csv.js';
import {
  GeocoderUnavailableError,
  notFound,
  validateQuery,
  type Address,
  type GeocodeManyOptions,
  type GeocodeOptions,
  type GeocodeResult,
  type GeocodeRow,
  type Geocoder,
} from './geocoder.js';
import { fetchWithRetry, type RetryPolicy } from './http-retry.js';
import { distanceMetres } from './distance.js';
import { LruCache } from './lru.js';

/** Options of the BAN API adapter; every one has a safe default. */
export interface BanApiOptions extends Partial<RetryPolicy> {
  /** Default https://api-adresse.data.gouv.fr */
  baseUrl?: string;
  /** Below this BAN score an answer counts as not found (default 0.4). */
  minScore?: number;
  /** Rows per request to the CSV endpoint (default 5,000). */
  batchSize?: number;
  /** Entries of the single-lookup LRU cache (default 10,000; 0 disables it). */
  cacheSize?: number;
  /** Timeout of one CSV batch request (default 120 s). */
  batchTimeoutMs?: number;
}

interface BanFeature {
  geometry?: { coordinates?: [number, number] };
  properties?: Record<string, unknown>;
}

const RESULT_COLUMNS = [
  'result_label', 'result_score', 'result_housenumber', 'result_street', 'result_name', 'result_postcode',
  'result_citycode', 'result_city', 'result_type', 'result_status', 'latitude', 'longitude',
];
const AMBIGUITY_MARGIN = 0.02;
const SAME_PLACE_METRES = 60;

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Turns one GeoJSON feature of `/search/` into an `Address`, or null when it has no position. */
export function addressFromFeature(feature: BanFeature): Address | null {
  const props = feature.properties ?? {};
  const [lon, lat] = feature.geometry?.coordinates ?? [];
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  return {
    label: text(props.label),
    housenumber: text(props.housenumber) || null,
    street: text(props.street) || text(props.name),
    postcode: text(props.postcode),
    citycode: text(props.citycode),
    city: text(props.city),
    lon,
    lat,
    score: Number(props.score) || 0,
  };
}

/** Geocoder calling the BAN API; throws `GeocoderUnavailableError` (French message) when it is down. */
export class BanApiGeocoder implements Geocoder {
  private readonly baseUrl: string;
  private readonly policy: RetryPolicy;
  private readonly minScore: number;
  private readonly batchSize: number;
  private readonly batchTimeoutMs: number;
  private readonly cache: LruCache<string, GeocodeResult>;

  constructor(options: BanApiOptions = {}) {
    this.baseUrl = (options.baseUrl ?? 'https://api-adresse.data.gouv.fr').replace(/\/+$/, '');
    this.policy = {
      timeoutMs: options.timeoutMs ?? 5_000,
      retries: options.retries ?? 3,
      backoffMs: options.backoffMs ?? 250,
      maxBackoffMs: options.maxBackoffMs ?? 10_000,
    };
    this.minScore = options.minScore ?? 0.4;
    this.batchSize = Math.max(1, options.batchSize ?? 5_000);
    this.batchTimeoutMs = options.batchTimeoutMs ?? 120_000;
    this.cache = new LruCache(options.cacheSize ?? 10_000);
  }

  /** Resolves one address with `/search/` (cached); invalid input answers `not_found` without a call. */
  async geocode(q: string, opts: GeocodeOptions = {}): Promise<GeocodeResult> {
    if (typeof q !== 'string' || validateQuery(q) !== null) return notFound();
    const key = queryKey(q, opts);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const url = new URL(`${this.baseUrl}/search/`);
    url.searchParams.set('q', q.trim());
    url.searchParams.set('limit', String(Math.min(Math.max(1, opts.limit ?? 5), 20)));
    url.searchParams.set('autocomplete', '0');
    if (opts.postcode) url.searchParams.set('postcode', opts.postcode);
    if (opts.citycode) url.searchParams.set('citycode', opts.citycode);
    const response = await fetchWithRetry(url.toString(), () => ({ headers: { accept: 'application/json' } }), this.policy);
    if (response.status === 400) return notFound();
    if (!response.ok) throw new GeocoderUnavailableError(`erreur ${response.status}`, { status: response.status });
    let body: { features?: BanFeature[] };
    try {
      body = (await response.json()) as { features?: BanFeature[] };
    } catch (cause) {
      throw new GeocoderUnavailableError('réponse illisible', { status: response.status, cause });
    }
    const result = this.decide((body.features ?? []).map(addressFromFeature).filter((a): a is Address => a !== null));
    this.cache.set(key, result);
    return result;
  }

  private decide(addresses: Address[]): GeocodeResult {
    const candidates = addresses.filter((address) => address.score >= this.minScore).sort((a, b) => b.score - a.score);
    const best = candidates[0];
    if (!best) return notFound();
    const rival = candidates.find(
      (other) => other !== best && best.score - other.score <= AMBIGUITY_MARGIN &&
        distanceMetres(best.lon, best.lat, other.lon, other.lat) > SAME_PLACE_METRES,
    );
    return { status: rival ? 'ambiguous' : 'found', address: best, candidates };
  }

  /** Resolves many rows through `/search/csv/`, in chunks; each distinct address is sent once. */
  async geocodeMany(rows: readonly GeocodeRow[], opts: GeocodeManyOptions = {}): Promise<GeocodeResult[]> {
    const deduped = dedupeRows(rows);
    const results: GeocodeResult[] = new Array(deduped.unique.length);
    const toSend: number[] = [];
    deduped.unique.forEach((row, i) => {
      if (validateQuery(row.q) === null) toSend.push(i);
      else results[i] = notFound();
    });
    for (let from = 0; from < toSend.length; from += this.batchSize) {
      const chunk = toSend.slice(from, from + this.batchSize);
      const answers = await this.sendCsv(chunk.map((i) => deduped.unique[i]!), opts.signal);
      chunk.forEach((i, k) => (results[i] = answers[k] ?? notFound()));
      const done = Math.min(toSend.length, from + this.batchSize);
      opts.onProgress?.(Math.round((done / Math.max(1, toSend.length)) * rows.length), rows.length);
    }
    for (let i = 0; i < results.length; i++) results[i] ??= notFound();
    opts.onProgress?.(rows.length, rows.length);
    return spreadResults(deduped, results);
  }

  private async sendCsv(rows: readonly GeocodeRow[], signal?: AbortSignal): Promise<GeocodeResult[]> {
    const withPostcode = rows.some((row) => row.postcode);
    const withCitycode = rows.some((row) => row.citycode);
    const header = ['id', 'q', ...(withPostcode ? ['postcode'] : []), ...(withCitycode ? ['citycode'] : [])];
    const csv = writeCsv(header, rows.map((row, i) => [
      String(i), row.q.trim(),
      ...(withPostcode ? [row.postcode ?? ''] : []),
      ...(withCitycode ? [row.citycode ?? ''] : []),
    ]));
    const form = () => {
      const data = new FormData();
      data.append('data', new Blob([csv], { type: 'text/csv' }), 'adresses.csv');
      data.append('columns', 'q');
      if (withPostcode) data.append('postcode', 'postcode');
      if (withCitycode) data.append('citycode', 'citycode');
      for (const column of RESULT_COLUMNS) data.append('result_columns', column);
      return { method: 'POST', body: data };
    };
    const response = await fetchWithRetry(`${this.baseUrl}/search/csv/`, form, { ...this.policy, timeoutMs: this.batchTimeoutMs }, signal);
    if (!response.ok) throw new GeocoderUnavailableError(`erreur ${response.status}`, { status: response.status });
    const [head, ...lines] = parseCsv(await response.text());
    const column = (name: string) => head?.indexOf(name) ?? -1;
    const at = (line: string[], name: string) => (column(name) >= 0 ? line[column(name)] ?? '' : '');
    const results: GeocodeResult[] = rows.map(() => notFound());
    for (const line of lines) {
      const id = Number(at(line, 'id'));
      if (!Number.isInteger(id) || id < 0 || id >= rows.length) continue;
      results[id] = this.fromCsvLine((name) => at(line, name));
    }
    return results;
  }

  private fromCsvLine(get: (name: string) => string): GeocodeResult {
    const score = Number(get('result_score'));
    const lon = Number(get('longitude'));
    const lat = Number(get('latitude'));
    const status = get('result_status');
    if (get('result_score') === '' || !(score >= this.minScore) || (status !== '' && status !== 'ok')) return notFound();
    if (get('longitude') === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) return notFound();
    const address: Address = {
      label: get('result_label'),
      housenumber: get('result_housenumber') || null,
      street: get('result_street') || get('result_name'),
      postcode: get('result_postcode'),
      citycode: get('result_citycode'),
      city: get('result_city'),
      lon,
      lat,
      score,
    };
    return { status: 'found', address, candidates: [address] };
  }
}
