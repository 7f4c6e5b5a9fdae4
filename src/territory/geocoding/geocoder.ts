/**
 * The geocoder contract shared by the local BAN geocoder and the BAN API adapter. The field names
 * of `Address` and `GeocodeResult` are part of the public JSON API (`/api/v1/territoire/adresse`).
 */

/** One place an address was resolved to; `housenumber` is null for a street-level answer. */
export interface Address {
  label: string;
  housenumber: string | null;
  street: string;
  postcode: string;
  citycode: string;
  city: string;
  lon: number;
  lat: number;
  /** Confidence in [0, 1]; lower for typos, missing or interpolated numbers, street-only answers. */
  score: number;
}

/** Outcome of a lookup: `candidates` lists the best answers, the first one equals `address`. */
export interface GeocodeResult {
  status: 'found' | 'ambiguous' | 'not_found';
  address: Address | null;
  candidates: Address[];
}

/** Optional filters of a lookup: how many candidates, and a postcode or INSEE code to favour. */
export interface GeocodeOptions {
  limit?: number;
  postcode?: string;
  citycode?: string;
}

/** One row of a batch: the free-text address and optional filters. */
export interface GeocodeRow {
  q: string;
  postcode?: string;
  citycode?: string;
}

/** Options of a batch run. */
export interface GeocodeManyOptions {
  /** Called after each chunk with the number of input rows done so far. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Anything that turns typed addresses into positions. */
export interface Geocoder {
  /** Resolves one address; never throws on bad input (it answers `not_found`). */
  geocode(q: string, opts?: GeocodeOptions): Promise<GeocodeResult>;
  /** Resolves many rows, in order; the same normalised address is resolved only once. */
  geocodeMany(rows: readonly GeocodeRow[], opts?: GeocodeManyOptions): Promise<GeocodeResult[]>;
}

/** Longest query accepted, the same limit as the BAN API. */
export const MAX_QUERY_LENGTH = 200;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;
const ANY_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Returns the French message to show when a typed address cannot be searched, or null when it can. */
export function validateQuery(q: unknown): string | null {
  if (typeof q !== 'string' || q.trim() === '') return 'Saisissez une adresse.';
  if (q.length > MAX_QUERY_LENGTH) {
    return `L’adresse ne doit pas dépasser ${MAX_QUERY_LENGTH} caractères.`;
  }
  if (CONTROL_CHARACTERS.test(q)) return 'L’adresse contient des caractères non autorisés.';
  if (!ANY_LETTER_OR_DIGIT.test(q)) return 'Saisissez une adresse avec au moins un mot ou un numéro.';
  if (q.trim().length < 3) return 'Saisissez au moins 3 caractères.';
  return null;
}

/** The answer for an address nobody can place. */
export function notFound(): GeocodeResult {
  return { status: 'not_found', address: null, candidates: [] };
}

/** Raised when the remote geocoding service cannot answer after its retries. */
export class GeocoderUnavailableError extends Error {
  override readonly name = 'GeocoderUnavailableError';
  /** HTTP status of the last attempt, when the service answered at all. */
  readonly status: number | null;

  constructor(detail: string, options: { status?: number | null; cause?: unknown } = {}) {
    super(
      `Le service de géocodage de la Base Adresse Nationale est indisponible (${detail}). ` +
        'Réessayez dans quelques minutes.',
      { cause: options.cause },
    );
    this.status = options.status ?? null;
  }
}
