import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGeometry, type Surface } from './geojson.js';
import { surfaceIntersectsPoint } from './point-in-polygon.js';
import { buildIndex } from './spatial-index.js';

function surface(geometry: unknown): Surface {
  const result = parseGeometry(geometry);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.polygons;
}

const donut = surface({
  type: 'Polygon',
  coordinates: [
    [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
    [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]],
  ],
});
const islands = surface({
  type: 'MultiPolygon',
  coordinates: [
    [[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]],
    [[[12, 0], [13, 0], [12.5, 1], [12, 0]]],
  ],
});
const index = buildIndex([{ polygons: donut, code: 'DONUT' }, { polygons: islands, code: 'ILES' }]);
const code = (x: number, y: number) => index.lookup(x, y)?.code ?? null;

test('un point dans la couronne est dedans, un point dans le trou est dehors', () => {
  assert.equal(code(0.5, 0.5), 'DONUT');
  assert.equal(code(2, 2), null);
  assert.equal(code(5, 5), null);
});

test('un point sur le bord extérieur, sur un sommet ou sur le bord du trou compte comme dedans', () => {
  assert.equal(code(0, 2), 'DONUT');
  assert.equal(code(4, 4), 'DONUT');
  assert.equal(code(1, 2), 'DONUT');
  assert.equal(code(3, 3), 'DONUT');
  assert.equal(code(2, 1), 'DONUT');
});

test('chaque polygone d\'un MultiPolygon est trouvé, et l\'espace entre eux est dehors', () => {
  assert.equal(code(10.5, 0.5), 'ILES');
  assert.equal(code(12.5, 0.5), 'ILES');
  assert.equal(code(11.5, 0.5), null);
  assert.equal(code(12.25, 0.5), 'ILES');
  assert.equal(code(12.75, 0.5), 'ILES');
});

test('des coordonnées non finies ou hors limites ne trouvent rien', () => {
  for (const [x, y] of [[NaN, 1], [1, Infinity], [500, 1], [1, -100]]) assert.equal(index.lookup(x!, y!), null);
});

test('deux zones qui partagent un bord sont toutes deux rendues par lookupAll sur ce bord', () => {
  const left = surface({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
  const right = surface({ type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] });
  const pair = buildIndex([{ polygons: left, id: 'G' }, { polygons: right, id: 'D' }]);
  assert.deepEqual(pair.lookupAll(1, 0.5).map((f) => f.id), ['G', 'D']);
  assert.equal(pair.lookup(1, 0.5)?.id, 'G');
  assert.deepEqual(pair.lookupAll(1.5, 0.5).map((f) => f.id), ['D']);
});

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function star(random: () => number, cx: number, cy: number, radius: number, n: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (0.3 + 0.7 * random());
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle) * 0.7]);
  }
  ring.push(ring[0]!);
  return ring;
}

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

test('sur des polygones aléatoires, l\'index donne la même réponse que la référence exhaustive', () => {
  const random = mulberry32(42);
  const features = Array.from({ length: 30 }, (_, i) => {
    const cx = 2.25 + random() * 0.2, cy = 48.8 + random() * 0.1;
    const outer = star(random, cx, cy, 0.004 + random() * 0.01, 20 + Math.floor(random() * 200));
    const hole = star(random, cx, cy, 0.001, 12).reverse();
    return { polygons: surface({ type: 'Polygon', coordinates: [outer, hole] }), i };
  });
  const idx = buildIndex(features);
  const probes: number[][] = [];
  for (let k = 0; k < 40_000; k++) probes.push([2.24 + random() * 0.23, 48.79 + random() * 0.13]);
  for (const f of features) {
    for (const ring of f.polygons[0]!) {
      for (let i = 0; i + 3 < ring.length; i += 2) {
        probes.push([ring[i]!, ring[i + 1]!], [(ring[i]! + ring[i + 2]!) / 2, (ring[i + 1]! + ring[i + 3]!) / 2]);
        probes.push([ring[i]! + 1e-12, ring[i + 1]!], [ring[i]!, ring[i + 1]! - 1e-15]);
      }
    }
  }
  let mismatches = 0, evenOddMismatches = 0;
  for (const [x, y] of probes) {
    const expected = features.filter((f) => surfaceIntersectsPoint(f.polygons, x!, y!)).map((f) => f.i);
    const got = idx.lookupAll(x!, y!).map((f) => f.i);
    if (expected.join() !== got.join()) mismatches++;
  }
  for (const [x, y] of probes.slice(0, 40_000)) {
    const expected = features.filter((f) => evenOdd(f.polygons, x!, y!)).map((f) => f.i);
    if (expected.join() !== idx.lookupAll(x!, y!).map((f) => f.i).join()) evenOddMismatches++;
  }
  assert.equal(mismatches, 0);
  assert.equal(evenOddMismatches, 0);
  assert.ok(idx.stats().boundaryCells < idx.stats().cells / 2);
});
