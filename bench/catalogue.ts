/**
 * Catalogue benchmark: 5,000 labelled trainings and 20,000 sessions over real communes
 * (synthetic, src/catalogue/synthetic.ts), then requests per second and p95 latency of the search
 * page, a training page, the map and the API, against a bare Hono route measured in the same run.
 * Also measures the index build and uncached searches (distinct queries, no answer cache).
 *
 *   node --import tsx bench/catalogue.ts [--seconds 5] [--concurrency 20] [--trainings 5000] [--sessions 20000]
 *
 * Prints one JSON line: {name, database, trainings, sessions, index_build_ms (first, with the geography
 * tables), index_rebuild_after_change_ms and index_rebuild:{kind, labels} (one session changed: only its
 * label's entry is rebuilt), uncached_search:{p50_ms,p95_ms},
 * baseline, results:[{route, rps, p50_ms, p95_ms, ratio_vs_baseline, errors, same_bytes_rps (a bare route
 * sending the same bytes, measured right after), ratio_vs_same_bytes}]}.
 */
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { serve } from '@hono/node-server';
import { createTestApp } from '../src/platform/testing/harness.js';
import { seedCall2021 } from '../src/calls/seed.js';
import { seedSyntheticCatalogue } from '../src/catalogue/synthetic.js';
import { settleCatalogue, catalogueIndex, lastBuild } from '../src/catalogue/catalogue.index.js';
import { parseSearch, search } from '../src/catalogue/search.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const v = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} doit être un nombre positif`);
  return v;
}
const SECONDS = arg('seconds', 5);
const CONCURRENCY = Math.round(arg('concurrency', 20));
const TRAININGS = Math.round(arg('trainings', 5000));
const SESSIONS = Math.round(arg('sessions', 20000));
const WARMUP_MS = 1000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, concurrency, warmupMs, durationMs } = workerData;
(async () => {
  const hit = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { redirect: 'manual' });
    await res.arrayBuffer();
    return { ms: performance.now() - t0, ok: res.status >= 200 && res.status < 300 };
  };
  const loop = async (until, record) => {
    while (performance.now() < until) {
      try { const r = await hit(); if (record) record(r); } catch { if (record) record({ ms: 0, ok: false }); }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => loop(performance.now() + warmupMs, null)));
  const lat = []; let errors = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => loop(start + durationMs, (r) => { if (r.ok) lat.push(r.ms); else errors++; })));
  parentPort.postMessage({ latencies: lat, errors, elapsed: performance.now() - start });
})();
`;

const r2 = (v: number) => Math.round(v * 100) / 100;
const pct = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);

async function measure(route: string, url: string) {
  const check = await fetch(url, { redirect: 'manual' });
  if (check.status !== 200) throw new Error(`${route} répond ${check.status} au lieu de 200 : mesure annulée`);
  await check.arrayBuffer();
  const result = await new Promise<{ latencies: number[]; errors: number; elapsed: number }>((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { url, concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: SECONDS * 1000 } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  const sorted = Float64Array.from(result.latencies).sort();
  return { route, rps: Math.round(result.latencies.length / (result.elapsed / 1000)), p50_ms: r2(pct(sorted, 0.5)), p95_ms: r2(pct(sorted, 0.95)), errors: result.errors };
}

function listen(fetchFn: (req: Request) => Response | Promise<Response>): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchFn, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }));
  });
}

const t = await createTestApp({ env: { API_RATE_PER_MINUTE: '100000' } });
try {
  const db = t.deps.database.db;
  await db.transaction((tx) => seedCall2021(tx));
  const seeded = await db.transaction((tx) => seedSyntheticCatalogue(tx, { trainings: TRAININGS, sessions: SESSIONS, now: t.deps.now(), callSlug: 'appel-2021' }));
  const t0 = performance.now();
  await catalogueIndex(t.deps);
  const indexBuildMs = performance.now() - t0;
  const index = await settleCatalogue(t.deps);
  // A change (one session moved) bumps the data version: time the rebuild a request then waits for
  // (only the changed label's entry is rebuilt).
  await db.execute(sql`update training_sessions set planned_start = planned_start where id = (select id from training_sessions limit 1)`);
  const r0 = performance.now();
  await catalogueIndex(t.deps);
  const indexRebuildMs = performance.now() - r0;
  const rebuild = lastBuild(t.deps);

  // Uncached searches: distinct queries straight on the index.
  const words = ['développeuse', 'réseaux', 'data', 'cybersécurité', 'designer', 'support', 'web', 'médiatrice', 'projet', 'e-commerce'];
  const places = ['Lyon', 'Marseille', 'Lille', 'Rennes', 'Toulouse', 'Bordeaux', 'Nantes', 'Strasbourg', 'Montpellier', 'Nice'];
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const { query } = parseSearch({ q: words[i % words.length], commune: places[(i * 7) % places.length], rayon: String(10 + (i % 5) * 10), tri: i % 2 ? 'distance' : 'session', page: String(1 + (i % 3)) });
    const s0 = performance.now();
    search(index.entries, query, index.today);
    times.push(performance.now() - s0);
  }
  const sortedTimes = Float64Array.from(times).sort();

  const bare = new Hono();
  bare.get('/hello', (c) => c.text('hello'));
  // A bare route sending the same bytes as the search page (gzipped when asked, like the page):
  // what is left between the two is the platform's own cost, not the size of the page.
  const copies: { body: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer>; type: string }[] = [];
  bare.get('/copie/:i', (c) => {
    const copy = copies[Number(c.req.param('i'))]!;
    return /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
      ? c.body(copy.gzip, 200, { 'Content-Type': copy.type, 'Content-Encoding': 'gzip' })
      : c.body(copy.body, 200, { 'Content-Type': copy.type });
  });
  const appServer = await listen(t.app.fetch);
  const baselineServer = await listen(bare.fetch);
  try {
    const routes: [string, string][] = [
      ['/formations (sans critère)', `${appServer.url}/formations`],
      ['/formations?q=développeuse&commune=Lyon&rayon=30', `${appServer.url}/formations?q=d%C3%A9veloppeuse&commune=Lyon&rayon=30`],
      [`/formations/${seeded.numbers[0]} (fiche)`, `${appServer.url}/formations/${seeded.numbers[0]}`],
      ['/formations/carte', `${appServer.url}/formations/carte`],
      ['/api/v1/formations?q=réseaux&region=84', `${appServer.url}/api/v1/formations?q=r%C3%A9seaux&region=84`],
    ];
    // The bare app also serves a copy of each route's bytes: what is left between a route and its
    // copy is the platform's own cost, not the size of the page.
    for (const [, url] of routes) {
      const res = await fetch(url);
      const body = new Uint8Array(await res.arrayBuffer());
      copies.push({ body, gzip: new Uint8Array(gzipSync(body)), type: res.headers.get('content-type') ?? 'text/html; charset=UTF-8' });
    }
    // Warm every path first (JIT of the HTTP stack and of each route), so that the route measured
    // first does not pay for the others.
    for (const url of [`${baselineServer.url}/hello`, ...routes.map(([, u], i) => [u, `${baselineServer.url}/copie/${i}`]).flat()]) {
      for (let i = 0; i < 300; i++) await (await fetch(url)).arrayBuffer();
    }
    const baseline = await measure('/hello (Hono nu, même processus)', `${baselineServer.url}/hello`);
    const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
    const results = [];
    for (const [i, [route, url]] of routes.entries()) {
      const m = await measure(route, url);
      const copy = await measure(`copie de ${route}`, `${baselineServer.url}/copie/${i}`);
      results.push({ ...m, ratio_vs_baseline: ratio(m.rps, baseline.rps), same_bytes_rps: copy.rps, ratio_vs_same_bytes: ratio(m.rps, copy.rps) });
    }
    process.stdout.write(`${JSON.stringify({
      name: 'catalogue', database: t.deps.database.kind, concurrency: CONCURRENCY, seconds: SECONDS,
      trainings: seeded.labels, sessions: seeded.sessions, index_entries: index.entries.length,
      index_build_ms: Math.round(indexBuildMs), index_rebuild_after_change_ms: Math.round(indexRebuildMs * 10) / 10,
      index_rebuild: rebuild ? { kind: rebuild.kind, labels: rebuild.labels } : null,
      uncached_search: { queries: times.length, p50_ms: r2(pct(sortedTimes, 0.5)), p95_ms: r2(pct(sortedTimes, 0.95)) },
      baseline_rps: baseline.rps, baseline, results,
    })}\n`);
  } finally {
    baselineServer.close();
    appServer.close();
  }
} finally {
  await t.close();
}
