/**
 * In-process spatial index for "which polygon holds this point?", agreeing with PostGIS
 * ST_Intersects (a point on a boundary is inside). Two levels:
 *  1. one-degree tiles (a Map keyed by small integers, with a one-entry cache since consecutive
 *     points are usually close), each holding a dense grid of coarse cells that list the features
 *     whose box meets the cell (compressed rows: offsets + feature numbers);
 *  2. each feature's own precomputed grid, which answers most points with one array read.
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
  tiles: number;
  coarseCellsPerDegree: number;
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

interface Tile {
  /** offsets[k]..offsets[k+1] delimit the features of coarse cell k in `features`. */
  offsets: Int32Array;
  features: Int32Array;
}

const EMPTY = new Int32Array(0);
const tileKey = (tx: number, ty: number) => (tx + 180) * 181 + (ty + 90);

function coarseResolution(grids: FeatureGrid[]): number {
  if (grids.length === 0) return 16;
  const sizes = grids.map((g) => Math.max(g.bbox.maxX - g.bbox.minX, g.bbox.maxY - g.bbox.minY)).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  return Math.min(256, Math.max(16, Math.round(2 / median)));
}

function buildTiles(grids: FeatureGrid[], res: number): Map<number, Tile> {
  const lists = new Map<number, number[][]>();
  grids.forEach((g, f) => {
    const x0 = Math.floor(g.bbox.minX * res), x1 = Math.floor(g.bbox.maxX * res);
    const y0 = Math.floor(g.bbox.minY * res), y1 = Math.floor(g.bbox.maxY * res);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const tx = Math.floor(x / res), ty = Math.floor(y / res);
        const key = tileKey(tx, ty);
        let cells = lists.get(key);
        if (!cells) lists.set(key, (cells = Array.from({ length: res * res }, () => [])));
        cells[(y - ty * res) * res + (x - tx * res)]!.push(f);
      }
    }
  });
  const tiles = new Map<number, Tile>();
  for (const [key, cells] of lists) {
    const offsets = new Int32Array(cells.length + 1);
    cells.forEach((c, k) => (offsets[k + 1] = offsets[k]! + c.length));
    tiles.set(key, { offsets, features: Int32Array.from(cells.flat()) });
  }
  return tiles;
}

/** Builds the index over features whose surfaces are already validated (see parseGeometry). */
export function buildIndex<T extends Locatable>(features: readonly T[]): SpatialIndex<T> {
  const grids = features.map((f) => buildFeatureGrid(f.polygons));
  const scratches: Scratch[] = grids.map(makeScratch);
  const res = coarseResolution(grids);
  const tiles = buildTiles(grids, res);
  // One-entry cache: the coarse column/row range of the last tile used, and that tile.
  let cachedX0 = Infinity, cachedY0 = Infinity, cachedTile: Tile | undefined;
  let from = 0, to = 0;

  /** Sets [from, to) to the range of candidate features in the returned list. */
  const candidates = (lon: number, lat: number): Int32Array => {
    from = to = 0;
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return EMPTY;
    const x = Math.floor(lon * res), y = Math.floor(lat * res);
    let dx = x - cachedX0, dy = y - cachedY0;
    if (dx < 0 || dx >= res || dy < 0 || dy >= res) {
      const tx = Math.floor(x / res), ty = Math.floor(y / res);
      cachedX0 = tx * res;
      cachedY0 = ty * res;
      cachedTile = tiles.get(tileKey(tx, ty));
      dx = x - cachedX0;
      dy = y - cachedY0;
    }
    if (!cachedTile) return EMPTY;
    const k = dy * res + dx;
    from = cachedTile.offsets[k]!;
    to = cachedTile.offsets[k + 1]!;
    return cachedTile.features;
  };

  return {
    size: features.length,
    lookup(lon, lat) {
      // Same steps as candidates(), inlined: this is the hot path of batch classification.
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return null;
      const x = Math.floor(lon * res), y = Math.floor(lat * res);
      let dx = x - cachedX0, dy = y - cachedY0;
      if (dx < 0 || dx >= res || dy < 0 || dy >= res) {
        candidates(lon, lat);
        dx = x - cachedX0;
        dy = y - cachedY0;
      }
      const tile = cachedTile;
      if (tile === undefined) return null;
      const k = dy * res + dx;
      const end = tile.offsets[k + 1]!;
      for (let i = tile.offsets[k]!; i < end; i++) {
        const f = tile.features[i]!;
        if (gridContains(grids[f]!, lon, lat, scratches[f]!)) return features[f]!;
      }
      return null;
    },
    lookupAll(lon, lat) {
      const list = candidates(lon, lat);
      const found: T[] = [];
      for (let i = from; i < to; i++) {
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
      return { features: features.length, edges, cells, boundaryCells, tiles: tiles.size, coarseCellsPerDegree: res };
    },
  };
}
