/**
 * One answer to "where is this address, and is it in a QPV, a ZRR or an FRR?", composed from the
 * geocoder and the territory engine. The JSON field names are the public API's.
 */
import type { Address, Geocoder, GeocodeResult } from '../geocoding/geocoder.js';
import { validateQuery } from '../geocoding/geocoder.js';
import type { TerritoryEngine, QpvAnswer } from '../engine.js';
import { TerritoryInputError } from '../engine.js';

/** What the platform needs to answer territory questions. */
export interface TerritoryServices {
  engine: TerritoryEngine;
  geocoder: Geocoder;
}

/** Status of a commune in a rural geography, as the API returns it. */
export interface RuralAnswer { status: string; label: string; version: string }

/** Answer of `/api/v1/territoire/adresse`. */
export interface AddressAnswer {
  status: GeocodeResult['status'];
  address: Address | null;
  candidates: Address[];
  qpv: QpvAnswer | null;
  zrr: RuralAnswer | null;
  frr: RuralAnswer | null;
  /** Versions of the geographies used for this answer. */
  versions: { qpv: string | null; zrr: string | null; frr: string | null };
}

/** A refused question, with the French message and the parameter at fault. */
export class LookupInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Validates an optional YYYY-MM-DD date parameter. */
export function parseDateParam(v: string | undefined | null): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || !new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)) {
    throw new LookupInputError('date', 'La date doit être au format AAAA-MM-JJ et exister au calendrier.');
  }
  return v;
}

/** Parses a coordinate parameter. */
export function parseCoordinate(v: string | undefined | null, field: 'lon' | 'lat'): number {
  const max = field === 'lon' ? 180 : 90;
  const label = field === 'lon' ? 'La longitude' : 'La latitude';
  if (v === undefined || v === null || v.trim() === '') throw new LookupInputError(field, `${label} est obligatoire.`);
  if (!/^-?\d{1,3}(\.\d{1,12})?$/.test(v.trim())) throw new LookupInputError(field, `${label} doit être un nombre décimal (point comme séparateur), par exemple 2.3522.`);
  const n = Number(v);
  if (!Number.isFinite(n) || n < -max || n > max) throw new LookupInputError(field, `${label} doit être comprise entre -${max} et ${max}.`);
  return n;
}

/** Territory facts about a placed address: QPV from its point, ZRR/FRR from its commune. */
export function classifyAddress(engine: TerritoryEngine, a: Address, date?: string): Pick<AddressAnswer, 'qpv' | 'zrr' | 'frr' | 'versions'> {
  const point = engine.classifyPoint(a.lon, a.lat, date);
  let zrr: RuralAnswer | null = null;
  let frr: RuralAnswer | null = null;
  try {
    const s = engine.communeStatus(a.citycode, date);
    zrr = s.zrr;
    frr = s.frr;
  } catch (e) {
    if (!(e instanceof TerritoryInputError)) throw e;
  }
  const inForce = engine.versionsInForce(date);
  return {
    qpv: point.qpv, zrr, frr,
    versions: { qpv: point.qpvVersion, zrr: inForce.zrr?.name ?? null, frr: inForce.frr?.name ?? null },
  };
}

/** Geocodes a typed address and classifies it. Throws LookupInputError on bad input. */
export async function lookupAddress(s: TerritoryServices, q: string | undefined | null, dateParam?: string | null): Promise<AddressAnswer> {
  const problem = validateQuery(q ?? '');
  if (problem) throw new LookupInputError('q', problem);
  const date = parseDateParam(dateParam);
  const inForce = s.engine.versionsInForce(date);
  const result = await s.geocoder.geocode(q!, { limit: 5 });
  const empty = { qpv: null, zrr: null, frr: null, versions: { qpv: inForce.qpv?.name ?? null, zrr: inForce.zrr?.name ?? null, frr: inForce.frr?.name ?? null } };
  if (result.status !== 'found' || !result.address) return { ...result, ...empty };
  return { ...result, ...classifyAddress(s.engine, result.address, date) };
}
