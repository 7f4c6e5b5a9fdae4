/**
 * In-process spatial index for "which polygon holds this point?", agreeing with PostGIS
 * ST_Intersects (a point on a boundary is inside). A coarse hash grid finds the candidate
 * features; each feature's own precomputed grid answers most points with one array read.
 */
import type { Surface } from './geojson.js';
import { buildFeatureGrid, gridContains, makeScratch, type FeatureGrid, type Scratch } from './feature-grid.js';

/** Anything with a surface can be indexed; the index returns the object itself. */
export interface Locatable {
  polygons: Surface;
}

/** Figures describing an index, for logs and benchmarks. */
export interface IndexStats {
  features: number;
  edges: number;
  cells: number;
  boundaryCells: number;
  coarseCellSize: number;
  coarseCells: number;
}

/** A built index: lookups are synchronous and allocation-free on the common path. */
export interface SpatialIndex<T extends Locatable> {
  /** First feature (in input order) intersecting the point, or null. */
  lookup(lon: number, lat: number): T | null;
  /** Every feature intersecting the point, in input order (overlaps and shared boundaries). */
  lookupAll(lon: number, lat: number): T[];
  readonly size: number;
  stats(): IndexStats;
}

const KEY_ROW = 1 << 21;

function coarseCellSize(grids: FeatureGrid[]): number {
  if (grids.length === 0) return 1;
  const sizes = grids.map((g) => Math.max(g.bbox.maxX - g.bbox.minX, g.bbox.maxY - g.bbox.minY)).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  return Math.min(10, Math.max(360 / KEY_ROW * 2, median / 2));
}

/** Builds the index over features whose surfaces are already validated (see parseGeometry). */
export function buildIndex<T extends Locatable>(features: readonly T[]): SpatialIndex<T> {
  const grids = features.map((f) => buildFeatureGrid(f.polygons));
  const scratches: Scratch[] = grids.map(makeScratch);
  const size = coarseCellSize(grids);
  const inv = 1 / size;
  const buckets = new Map<number, number[]>();
  grids.forEach((g, index) => {
    const x0 = Math.floor((g.bbox.minX + 180) * inv), x1 = Math.floor((g.bbox.maxX + 180) * inv);
    const y0 = Math.floor((g.bbox.minY + 90) * inv), y1 = Math.floor((g.bbox.maxY + 90) * inv);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = x * KEY_ROW + y;
        const list = buckets.get(key);
        if (list) list.push(index);
        else buckets.set(key, [index]);
      }
    }
  });
  const coarse = new Map<number, Int32Array>();
  for (const [key, list] of buckets) coarse.set(key, Int32Array.from(list));

  const candidates = (lon: number, lat: number): Int32Array | undefined => {
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return undefined;
    return coarse.get(Math.floor((lon + 180) * inv) * KEY_ROW + Math.floor((lat + 90) * inv));
  };

  return {
    size: features.length,
    lookup(lon, lat) {
      const list = candidates(lon, lat);
      if (!list) return null;
      for (let i = 0; i < list.length; i++) {
        const f = list[i]!;
        if (gridContains(grids[f]!, lon, lat, scratches[f]!)) return features[f]!;
      }
      return null;
    },
    lookupAll(lon, lat) {
      const list = candidates(lon, lat);
      const found: T[] = [];
      if (!list) return found;
      for (let i = 0; i < list.length; i++) {
        const f = list[i]!;
        if (gridContains(grids[f]!, lon, lat, scratches[f]!)) found.push(features[f]!);
      }
      return found;
    },
    stats() {
      let edges = 0, cells = 0, boundaryCells = 0;
      for (const g of grids) {
        edges += g.edgeCount;
        cells += g.cells.length;
        boundaryCells += g.boundaryCellCount;
      }
      return { features: features.length, edges, cells, boundaryCells, coarseCellSize: size, coarseCells: coarse.size };
    },
  };
}
