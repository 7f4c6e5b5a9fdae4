/**
 * Precomputed grid over one feature's bounding box. Each cell is known to be fully outside,
 * fully inside, or "boundary". Outside/inside cells are answered by one array read; boundary
 * cells replay the PostGIS predicate on the edges of their grid row only (the edges whose
 * y-range meets the row), which are all the edges the winding test can count for that point.
 *
 * Why a cell may be trusted: a cell is uniform only when no edge comes within EPSILON degrees
 * of it. For such points the double-precision side test cannot change sign (its error is below
 * 1e-12 degree² for WGS84 magnitudes), so PostGIS and exact arithmetic agree, and the winding
 * number is constant over the cell: the centre's answer holds for every point of the cell.
 */
import type { BBox, Surface } from './geojson.js';
import { surfaceBBox } from './geojson.js';
import { edgeContribution } from './point-in-polygon.js';

/** Safety margin in degrees (≈ 0.1 mm) separating uniform cells from any edge. */
export const EPSILON = 1e-9;

const CELL_OUTSIDE = 0;
const CELL_INSIDE = 1;
const CELL_BOUNDARY = 2;
const EDGE_STRIDE = 5;

/** Grid built for one feature; immutable after construction. */
export interface FeatureGrid {
  /** Bounding box widened by the safety margin: points outside it are outside the feature. */
  bbox: BBox;
  nx: number;
  ny: number;
  /** Cells per degree, to turn a coordinate into a column or row with one multiplication. */
  scaleX: number;
  scaleY: number;
  cells: Uint8Array;
  /** Per row: edges as x1, y1, x2, y2, ring slot. */
  rowEdges: Float64Array[];
  /** First ring slot of each polygon, plus the total ring count at the end. */
  ringStart: Int32Array;
  boundaryCellCount: number;
  edgeCount: number;
}

function gridSize(bbox: BBox, edgeCount: number): { nx: number; ny: number } {
  const target = Math.min(1 << 18, Math.max(256, edgeCount * 8));
  const width = bbox.maxX - bbox.minX;
  const height = bbox.maxY - bbox.minY;
  const aspect = width > 0 && height > 0 ? width / height : 1;
  const nx = Math.min(1024, Math.max(1, Math.round(Math.sqrt(target * aspect))));
  const ny = Math.min(1024, Math.max(1, Math.round(target / nx)));
  return { nx, ny };
}

const clamp = (v: number, max: number) => (v < 0 ? 0 : v > max ? max : v);

/** Builds the grid of one surface. */
export function buildFeatureGrid(polygons: Surface): FeatureGrid {
  const raw = surfaceBBox(polygons);
  const bbox: BBox = {
    minX: raw.minX - 2 * EPSILON,
    minY: raw.minY - 2 * EPSILON,
    maxX: raw.maxX + 2 * EPSILON,
    maxY: raw.maxY + 2 * EPSILON,
  };
  const ringStart = new Int32Array(polygons.length + 1);
  let edgeCount = 0;
  for (let p = 0; p < polygons.length; p++) {
    ringStart[p + 1] = ringStart[p]! + polygons[p]!.length;
    for (const ring of polygons[p]!) edgeCount += ring.length / 2 - 1;
  }
  const { nx, ny } = gridSize(bbox, edgeCount);
  const cellW = (bbox.maxX - bbox.minX) / nx;
  const cellH = (bbox.maxY - bbox.minY) / ny;
  const cells = new Uint8Array(nx * ny);
  const rows: number[][] = Array.from({ length: ny }, () => []);

  let slot = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 3 < ring.length; i += 2) {
        const x1 = ring[i]!, y1 = ring[i + 1]!, x2 = ring[i + 2]!, y2 = ring[i + 3]!;
        const eMinY = Math.min(y1, y2), eMaxY = Math.max(y1, y2);
        const eMinX = Math.min(x1, x2), eMaxX = Math.max(x1, x2);
        const r0 = clamp(Math.floor((eMinY - EPSILON - bbox.minY) / cellH), ny - 1);
        const r1 = clamp(Math.floor((eMaxY + EPSILON - bbox.minY) / cellH), ny - 1);
        for (let r = r0; r <= r1; r++) {
          rows[r]!.push(x1, y1, x2, y2, slot);
          const ya = Math.max(eMinY, bbox.minY + r * cellH - EPSILON);
          const yb = Math.min(eMaxY, bbox.minY + (r + 1) * cellH + EPSILON);
          let lo = eMinX, hi = eMaxX;
          if (y1 !== y2 && ya <= yb) {
            const xa = x1 + ((x2 - x1) * (ya - y1)) / (y2 - y1);
            const xb = x1 + ((x2 - x1) * (yb - y1)) / (y2 - y1);
            lo = Math.max(eMinX, Math.min(xa, xb));
            hi = Math.min(eMaxX, Math.max(xa, xb));
          }
          const c0 = clamp(Math.floor((lo - EPSILON - bbox.minX) / cellW), nx - 1);
          const c1 = clamp(Math.floor((hi + EPSILON - bbox.minX) / cellW), nx - 1);
          cells.fill(CELL_BOUNDARY, r * nx + c0, r * nx + c1 + 1);
        }
      }
      slot++;
    }
  }

  const grid: FeatureGrid = {
    bbox, nx, ny, cells, ringStart, edgeCount, boundaryCellCount: 0,
    scaleX: nx / (bbox.maxX - bbox.minX),
    scaleY: ny / (bbox.maxY - bbox.minY),
    rowEdges: rows.map((row) => Float64Array.from(row)),
  };
  const scratch = makeScratch(grid);
  let boundaryCellCount = 0;
  for (let r = 0; r < ny; r++) {
    const cy = bbox.minY + (r + 0.5) * cellH;
    for (let c = 0; c < nx; c++) {
      const k = r * nx + c;
      if (cells[k] === CELL_BOUNDARY) {
        boundaryCellCount++;
        continue;
      }
      const cx = bbox.minX + (c + 0.5) * cellW;
      cells[k] = evaluateRow(grid, r, cx, cy, scratch) ? CELL_INSIDE : CELL_OUTSIDE;
    }
  }
  grid.boundaryCellCount = boundaryCellCount;
  return grid;
}

/** Per-ring working memory for boundary evaluations (one per grid, reused: lookups are synchronous). */
export interface Scratch {
  winding: Int32Array;
  onBoundary: Uint8Array;
}

/** Allocates the working memory of a grid. */
export function makeScratch(grid: FeatureGrid): Scratch {
  const rings = grid.ringStart[grid.ringStart.length - 1]!;
  return { winding: new Int32Array(rings), onBoundary: new Uint8Array(rings) };
}

/** Runs the PostGIS predicate for (px, py) using only the edges of grid row `row`. */
export function evaluateRow(grid: FeatureGrid, row: number, px: number, py: number, scratch: Scratch): boolean {
  const { winding, onBoundary } = scratch;
  winding.fill(0);
  onBoundary.fill(0);
  const edges = grid.rowEdges[row]!;
  for (let k = 0; k < edges.length; k += EDGE_STRIDE) {
    const ring = edges[k + 4]!;
    if (onBoundary[ring] === 1) continue;
    const c = edgeContribution(edges[k]!, edges[k + 1]!, edges[k + 2]!, edges[k + 3]!, px, py);
    if (c === 2) onBoundary[ring] = 1;
    else winding[ring]! += c;
  }
  const starts = grid.ringStart;
  for (let p = 0; p + 1 < starts.length; p++) {
    const s = starts[p]!;
    if (onBoundary[s] === 1) return true;
    if (winding[s] === 0) continue;
    let inHole = false;
    for (let h = s + 1; h < starts[p + 1]!; h++) {
      if (onBoundary[h] === 1) return true;
      if (winding[h] !== 0) {
        inHole = true;
        break;
      }
    }
    if (!inHole) return true;
  }
  return false;
}

/** Answers whether (px, py) intersects the feature: one array read except in boundary cells. */
export function gridContains(grid: FeatureGrid, px: number, py: number, scratch: Scratch): boolean {
  const b = grid.bbox;
  if (!(px >= b.minX && px <= b.maxX && py >= b.minY && py <= b.maxY)) return false;
  const c = clamp(Math.floor((px - b.minX) * grid.scaleX), grid.nx - 1);
  const r = clamp(Math.floor((py - b.minY) * grid.scaleY), grid.ny - 1);
  const cell = grid.cells[r * grid.nx + c];
  if (cell === CELL_INSIDE) return true;
  if (cell === CELL_OUTSIDE) return false;
  return evaluateRow(grid, r, px, py, scratch);
}
