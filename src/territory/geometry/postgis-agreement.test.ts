import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { buildIndex } from './spatial-index.js';
import { toWkt } from './geojson.js';
import { loadBanLabels, loadShippedQpv, probePoints } from '../territory.fixtures.js';

const POSTGIS_URL = process.env.POSTGIS_URL;
const CHUNK = 50_000;

test('l\'index et PostGIS ST_Intersects donnent les mêmes quartiers sur des centaines de milliers de points', { timeout: 300_000 }, async (t) => {
  if (!POSTGIS_URL) {
    return t.skip('POSTGIS_URL absent : comparaison avec PostGIS non faite (scripts/pg-throwaway.sh start 55433 /tmp/pgx puis POSTGIS_URL=postgres://postgres@127.0.0.1:55433/postgres)');
  }
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
    await client.query('CREATE TEMP TABLE agreement_qpv (ord int, code text, geom geometry(MultiPolygon, 4326))');
    for (const [ord, zone] of zones.entries()) {
      await client.query('INSERT INTO agreement_qpv VALUES ($1, $2, ST_GeomFromText($3, 4326))', [ord, zone.code, toWkt(zone.polygons)]);
    }
    const { rows: vertexRows } = await client.query<{ n: string }>('SELECT sum(ST_NPoints(geom))::text AS n FROM agreement_qpv');
    const vertexCount = zones.reduce((n, z) => n + z.polygons.flat().reduce((m, r) => m + r.length / 2, 0), 0);
    assert.equal(Number(vertexRows[0]!.n), vertexCount);
    await client.query('CREATE INDEX ON agreement_qpv USING gist (geom)');
    await client.query('CREATE TEMP TABLE agreement_points (id int, geom geometry(Point, 4326))');
    for (let start = 0; start < xs.length; start += CHUNK) {
      await client.query(
        `INSERT INTO agreement_points SELECT $3::int + i::int - 1, ST_SetSRID(ST_MakePoint(x, y), 4326)
         FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(x, y, i)`,
        [xs.slice(start, start + CHUNK), ys.slice(start, start + CHUNK), start],
      );
    }
    const { rows: roundTrip } = await client.query<{ bad: string }>(
      'SELECT count(*)::text AS bad FROM agreement_points WHERE id < 3 AND (ST_X(geom), ST_Y(geom)) NOT IN (($1::float8, $2::float8), ($3::float8, $4::float8), ($5::float8, $6::float8))',
      [xs[0], ys[0], xs[1], ys[1], xs[2], ys[2]],
    );
    assert.equal(roundTrip[0]!.bad, '0');
    await client.query('ANALYZE agreement_points');
    const { rows } = await client.query<{ id: number; codes: string }>(
      `SELECT p.id, string_agg(q.code, ',' ORDER BY q.ord) AS codes
       FROM agreement_points p JOIN agreement_qpv q ON ST_Intersects(q.geom, p.geom) GROUP BY p.id`,
    );
    const postgis = new Map(rows.map((r) => [r.id, r.codes]));
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
