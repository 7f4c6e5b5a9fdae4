/**
 * Benchmark: classify 1,000,000 random points of Paris against the QPV 2024 polygons, with the
 * in-process index and with PostGIS (points in a table with a GiST index, ST_Intersects join),
 * in the same run. Prints one JSON line; times are the median of 5 runs (after a warm-up), the
 * PostGIS time excludes loading and indexing the points (reported apart as postgis_load_ms). PostGIS: POSTGIS_URL, or a throwaway cluster started
 * with scripts/pg-throwaway.sh (and stopped at the end).
 *   node --import tsx bench/territory-points.ts [--points 1000000]
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { toWkt } from '../src/territory/geometry/geojson.js';
import { buildIndex } from '../src/territory/geometry/spatial-index.js';
import { loadShippedQpv, PARIS_BBOX, seededRandom } from '../src/territory/territory.fixtures.js';

const SCRIPT = fileURLToPath(new URL('../scripts/pg-throwaway.sh', import.meta.url));
const CLUSTER_DIR = '/tmp/label-gen-bench-pg';
const CLUSTER_PORT = '55434';
const CHUNK = 100_000;
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (v: number) => Math.round(v * 10) / 10;

function argPoints(): number {
  const at = process.argv.indexOf('--points');
  const n = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
  if (!Number.isInteger(n) || n < 1) throw new Error('--points doit être un entier positif');
  return n;
}

async function main(): Promise<void> {
  const count = argPoints();
  const zones = loadShippedQpv('qpv2024_paris.geojson', 'qpv-2024').map((z, ord) => ({ ...z, ord }));
  const random = seededRandom(1);
  const xs = new Float64Array(count), ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    xs[i] = PARIS_BBOX.minX + random() * (PARIS_BBOX.maxX - PARIS_BBOX.minX);
    ys[i] = PARIS_BBOX.minY + random() * (PARIS_BBOX.maxY - PARIS_BBOX.minY);
  }

  let t0 = performance.now();
  const index = buildIndex(zones);
  const buildMs = performance.now() - t0;
  const mine = new Int16Array(count).fill(-1);
  for (let i = 0; i < count; i++) mine[i] = index.lookup(xs[i]!, ys[i]!)?.ord ?? -1;
  const indexRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    t0 = performance.now();
    for (let i = 0; i < count; i++) mine[i] = index.lookup(xs[i]!, ys[i]!)?.ord ?? -1;
    indexRuns.push(performance.now() - t0);
  }
  const indexMs = median(indexRuns);
  const insideIndex = mine.reduce((n, v) => n + (v >= 0 ? 1 : 0), 0);

  const result: Record<string, unknown> = {
    name: 'territory-points',
    points: count,
    features: zones.length,
    edges: index.stats().edges,
    index_build_ms: round(buildMs),
    index_ms: round(indexMs),
    index_runs_ms: indexRuns.map(round),
    index_best_ms: round(Math.min(...indexRuns)),
    index_points_per_s: Math.round((count / indexMs) * 1000),
    index_ns_per_point: round((indexMs * 1e6) / count),
    inside: insideIndex,
  };

  let url = process.env.POSTGIS_URL;
  let started = false;
  try {
    if (!url) {
      url = execFileSync(SCRIPT, ['start', CLUSTER_PORT, CLUSTER_DIR], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      started = true;
    }
    Object.assign(result, await runPostgis(url, zones, xs, ys, mine));
  } catch (error) {
    result.postgis_error = (error as Error).message.split('\n')[0];
  } finally {
    if (started) execFileSync(SCRIPT, ['stop', CLUSTER_DIR], { stdio: 'ignore' });
  }
  if (typeof result.postgis_ms === 'number') {
    result.ratio = round((result.postgis_ms as number) / indexMs);
    result.ratio_best = round((result.postgis_best_ms as number) / Math.min(...indexRuns));
  }
  result.load_average = os.loadavg().map((v) => round(v));
  result.cpus = os.cpus().length;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function runPostgis(
  url: string,
  zones: { code: string; ord: number; polygons: Parameters<typeof toWkt>[0] }[],
  xs: Float64Array,
  ys: Float64Array,
  mine: Int16Array,
): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: version } = await client.query<{ v: string }>('SELECT postgis_lib_version() AS v');
    await client.query('CREATE TEMP TABLE bench_qpv (ord int, code text, geom geometry(MultiPolygon, 4326))');
    for (const z of zones) await client.query('INSERT INTO bench_qpv VALUES ($1, $2, ST_GeomFromText($3, 4326))', [z.ord, z.code, toWkt(z.polygons)]);
    await client.query('CREATE INDEX ON bench_qpv USING gist (geom)');
    let t0 = performance.now();
    await client.query('CREATE TEMP TABLE bench_points (id int, geom geometry(Point, 4326))');
    for (let start = 0; start < xs.length; start += CHUNK) {
      await client.query(
        `INSERT INTO bench_points SELECT $3::int + i::int - 1, ST_SetSRID(ST_MakePoint(x, y), 4326)
         FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(x, y, i)`,
        [Array.from(xs.subarray(start, start + CHUNK)), Array.from(ys.subarray(start, start + CHUNK)), start],
      );
    }
    await client.query('CREATE INDEX ON bench_points USING gist (geom)');
    await client.query('ANALYZE bench_points; ANALYZE bench_qpv');
    const loadMs = performance.now() - t0;
    const join = 'SELECT p.id, q.ord FROM bench_points p JOIN bench_qpv q ON ST_Intersects(q.geom, p.geom)';
    const runs: number[] = [];
    let rows: { id: number; ord: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      t0 = performance.now();
      rows = (await client.query<{ id: number; ord: number }>(join)).rows;
      runs.push(performance.now() - t0);
    }
    const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${join}`);
    const theirs = new Int16Array(xs.length).fill(-1);
    for (const r of rows) if (theirs[r.id] === -1 || r.ord < theirs[r.id]!) theirs[r.id] = r.ord;
    let disagreements = 0;
    for (let i = 0; i < xs.length; i++) if (theirs[i] !== mine[i]) disagreements++;
    const postgisMs = median(runs);
    return {
      postgis_ms: round(postgisMs),
      postgis_runs_ms: runs.map(round),
      postgis_best_ms: round(Math.min(...runs)),
      postgis_points_per_s: Math.round((xs.length / postgisMs) * 1000),
      postgis_load_ms: round(loadMs),
      postgis_inside: new Set(rows.map((r) => r.id)).size,
      disagreements,
      postgis: `PostGIS ${version[0]!.v}`,
      postgis_plan: plan.map((p) => p['QUERY PLAN'].trim()).filter((l) => /Join|Scan|Loop/.test(l)).map((l) => l.replace(/\s+\(cost.*$/, '')),
    };
  } finally {
    await client.end();
  }
}

await main();
