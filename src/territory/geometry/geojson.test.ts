import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGeometry, surfaceBBox, toGeoJsonMultiPolygon, toWkt } from './geojson.js';

const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

test('un Polygon avec trou est lu comme un polygone de deux anneaux', () => {
  const hole = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]];
  const result = parseGeometry({ type: 'Polygon', coordinates: [square, hole] });
  assert.ok(result.ok);
  assert.equal(result.polygons.length, 1);
  assert.equal(result.polygons[0]!.length, 2);
  assert.deepEqual(Array.from(result.polygons[0]![0]!.slice(0, 4)), [0, 0, 1, 0]);
});

test('un MultiPolygon garde chacun de ses polygones', () => {
  const other = square.map(([x, y]) => [x! + 5, y!]);
  const result = parseGeometry({ type: 'MultiPolygon', coordinates: [[square], [other]] });
  assert.ok(result.ok);
  assert.equal(result.polygons.length, 2);
  assert.deepEqual(surfaceBBox(result.polygons), { minX: 0, minY: 0, maxX: 6, maxY: 1 });
});

test('un anneau non fermé est refusé avec un message en français', () => {
  const result = parseGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] });
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.errors[0]!, /n'est pas fermé/);
});

test('un anneau de moins de quatre positions est refusé', () => {
  const result = parseGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] });
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.errors[0]!, /au moins 4 positions/);
});

test('des coordonnées infinies, non numériques ou hors WGS84 sont refusées', () => {
  for (const bad of [[Infinity, 0], ['2', 48], [200, 48], [2, -91]]) {
    const ring = [bad, [1, 0], [1, 1], bad];
    const result = parseGeometry({ type: 'Polygon', coordinates: [ring] });
    assert.equal(result.ok, false, JSON.stringify(bad));
  }
});

test('les types autres que Polygon et MultiPolygon sont refusés', () => {
  for (const geometry of [null, { type: 'Point', coordinates: [2, 48] }, { type: 'MultiPolygon', coordinates: [] }]) {
    assert.equal(parseGeometry(geometry).ok, false);
  }
});

test('la conversion en GeoJSON et en WKT restitue les coordonnées exactes', () => {
  const x = 2.372914834726489;
  const ring = [[x, 48.1], [x + 1, 48.1], [x, 49.1], [x, 48.1]];
  const result = parseGeometry({ type: 'Polygon', coordinates: [ring] });
  assert.ok(result.ok);
  assert.deepEqual(toGeoJsonMultiPolygon(result.polygons).coordinates, [[ring]]);
  assert.equal(toWkt(result.polygons).startsWith(`MULTIPOLYGON(((${x} 48.1,`), true);
});
