/**
 * Placing learners' addresses with the territory engine, with the geography in force at the
 * session's start: commune, département, région, QPV code, ZRR/FRR status and the versions used.
 * An address the geocoder cannot place (not found, ambiguous) is "unplaced": the organisation is
 * asked to correct it; staff may override the result with a reason.
 */
import type { AppDeps } from '../platform/http/context.js';
import { log } from '../platform/log.js';
import { territoryServices } from '../territory/web/services.js';
import { classifyAddress } from '../territory/web/lookup.js';
import { validateQuery } from '../territory/geocoding/geocoder.js';
import { communeInfo, isFrrBeneficiary, isFrrClassified } from '../territory/index.js';
import type { FrrStatus } from '../territory/index.js';

/** What the engine said of one address (the learner's territory columns). */
export interface Placement {
  placement: 'placed' | 'unplaced';
  inseeCode: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  qpvCode: string | null;
  inQpv: boolean | null;
  inZrrFrr: boolean | null;
  geoVersions: string | null;
}

const UNPLACED: Placement = { placement: 'unplaced', inseeCode: null, commune: null, departement: null, region: null, qpvCode: null, inQpv: null, inZrrFrr: null, geoVersions: null };

/** Places addresses (each distinct address geocoded once) with the geography in force on `onDate`. */
export async function placeAddresses(deps: AppDeps, addresses: string[], onDate: string): Promise<Placement[]> {
  const valid = addresses.map((a) => validateQuery(a) === null);
  const queries = addresses.filter((_, i) => valid[i]).map((q) => ({ q }));
  let s: Awaited<ReturnType<typeof territoryServices>>;
  let geo: Awaited<ReturnType<typeof s.geocoder.geocodeMany>>;
  try {
    s = await territoryServices(deps);
    geo = await s.geocoder.geocodeMany(queries, {});
  } catch (e) {
    // The roster is still saved: every address is flagged unplaced, to correct or override later.
    log.error('placement des adresses d’apprenants impossible', { error: String(e) });
    return addresses.map(() => UNPLACED);
  }
  let k = 0;
  return addresses.map((_, i) => {
    if (!valid[i]) return UNPLACED;
    const g = geo[k++]!;
    if (g.status !== 'found' || !g.address) return UNPLACED;
    const a = g.address;
    const c = classifyAddress(s.engine, a, onDate);
    const info = communeInfo(a.citycode);
    // ZRR: classified or partly classified; FRR: classified, or benefiting from its effects (former ZRR).
    const zrr = c.zrr ? c.zrr.status === 'C' || c.zrr.status === 'PC' : false;
    const frr = c.frr ? isFrrClassified(c.frr.status as FrrStatus) || isFrrBeneficiary(c.frr.status as FrrStatus) : false;
    return {
      placement: 'placed',
      inseeCode: a.citycode,
      commune: info?.name ?? a.city,
      departement: info?.departement?.name ?? null,
      region: info?.region?.name ?? null,
      qpvCode: c.qpv?.code ?? null,
      inQpv: c.qpv !== null,
      inZrrFrr: zrr || frr,
      geoVersions: JSON.stringify(c.versions),
    };
  });
}
