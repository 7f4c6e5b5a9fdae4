/**
 * Benchmark of the local geocoder: 100,000 BAN addresses typed as people type them (same generator
 * as the accuracy test), geocoded in one batch, against a named baseline run in the same process on
 * the same inputs: a naive exact-label lookup (lower-cased official label → point).
 * Usage: node --import tsx bench/geocoding.ts [count]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBanIndex } from '../src/territory/geocoding/ban-cache.js';
import { importBanCsv } from '../src/territory/geocoding/ban-import.js';
import { LocalGeocoder, PARIS_BAN_ASSET } from '../src/territory/geocoding/local-geocoder.js';
import { measureAccuracy, sampleTypedAddresses } from '../src/territory/geocoding/typed-addresses.js';
import type { GeocodeResult } from '../src/territory/geocoding/geocoder.js';

const count = Number(process.argv[2] ?? 100_000);
const heapMb = () => Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

const heapBefore = heapMb();
let started = performance.now();
await importBanCsv(PARIS_BAN_ASSET);
const indexBuildMs = performance.now() - started;

const cacheDir = await mkdtemp(join(tmpdir(), 'bench-geocoding-'));
await openBanIndex([PARIS_BAN_ASSET], { cacheDir });
started = performance.now();
const { index } = await openBanIndex([PARIS_BAN_ASSET], { cacheDir });
const cacheLoadMs = performance.now() - started;
await rm(cacheDir, { recursive: true, force: true });
(globalThis as { gc?: () => void }).gc?.();
const heapAfterLoad = heapMb();
const memory = process.memoryUsage();
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const geocoder = new LocalGeocoder(index);
const typed = sampleTypedAddresses(index, count, 2024);

started = performance.now();
const results = await geocoder.geocodeMany(typed.map(({ q }) => ({ q })));
const seconds = (performance.now() - started) / 1000;
const measure = measureAccuracy(typed, results, 30);

// Baseline: what a naive implementation does, an exact match on the official label.
started = performance.now();
const byLabel = new Map<string, { lon: number; lat: number }>();
for (const address of typed) byLabel.set(address.label.toLowerCase(), address);
const baselineResults: GeocodeResult[] = typed.map(({ q }) => {
  const hit = byLabel.get(q.trim().toLowerCase());
  if (!hit) return { status: 'not_found', address: null, candidates: [] };
  const address = { label: q, housenumber: null, street: '', postcode: '', citycode: '', city: '', lon: hit.lon, lat: hit.lat, score: 1 };
  return { status: 'found', address, candidates: [address] };
});
const baselineSeconds = (performance.now() - started) / 1000;
const baseline = measureAccuracy(typed, baselineResults, 30);

console.log(JSON.stringify({
  name: 'geocoding-local-ban-paris',
  addresses: typed.length,
  seconds: round(seconds, 3),
  per_second: Math.round(typed.length / seconds),
  accuracy_30m: round(measure.accuracy),
  statuses: { found: measure.found, ambiguous: measure.ambiguous, not_found: measure.notFound },
  index_build_ms: Math.round(indexBuildMs),
  cache_load_ms: Math.round(cacheLoadMs),
  heap_mb: heapAfterLoad,
  heap_mb_before_index: heapBefore,
  array_buffers_mb: mb(memory.arrayBuffers),
  rss_mb: mb(memory.rss),
  index: { addresses: index.addressCount, streets: index.streetCount },
  baseline: {
    name: 'exact-label-map',
    seconds: round(baselineSeconds, 3),
    per_second: Math.round(typed.length / baselineSeconds),
    accuracy_30m: round(baseline.accuracy),
  },
  ratio: {
    speed_vs_baseline: round(baselineSeconds / seconds, 4),
    accuracy_vs_baseline: baseline.accuracy === 0 ? null : round(measure.accuracy / baseline.accuracy, 2),
  },
}, null, 2));
