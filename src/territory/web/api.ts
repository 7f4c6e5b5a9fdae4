/**
 * The open JSON API of the territory engine (documented in openapi.ts): no account, CORS open for
 * GET, rate-limited per IP. Names of paths and fields are a public contract: keep them.
 */
import type { Context } from 'hono';
import type { Router } from '../../platform/http/router.js';
import type { AppDeps, AppEnv } from '../../platform/http/context.js';
import { PUBLIC } from '../../platform/http/access.js';
import { clientIp } from '../../platform/http/security.js';
import { RateLimiter } from '../../platform/http/rate-limit.js';
import { territoryServices } from './services.js';
import { lookupAddress, parseCoordinate, parseDateParam, LookupInputError } from './lookup.js';
import { TerritoryInputError } from '../engine.js';
import { GeocoderUnavailableError } from '../geocoding/geocoder.js';
import { readUpload, UploadError } from './batch-file.js';
import { runBatchRows, resultsToCsv } from './batch-run.js';
import { OPENAPI } from './openapi.js';

/** Rows accepted by the synchronous CSV endpoint (larger files go through the batch page). */
export const API_CSV_MAX_ROWS = 10_000;

/** Registers the API routes. */
export function registerTerritoryApi(r: Router, deps: AppDeps): void {
  const perMinute = deps.config.API_RATE_PER_MINUTE;
  const limiter = new RateLimiter(perMinute, 60_000);
  const heavy = new RateLimiter(Math.max(1, Math.floor(perMinute / 20)), 60_000);

  const guard = (c: Context<AppEnv>, l: RateLimiter): Response | null => {
    c.header('Access-Control-Allow-Origin', '*');
    const d = l.hit(clientIp(c, deps.config.TRUST_PROXY));
    c.header('X-RateLimit-Remaining', String(d.remaining));
    if (d.allowed) return null;
    c.header('Retry-After', String(d.retryAfterSeconds));
    return c.json({ error: `Trop de requêtes : réessayez dans ${d.retryAfterSeconds} secondes.` }, 429);
  };

  const fail = (c: Context<AppEnv>, e: unknown): Response => {
    if (e instanceof LookupInputError || e instanceof TerritoryInputError) return c.json({ error: e.message, field: e.field }, 400);
    if (e instanceof UploadError) return c.json({ error: e.message }, 400);
    if (e instanceof GeocoderUnavailableError) return c.json({ error: e.message }, 503);
    throw e;
  };

  r.get('/api/v1/openapi.json', PUBLIC, (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(OPENAPI);
  }, { api: true });

  r.get('/api/v1/territoire/point', PUBLIC, async (c) => {
    const limited = guard(c, limiter);
    if (limited) return limited;
    try {
      const lon = parseCoordinate(c.req.query('lon'), 'lon');
      const lat = parseCoordinate(c.req.query('lat'), 'lat');
      const date = parseDateParam(c.req.query('date'));
      const { engine } = await territoryServices(deps);
      const res = engine.classifyPoint(lon, lat, date);
      return c.json({ qpv: res.qpv ? { code: res.qpv.code, name: res.qpv.name, commune: res.qpv.commune, version: res.qpv.version } : null, version: res.qpvVersion });
    } catch (e) {
      return fail(c, e);
    }
  }, { api: true });

  r.get('/api/v1/territoire/adresse', PUBLIC, async (c) => {
    const limited = guard(c, limiter);
    if (limited) return limited;
    try {
      const answer = await lookupAddress(await territoryServices(deps), c.req.query('q'), c.req.query('date'));
      return c.json(answer);
    } catch (e) {
      return fail(c, e);
    }
  }, { api: true });

  r.post('/api/v1/territoire/adresses', PUBLIC, async (c) => {
    const limited = guard(c, heavy);
    if (limited) return limited;
    try {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const table = await readUpload(bytes, 'adresses.csv', API_CSV_MAX_ROWS);
      const date = parseDateParam(c.req.query('date'));
      const mapping = table.guessMapping();
      if (!mapping) throw new UploadError('Aucune colonne d’adresse reconnue : nommez-la « adresse », ou fournissez « numero », « voie », « code_postal » et « commune ».');
      const results = await runBatchRows(await territoryServices(deps), table, mapping, date);
      c.header('Content-Disposition', 'attachment; filename="adresses-resultats.csv"');
      return c.body(resultsToCsv(table, results), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    } catch (e) {
      return fail(c, e);
    }
  }, { api: true });
}
