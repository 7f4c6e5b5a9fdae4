/**
 * Builds the catalogue's shipped geography (run once, output committed under assets/geo/):
 * - `communes_centres_2020.csv`: one line per INSEE commune code with its name, postcodes and centre
 *   (mean of La Poste's points for that code), from `laposte_hexasmal.csv`;
 * - `france_map_2018.json`: région and département outlines of metropolitan France, projected to SVG
 *   coordinates and rounded, from the "version simplifiée" files of france-geojson 2018.
 * Usage: node --import tsx src/catalogue/cli/build-assets.ts [../shared/data]
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRing, MAP_WIDTH, MAP_HEIGHT } from '../map-projection.js';

const shared = path.resolve(process.argv[2] ?? '../shared/data');
const out = path.resolve('assets/geo');

// 1. Commune centres.
const rows = fs.readFileSync(path.join(shared, 'codes-postaux-laposte-2020/laposte_hexasmal.csv'), 'utf8').split(/\r?\n/).slice(1);
const byCode = new Map<string, { name: string; postcodes: Set<string>; lat: number[]; lon: number[] }>();
for (const line of rows) {
  if (!line) continue;
  const [code, name, postcode, , , gps] = line.split(';');
  if (!code || !name) continue;
  const e = byCode.get(code) ?? { name, postcodes: new Set<string>(), lat: [], lon: [] };
  if (postcode) e.postcodes.add(postcode);
  const m = /^(-?[\d.]+),(-?[\d.]+)$/.exec(gps ?? '');
  if (m) { e.lat.push(Number(m[1])); e.lon.push(Number(m[2])); }
  byCode.set(code, e);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const lines = ['insee;nom;codes_postaux;lat;lon'];
for (const [code, e] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
  if (e.lat.length === 0) continue;
  lines.push(`${code};${e.name};${[...e.postcodes].sort().join(' ')};${mean(e.lat).toFixed(4)};${mean(e.lon).toFixed(4)}`);
}
fs.writeFileSync(path.join(out, 'communes_centres_2020.csv'), lines.join('\n') + '\n');
console.log(`communes: ${lines.length - 1}`);

// 2. Map outlines.
type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
function paths(file: string) {
  const g = JSON.parse(fs.readFileSync(path.join(shared, 'france-geojson-2018', file), 'utf8')) as { features: { properties: { code: string; nom: string }; geometry: Geometry }[] };
  return g.features.map((f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const d = polys.flatMap((p) => p.map((ring) => projectRing(ring as [number, number][]))).filter(Boolean).join('');
    return { code: f.properties.code, name: f.properties.nom, d };
  }).sort((a, b) => a.code.localeCompare(b.code));
}
const map = { width: MAP_WIDTH, height: MAP_HEIGHT, regions: paths('regions-version-simplifiee.geojson'), departements: paths('departements-version-simplifiee.geojson') };
fs.writeFileSync(path.join(out, 'france_map_2018.json'), JSON.stringify(map));
console.log(`régions: ${map.regions.length}, départements: ${map.departements.length}`);
