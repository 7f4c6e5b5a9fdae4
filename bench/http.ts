/**
 * HTTP benchmark: requests per second of the home page and of a signed-in page, against a bare
 * Hono "hello" route measured in the same run, in the same process, with the same client.
 *
 * The platform runs in this process on a loopback port, on a fresh database (PGlite from the test
 * snapshot, or PostgreSQL when TEST_DATABASE_URL is set) with the demo data. The load comes from a
 * worker thread (its own event loop, so the client does not steal the server's): a bounded loop of
 * C concurrent keep-alive fetches for S seconds per route, after a 1 s warm-up. Loopback only.
 *
 *   node --import tsx bench/http.ts [--seconds 5] [--concurrency 20]
 *
 * Prints one JSON line: {name, database, concurrency, seconds, baseline_rps, baseline, results:[{route,
 * rps, p50_ms, p99_ms, ratio_vs_baseline, errors}]}.
 */
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createTestApp, userByEmail } from '../src/platform/testing/harness.js';
import { createSession } from '../src/platform/auth/session.store.js';
import { sessionCookieName } from '../src/platform/auth/cookies.js';
import { ensureGeographies } from '../src/territory/web/reference-data.js';
import { seedCall2021 } from '../src/calls/seed.js';
import { seedDemo } from '../src/demo/seed.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const v = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} doit être un nombre positif`);
  return v;
}

const SECONDS = arg('seconds', 5);
const CONCURRENCY = Math.round(arg('concurrency', 20));
const WARMUP_MS = 1000;

/** Load loop run in a worker: C concurrent fetch loops until the deadline; latencies in ms. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, headers, concurrency, warmupMs, durationMs } = workerData;
(async () => {
  const hit = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers, redirect: 'manual' });
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
  const elapsed = performance.now() - start;
  parentPort.postMessage({ latencies: lat, errors, elapsed });
})();
`;

interface Measure { route: string; rps: number; p50_ms: number; p99_ms: number; errors: number }

async function measure(route: string, url: string, headers: Record<string, string> = {}): Promise<Measure> {
  const check = await fetch(url, { headers, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`${route} répond ${check.status} au lieu de 200 : mesure annulée`);
  await check.arrayBuffer();
  const result = await new Promise<{ latencies: number[]; errors: number; elapsed: number }>((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { url, headers, concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: SECONDS * 1000 } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  const sorted = Float64Array.from(result.latencies).sort();
  const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return {
    route,
    rps: Math.round(result.latencies.length / (result.elapsed / 1000)),
    p50_ms: r2(pct(0.5)),
    p99_ms: r2(pct(0.99)),
    errors: result.errors,
  };
}

function listen(fetchFn: (req: Request) => Response | Promise<Response>): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchFn, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() });
    });
  });
}

const t = await createTestApp({ env: { DEMO_DATA: '1', API_RATE_PER_MINUTE: '100000' } });
try {
  await t.deps.database.db.transaction((tx) => seedCall2021(tx));
  await seedDemo(t.deps);
  await ensureGeographies(t.deps.database.db);
  const user = await userByEmail(t.deps, 'porteur@demo.label-gen.fr');
  if (!user) throw new Error('compte de démonstration porteur@demo.label-gen.fr absent');
  const token = await createSession(t.deps.database.db, { userId: user.id, ttlHours: 12, now: new Date() });
  const cookie = `${sessionCookieName(t.deps.config.secureCookies)}=${token}`;

  const bare = new Hono();
  bare.get('/hello', (c) => c.text('hello'));
  const baselineServer = await listen(bare.fetch);
  const appServer = await listen(t.app.fetch);
  try {
    const baseline = await measure('/hello (Hono nu, même processus)', `${baselineServer.url}/hello`);
    const results = [
      await measure('/ (accueil)', `${appServer.url}/`),
      await measure('/organisations (connecté)', `${appServer.url}/organisations`, { cookie }),
      await measure('/compte (connecté)', `${appServer.url}/compte`, { cookie }),
      await measure('/territoire/adresse (page publique, adresse géocodée et classée)', `${appServer.url}/territoire/adresse?q=29+rue+Myrha+75018+Paris`),
      await measure('/api/v1/territoire/point (API)', `${appServer.url}/api/v1/territoire/point?lon=2.3539&lat=48.8867`),
    ].map((m) => ({ ...m, ratio_vs_baseline: Math.round((m.rps / baseline.rps) * 1000) / 1000 }));
    process.stdout.write(`${JSON.stringify({
      name: 'http',
      database: t.deps.database.kind,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      baseline_rps: baseline.rps,
      baseline,
      results,
    })}\n`);
  } finally {
    baselineServer.close();
    appServer.close();
  }
} finally {
  await t.close();
}
