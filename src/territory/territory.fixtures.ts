/** Test and benchmark fixtures: the shipped QPV files as indexable zones, and the BAN ground truth from ../shared. */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isKnownCommune } from './communes.js';
import { parseQpvGeoJson } from './import/qpv-geojson.js';
import { parseFrrCsv } from './import/frr-csv.js';
import { parseZrrCsv } from './import/zrr-csv.js';
import { assetPath, SHIPPED_GEOGRAPHIES } from './shipped-data.js';
import type { QpvZone } from './territory.js';
import type { TerritoryData } from './engine.js';

/** Paris bounding box used for random points (a little wider than the city). */
export const PARIS_BBOX = { minX: 2.22, minY: 48.81, maxX: 2.47, maxY: 48.91 } as const;

/** Location of the BAN Paris addresses labelled with their QPV 2024 (outside the repository). */
export const BAN_LABELS_PATH = new URL('../../../shared/data/qpv-2024-paris/ban75_qpv2024_labels.csv.gz', import.meta.url).pathname;

/** Reads a shipped QPV file into zones; throws (with the French messages) if it does not validate. */
export function loadShippedQpv(file: string, versionName: string): QpvZone[] {
  const result = parseQpvGeoJson(readFileSync(assetPath(file), 'utf8'), { versionName, isKnownCommune });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.where} : ${e.message}`).join('\n'));
  return result.items;
}

/** All shipped geographies parsed from assets/geo, ready for `new TerritoryEngine(data)` without a database. */
export function loadShippedTerritoryData(): TerritoryData {
  const qpvZones = new Map<string, QpvZone[]>();
  const communeStatuses = new Map<string, Map<string, string>>();
  for (const g of SHIPPED_GEOGRAPHIES) {
    if (g.kind === 'qpv') {
      qpvZones.set(g.version, loadShippedQpv(g.file, g.version));
      continue;
    }
    const text = readFileSync(assetPath(g.file), 'utf8');
    const parsed = g.kind === 'zrr' ? parseZrrCsv(text, isKnownCommune) : parseFrrCsv(text, isKnownCommune);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.where} : ${e.message}`).join('\n'));
    communeStatuses.set(g.version, new Map(parsed.items.map((c) => [c.inseeCode, c.status])));
  }
  const versions = SHIPPED_GEOGRAPHIES.map((g) => ({ name: g.version, kind: g.kind, validFrom: g.validFrom, validTo: g.validTo, source: g.source }));
  return { versions, qpvZones, communeStatuses };
}

/** One labelled address: position and the QPV code it lies in ('' when none). */
export interface LabelledPoint {
  lon: number;
  lat: number;
  code: string;
}

/** Reads the BAN ground truth, or returns null when ../shared is absent. */
export function loadBanLabels(): LabelledPoint[] | null {
  if (!existsSync(BAN_LABELS_PATH)) return null;
  const lines = gunzipSync(readFileSync(BAN_LABELS_PATH)).toString('utf8').split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.trim());
  const lonAt = header.indexOf('lon'), latAt = header.indexOf('lat'), codeAt = header.indexOf('code_qp');
  const points: LabelledPoint[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const fields = line.split(',');
    points.push({ lon: Number(fields[lonAt]), lat: Number(fields[latAt]), code: fields[codeAt]?.trim() ?? '' });
  }
  return points;
}

/** Deterministic pseudo-random generator (mulberry32) so that failures can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Probe points for agreement tests: random points in the bbox, every vertex, every edge midpoint, tiny nudges. */
export function probePoints(zones: readonly QpvZone[], randomCount: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const out: number[] = [];
  for (let k = 0; k < randomCount; k++) {
    out.push(PARIS_BBOX.minX + random() * (PARIS_BBOX.maxX - PARIS_BBOX.minX), PARIS_BBOX.minY + random() * (PARIS_BBOX.maxY - PARIS_BBOX.minY));
  }
  for (const zone of zones) {
    for (const rings of zone.polygons) {
      for (const ring of rings) {
        for (let i = 0; i + 3 < ring.length; i += 2) {
          const x = ring[i]!, y = ring[i + 1]!, nx = ring[i + 2]!, ny = ring[i + 3]!;
          out.push(x, y, (x + nx) / 2, (y + ny) / 2, x + (nx - x) / 3, y + (ny - y) / 3);
          out.push(x + 1e-12, y, x, y - 1e-13, x + Number.EPSILON * 4, y);
        }
      }
    }
  }
  return Float64Array.from(out);
}

/** DDL of the territory tables for tests on a bare database (mirrors territory.schema.ts; a test checks they agree). */
export const TERRITORY_TEST_DDL = `
CREATE TABLE territory_geography_versions (
  name text PRIMARY KEY,
  kind text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  source text NOT NULL DEFAULT '',
  item_count integer NOT NULL,
  imported_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT territory_geography_versions_kind_ck CHECK (kind in ('qpv', 'zrr', 'frr')),
  CONSTRAINT territory_geography_versions_period_ck CHECK (valid_to is null or valid_to >= valid_from)
);
CREATE TABLE territory_qpv_zones (
  version text NOT NULL REFERENCES territory_geography_versions(name) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  commune_code text,
  commune_name text NOT NULL,
  departement_code text,
  geometry jsonb NOT NULL,
  min_lon double precision NOT NULL,
  min_lat double precision NOT NULL,
  max_lon double precision NOT NULL,
  max_lat double precision NOT NULL,
  CONSTRAINT territory_qpv_zones_pk PRIMARY KEY (version, code)
);
CREATE INDEX territory_qpv_zones_commune_idx ON territory_qpv_zones (version, commune_code);
CREATE TABLE territory_commune_statuses (
  version text NOT NULL REFERENCES territory_geography_versions(name) ON DELETE CASCADE,
  insee_code text NOT NULL,
  status text NOT NULL,
  CONSTRAINT territory_commune_statuses_pk PRIMARY KEY (version, insee_code)
);
`;
