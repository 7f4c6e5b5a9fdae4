/**
 * Public catalogue: search (/formations), training pages, the map, the label check and the open
 * JSON API (/api/v1/formations, documented in the territory API's OpenAPI file). Every page is a
 * GET URL, works without JavaScript and reads the in-memory index (catalogue.index.ts).
 */
import type { Context } from 'hono';
import QRCode from 'qrcode';
import type { Module } from '../platform/http/app.js';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { PUBLIC } from '../platform/http/access.js';
import { render, pageContext } from '../platform/http/render.js';
import { clientIp } from '../platform/http/security.js';
import { RateLimiter } from '../platform/http/rate-limit.js';
import { cachedPage, cachedSearch, keepPage, catalogueIndex, parisToday, pageCache, type CachedPage, type CatalogueIndex } from './catalogue.index.js';
import { etagMatches } from '../opendata/http.js';
import { labelByNumber } from './catalogue.store.js';
import { parseSearch, PARAMS, PAGE_SIZE, type SearchHit, type CatalogueEntry } from './search.js';
import { labelVerdict, normaliseLabelNumber } from './label-check.js';
import { SearchPage } from './views/search-page.js';
import { TrainingPage, TrainingGonePage } from './views/training-page.js';
import { CheckFormPage, CheckResultPage } from './views/check-pages.js';
import { MapPage } from './views/map-page.js';
import { checkPath, trainingPath } from './views/format.js';

/**
 * Renders a public page (`build` may be async: it runs only on a miss); for an anonymous visitor
 * without a flash message the HTML depends only on the URL and the data version, so it is kept in
 * the index's page cache as bytes (and gzipped bytes) with an ETag: a hit costs no rendering and no
 * query, a revalidation with If-None-Match gets a 304. A page built while the data changed is sent
 * but not kept.
 */
export async function renderPublic(c: Context<AppEnv>, index: CatalogueIndex, key: string, build: () => unknown, status = 200): Promise<Response> {
  const ctx = pageContext(c);
  const cache = !ctx.actor && !ctx.flash && status === 200 ? pageCache(c.get('deps'), index) : null;
  if (!cache) return render(c, await build(), status);
  let page = cache.get(key);
  if (!page) {
    page = cachedPage(`<!DOCTYPE html>${await ((await build()) as { toString(): string | Promise<string> }).toString()}`);
    if (pageCache(c.get('deps'), index) === cache) keepPage(cache, key, page);
  }
  return sendCachedPage(c, page);
}

/** Sends a cached page or API answer: 304 when the client has it, gzipped when it accepts gzip. */
export function sendCachedPage(c: Context<AppEnv>, page: CachedPage, type = 'text/html', cacheControl = 'private, no-cache'): Response {
  // HTML for anonymous visitors only: a browser may keep it but must revalidate, a shared cache must tell cookies apart.
  c.header('Cache-Control', cacheControl);
  c.header('Vary', type === 'text/html' ? 'Cookie, Accept-Encoding' : 'Accept-Encoding');
  c.header('ETag', page.etag);
  if (etagMatches(c.req.header('If-None-Match'), page.etag)) return c.body(null, 304);
  c.header('Content-Type', `${type}; charset=UTF-8`);
  if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip');
    return c.body(page.gzip as Uint8Array<ArrayBuffer>, 200);
  }
  return c.body(page.html as Uint8Array<ArrayBuffer>, 200);
}

const queryOf = (c: Context<AppEnv>) => Object.fromEntries(PARAMS.map((k) => [k, c.req.query(k)]));

/** Job families present in the catalogue, for the filter. */
function familiesIn(entries: CatalogueEntry[]) {
  const m = new Map<string, string>();
  for (const e of entries) if (e.family) m.set(e.family.code, e.family.title);
  return [...m].map(([code, title]) => ({ code, title })).sort((a, b) => a.code.localeCompare(b.code));
}

/** A search hit as the API gives it (field names are a public contract). */
export function apiHit(h: SearchHit, baseUrl: string) {
  const e = h.entry;
  return {
    number: e.number, title: e.title, url: `${baseUrl}${trainingPath(e.number)}`, labelCheckUrl: `${baseUrl}${checkPath(e.number)}`,
    organisation: { name: e.organisation.name, siret: e.organisation.siret },
    family: e.family, certification: e.cert, modalities: e.modalities, workStudy: e.workStudy,
    durationHours: e.duration.totalHours, durationMonths: e.duration.months,
    places: e.places.map((p) => ({ name: p.name, postcode: p.postcode, city: p.city, communeCode: p.communeCode, departement: p.departement, region: p.region, lat: p.lat, lon: p.lon, qpv: p.qpv === undefined ? null : p.qpv, qpvKnown: p.qpv !== undefined })),
    nextSession: h.nextSession ? { start: h.nextSession.start, end: h.nextSession.end, places: h.nextSession.places, placesLeft: h.nextSession.placesLeft, city: h.nextSession.place?.city ?? null, provisional: h.nextSession.provisional } : null,
    distanceKm: h.distanceKm === null ? null : Math.round(h.distanceKm * 10) / 10,
    validFrom: e.validFrom, validUntil: e.validUntil,
  };
}

/** QR codes of the label check pages, cached. */
const qrCache = new Map<string, Promise<string>>();
function qrDataUrl(url: string): Promise<string> {
  let p = qrCache.get(url);
  if (!p) {
    p = QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 160 });
    if (qrCache.size > 10_000) qrCache.clear();
    qrCache.set(url, p);
  }
  return p;
}

function registerApi(r: Parameters<Module>[0], deps: AppDeps) {
  const limiter = new RateLimiter(deps.config.API_RATE_PER_MINUTE, 60_000);
  r.get('/api/v1/formations', PUBLIC, async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    const d = limiter.hit(clientIp(c, deps.config.TRUST_PROXY));
    c.header('X-RateLimit-Remaining', String(d.remaining));
    if (!d.allowed) {
      c.header('Retry-After', String(d.retryAfterSeconds));
      return c.json({ error: `Trop de requêtes : réessayez dans ${d.retryAfterSeconds} secondes.` }, 429);
    }
    const { query, errors } = parseSearch(queryOf(c));
    const [field, message] = Object.entries(errors)[0] ?? [];
    if (field) return c.json({ error: message, field }, 400);
    const { index, result, key } = await cachedSearch(deps, query);
    // The same answer for the same version and query: serialised once, then sent as bytes.
    const cache = pageCache(deps, index);
    let page = cache?.get(`api|${key}`);
    if (!page) {
      page = cachedPage(JSON.stringify({
        total: result.total, page: result.page, pages: result.pages, pageSize: PAGE_SIZE,
        results: result.hits.map((h) => apiHit(h, deps.config.baseUrl)),
        facets: result.facets,
      }));
      if (cache) keepPage(cache, `api|${key}`, page);
    }
    return sendCachedPage(c, page, 'application/json', 'public, max-age=0, must-revalidate');
  }, { api: true });
}

/** The catalogue's routes. */
export const catalogueModule: Module = (r, deps) => {
  r.get('/formations', PUBLIC, async (c) => {
    const { query, errors } = parseSearch(queryOf(c));
    const { index, result, key } = await cachedSearch(deps, query);
    return renderPublic(c, index, `recherche|${key}`, () => <SearchPage ctx={pageContext(c)} query={query} result={result} errors={errors} families={familiesIn(index.entries)} />, Object.keys(errors).length > 0 ? 422 : 200);
  });

  r.get('/formations/carte', PUBLIC, async (c) => {
    const level = c.req.query('niveau') === 'departements' ? 'departements' : 'regions';
    const { index, result } = await cachedSearch(deps, parseSearch({}).query);
    return renderPublic(c, index, `carte|${level}`, () => <MapPage ctx={pageContext(c)} level={level} counts={level === 'regions' ? result.facets.region : result.facets.departement} total={result.total} />);
  });

  r.get('/formations/:number', PUBLIC, async (c) => {
    const raw = c.req.param('number') ?? '';
    const number = normaliseLabelNumber(raw);
    if (number && number !== raw) return c.redirect(trainingPath(number), 301);
    const index = await catalogueIndex(deps);
    const entry = number ? index.byNumber.get(number) : undefined;
    if (!entry) return render(c, <TrainingGonePage ctx={pageContext(c)} number={number ?? raw.slice(0, 30)} />, 404);
    const qr = await qrDataUrl(`${deps.config.baseUrl}${checkPath(entry.number)}`);
    return renderPublic(c, index, `fiche|${entry.number}`, () => <TrainingPage ctx={pageContext(c)} entry={entry} today={index.today} baseUrl={deps.config.baseUrl} qrDataUrl={qr} />);
  });

  r.get('/labels/verifier', PUBLIC, (c) => {
    const typed = c.req.query('numero');
    if (typed === undefined) return render(c, <CheckFormPage ctx={pageContext(c)} value="" />);
    const number = normaliseLabelNumber(typed);
    if (!number) {
      const error = typed.trim() ? 'Le numéro de label s’écrit GEN, l’année puis 4 chiffres, par exemple GEN-2021-0007.' : 'Saisissez le numéro du label.';
      return render(c, <CheckFormPage ctx={pageContext(c)} value={typed.slice(0, 30)} error={error} />, 422);
    }
    return c.redirect(checkPath(number), 303);
  });

  r.get('/labels/verifier/:number', PUBLIC, async (c) => {
    const raw = c.req.param('number') ?? '';
    const number = normaliseLabelNumber(raw);
    if (number && number !== raw) return c.redirect(checkPath(number), 301);
    const label = number ? await labelByNumber(deps.database.db, number) : null;
    const today = parisToday(deps.now());
    const verdict = label ? labelVerdict(label, today) : null;
    const inCatalogue = !!(number && verdict?.valid && (await catalogueIndex(deps)).byNumber.has(number));
    c.header('Cache-Control', 'no-cache');
    return render(c, <CheckResultPage ctx={pageContext(c)} number={number ?? raw.slice(0, 30)} label={label} verdict={verdict} inCatalogue={inCatalogue} />, label ? 200 : 404);
  });

  registerApi(r, deps);
};
