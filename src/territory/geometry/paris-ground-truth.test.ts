import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex } from './spatial-index.js';
import { surfaceIntersectsPoint } from './point-in-polygon.js';
import { loadBanLabels, loadShippedQpv, PARIS_BBOX, probePoints, seededRandom } from '../territory.fixtures.js';
import type { Surface } from './geojson.js';

const zones = loadShippedQpv('qpv2024_paris.geojson', 'qpv-2024');
const index = buildIndex(zones);

function evenOdd(polygons: Surface, x: number, y: number): boolean {
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0; i + 3 < ring.length; i += 2) {
        const x1 = ring[i]!, y1 = ring[i + 1]!, x2 = ring[i + 2]!, y2 = ring[i + 3]!;
        if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
      }
    }
  }
  return inside;
}

test('les 158 048 adresses BAN de Paris reçoivent le QPV 2024 de la vérité terrain', (t) => {
  const labels = loadBanLabels();
  if (!labels) return t.skip('../shared/data/qpv-2024-paris absent : comparaison avec la vérité terrain BAN impossible');
  assert.equal(labels.length, 158048);
  const mismatches = labels.filter((p) => (index.lookup(p.lon, p.lat)?.code ?? '') !== p.code);
  assert.deepEqual(mismatches.slice(0, 5), []);
  assert.equal(labels.filter((p) => p.code !== '').length, 6452);
});

test('sur 100 000 points aléatoires de Paris, l\'index et la référence pair-impair exhaustive concordent', () => {
  const random = seededRandom(2024);
  let mismatches = 0, inside = 0;
  for (let k = 0; k < 100_000; k++) {
    const x = PARIS_BBOX.minX + random() * (PARIS_BBOX.maxX - PARIS_BBOX.minX);
    const y = PARIS_BBOX.minY + random() * (PARIS_BBOX.maxY - PARIS_BBOX.minY);
    const expected = zones.find((z) => evenOdd(z.polygons, x, y))?.code ?? null;
    const got = index.lookup(x, y)?.code ?? null;
    if (got !== null) inside++;
    if (expected !== got) mismatches++;
  }
  assert.equal(mismatches, 0);
  assert.ok(inside > 1000, `${inside} points en QPV`);
});

test('sommets, milieux d\'arêtes et points décalés d\'un cheveu : l\'index rejoue exactement le prédicat PostGIS', () => {
  const probes = probePoints(zones, 20_000, 7);
  let mismatches = 0;
  for (let k = 0; k < probes.length; k += 2) {
    const x = probes[k]!, y = probes[k + 1]!;
    const expected = zones.filter((z) => surfaceIntersectsPoint(z.polygons, x, y)).map((z) => z.code).join();
    if (index.lookupAll(x, y).map((z) => z.code).join() !== expected) mismatches++;
  }
  assert.equal(mismatches, 0);
});

test('chaque sommet d\'un quartier est dans ce quartier (un point du bord compte comme dedans)', () => {
  for (const zone of zones) {
    const ring = zone.polygons[0]![0]!;
    for (let i = 0; i < ring.length; i += 2) {
      assert.ok(index.lookupAll(ring[i]!, ring[i + 1]!).includes(zone), `${zone.code} sommet ${i / 2}`);
    }
  }
});

test('les points d\'exemple QPV 2015 tombent dans le quartier attendu', async () => {
  const { readFileSync } = await import('node:fs');
  const { assetPath } = await import('../shipped-data.js');
  const index2015 = buildIndex(loadShippedQpv('qpv2015_sample_polygons.geojson', 'qpv-2015'));
  const points = JSON.parse(readFileSync(assetPath('qpv2015_test_points.json'), 'utf8')) as { lon: number; lat: number; expected_code_qp: string | null }[];
  for (const p of points) assert.equal(index2015.lookup(p.lon, p.lat)?.code ?? null, p.expected_code_qp);
});
