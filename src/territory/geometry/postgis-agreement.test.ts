import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { buildIndex } from './spatial-index.js';
import { parseGeometry, toWkt, type Surface } from './geojson.js';
import { loadBanLabels, loadShippedQpv, probePoints, seededRandom } from '../territory.fixtures.js';

const POSTGIS_URL = process.env.POSTGIS_URL;
const CHUNK = 50_000;
const NEEDS_POSTGIS = 'POSTGIS_URL absent : ces comparaisons tournent dans npm run test:pg (ou scripts/pg-throwaway.sh start 55433 /tmp/pgx puis POSTGIS_URL=postgres://postgres@127.0.0.1:55433/postgres)';

/** Loads zones into a temporary table and returns, for each point, the codes PostGIS finds (in zone order). */
async function postgisCodes(client: pg.Client, zones: { code: string; polygons: Surface }[], xs: number[], ys: number[]): Promise<Map<number, string>> {
  await client.query('DROP TABLE IF EXISTS agreement_qpv, agreement_points');
  await client.query('CREATE TEMP TABLE agreement_qpv (ord int, code text, geom geometry(MultiPolygon, 4326))');
  for (const [ord, zone] of zones.entries()) {
    await client.query('INSERT INTO agreement_qpv VALUES ($1, $2, ST_GeomFromText($3, 4326))', [ord, zone.code, toWkt(zone.polygons)]);
  }
  await client.query('CREATE INDEX ON agreement_qpv USING gist (geom)');
  await client.query('CREATE TEMP TABLE agreement_points (id int, geom geometry(Point, 4326))');
  for (let start = 0; start < xs.length; start += CHUNK) {
    await client.query(
      `INSERT INTO agreement_points SELECT $3::int + i::int - 1, ST_SetSRID(ST_MakePoint(x, y), 4326)
       FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(x, y, i)`,
      [xs.slice(start, start + CHUNK), ys.slice(start, start + CHUNK), start],
    );
  }
  await client.query('ANALYZE agreement_points');
  const { rows } = await client.query<{ id: number; codes: string }>(
    `SELECT p.id, string_agg(q.code, ',' ORDER BY q.ord) AS codes
     FROM agreement_points p JOIN agreement_qpv q ON ST_Intersects(q.geom, p.geom) GROUP BY p.id`,
  );
  return new Map(rows.map((r) => [r.id, r.codes]));
}

function surface(geometry: unknown): Surface {
  const parsed = parseGeometry(geometry);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.polygons;
}

/** Synthetic zones with what Paris lacks: holes, islands, shared edges, long thin shapes. */
function syntheticZones(): { code: string; polygons: Surface }[] {
  const random = seededRandom(99);
  const star = (cx: number, cy: number, radius: number, n: number, reverse = false) => {
    const ring: number[][] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n, r = radius * (0.35 + 0.65 * random());
      ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    return reverse ? ring.reverse() : ring;
  };
  const zones = [
    { code: 'CARRE_G', polygons: surface({ type: 'Polygon', coordinates: [[[2.3, 48.8], [2.31, 48.8], [2.31, 48.81], [2.3, 48.81], [2.3, 48.8]]] }) },
    { code: 'CARRE_D', polygons: surface({ type: 'Polygon', coordinates: [[[2.31, 48.8], [2.32, 48.8], [2.32, 48.81], [2.31, 48.81], [2.31, 48.8]]] }) },
    { code: 'ILES', polygons: surface({ type: 'MultiPolygon', coordinates: [[star(2.35, 48.85, 0.01, 50), star(2.35, 48.85, 0.003, 20, true)], [star(2.35, 48.85, 0.0015, 12)]] }) },
    { code: 'FIL', polygons: surface({ type: 'Polygon', coordinates: [[[2.25, 48.83], [2.45, 48.8301], [2.45, 48.8302], [2.25, 48.83], ]] }) },
  ];
  for (let k = 0; k < 20; k++) {
    const cx = 2.25 + random() * 0.2, cy = 48.82 + random() * 0.08;
    zones.push({ code: `ETOILE_${k}`, polygons: surface({ type: 'Polygon', coordinates: [star(cx, cy, 0.008, 30 + k * 10), star(cx, cy, 0.002, 10, true)] }) });
  }
  return zones;
}

test('l\'index et PostGIS ST_Intersects donnent les mêmes quartiers sur des centaines de milliers de points', { timeout: 300_000 }, async (t) => {
  assert.ok(POSTGIS_URL, NEEDS_POSTGIS);
  const zones = loadShippedQpv('qpv2024_paris.geojson', 'qpv-2024');
  const index = buildIndex(zones.map((zone, ord) => ({ ...zone, ord })));
  const probes = probePoints(zones, 100_000, 11);
  const xs: number[] = [], ys: number[] = [];
  for (let k = 0; k < probes.length; k += 2) xs.push(probes[k]!), ys.push(probes[k + 1]!);
  const labels = loadBanLabels();
  for (const p of labels ?? []) xs.push(p.lon), ys.push(p.lat);
  t.diagnostic(`${xs.length} points (${labels ? 'avec' : 'sans'} les adresses BAN)`);

  const client = new pg.Client({ connectionString: POSTGIS_URL });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
    const postgis = await postgisCodes(client, zones, xs, ys);
    const { rows: vertexRows } = await client.query<{ n: string }>('SELECT sum(ST_NPoints(geom))::text AS n FROM agreement_qpv');
    const vertexCount = zones.reduce((n, z) => n + z.polygons.flat().reduce((m, r) => m + r.length / 2, 0), 0);
    assert.equal(Number(vertexRows[0]!.n), vertexCount);
    const { rows: roundTrip } = await client.query<{ bad: string }>(
      'SELECT count(*)::text AS bad FROM agreement_points WHERE id < 3 AND (ST_X(geom), ST_Y(geom)) NOT IN (($1::float8, $2::float8), ($3::float8, $4::float8), ($5::float8, $6::float8))',
      [xs[0], ys[0], xs[1], ys[1], xs[2], ys[2]],
    );
    assert.equal(roundTrip[0]!.bad, '0');
    const disagreements: string[] = [];
    let inside = 0;
    for (let i = 0; i < xs.length; i++) {
      const mine = index.lookupAll(xs[i]!, ys[i]!).map((z) => z.code).join(',');
      const theirs = postgis.get(i) ?? '';
      if (mine !== '') inside++;
      if (mine !== theirs) disagreements.push(`(${xs[i]}, ${ys[i]}) index « ${mine} » PostGIS « ${theirs} »`);
    }
    t.diagnostic(`${inside} points dans au moins un QPV, ${disagreements.length} désaccords`);
    assert.deepEqual(disagreements.slice(0, 10), []);
  } finally {
    await client.end();
  }
});

test('sur des trous, des îles, des bords partagés et une zone filiforme, l\'index et PostGIS concordent', { timeout: 300_000 }, async (t) => {
  assert.ok(POSTGIS_URL, NEEDS_POSTGIS);
  const zones = syntheticZones();
  const index = buildIndex(zones);
  const probes = probePoints(zones.map((z) => ({ ...z, name: '', communeCode: null, communeName: '', departementCode: null })), 100_000, 5);
  const xs: number[] = [], ys: number[] = [];
  for (let k = 0; k < probes.length; k += 2) xs.push(probes[k]!), ys.push(probes[k + 1]!);
  const client = new pg.Client({ connectionString: POSTGIS_URL });
  await client.connect();
  try {
    const postgis = await postgisCodes(client, zones, xs, ys);
    let disagreements = 0, shared = 0;
    for (let i = 0; i < xs.length; i++) {
      const mine = index.lookupAll(xs[i]!, ys[i]!).map((z) => z.code).join(',');
      if (mine.includes(',')) shared++;
      if (mine !== (postgis.get(i) ?? '')) disagreements++;
    }
    t.diagnostic(`${xs.length} points, ${shared} dans plusieurs zones, ${disagreements} désaccords`);
    assert.equal(disagreements, 0);
    assert.ok(shared > 0, 'des points sur le bord commun des deux carrés');
  } finally {
    await client.end();
  }
});
