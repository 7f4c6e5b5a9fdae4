/**
 * Point-in-polygon predicate that reproduces PostGIS `ST_Intersects(point, polygon)` bit for bit.
 *
 * PostGIS 3.3 answers point/polygon intersection with its interval-tree winding-number test
 * (liblwgeom `itree_point_in_multipolygon`): it computes, in IEEE double arithmetic,
 * side = (x2 - x1) * (py - y1) - (px - x1) * (y2 - y1) for every edge whose y-range holds py,
 * calls the point on the boundary when side is exactly 0 and the point lies in the edge's box,
 * and otherwise counts upward/downward crossings. We use the same operations in the same order,
 * so the answer is the same even for points a few ulps away from an edge (see the decision record).
 */
import type { PolygonRings, Ring, Surface } from './geojson.js';

/** Where a point lies relative to one ring: -1 outside, 0 on the boundary, 1 inside. */
export type RingLocation = -1 | 0 | 1;
/** The point is outside the ring. */
export const OUTSIDE = -1;
/** The point is on the ring. */
export const BOUNDARY = 0;
/** The point is strictly inside the ring. */
export const INSIDE = 1;

/**
 * Contribution of one edge to the ring test of point (px, py):
 * 2 when the point is on the edge, otherwise the winding increment (-1, 0 or +1).
 */
export function edgeContribution(x1: number, y1: number, x2: number, y2: number, px: number, py: number): number {
  const minY = y1 < y2 ? y1 : y2;
  const maxY = y1 < y2 ? y2 : y1;
  if (py < minY || py > maxY) return 0;
  const side = (x2 - x1) * (py - y1) - (px - x1) * (y2 - y1);
  if (side === 0) {
    const minX = x1 < x2 ? x1 : x2;
    const maxX = x1 < x2 ? x2 : x1;
    if (px >= minX && px <= maxX) return 2;
  }
  if (y1 <= py && py < y2 && side > 0) return 1;
  if (y2 <= py && py < y1 && side < 0) return -1;
  return 0;
}

/** Locates a point against one ring with the PostGIS rule (non-zero winding, boundary first). */
export function locateInRing(ring: Ring, px: number, py: number): RingLocation {
  let winding = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const c = edgeContribution(ring[i]!, ring[i + 1]!, ring[i + 2]!, ring[i + 3]!, px, py);
    if (c === 2) return BOUNDARY;
    winding += c;
  }
  return winding === 0 ? OUTSIDE : INSIDE;
}

/**
 * Combines per-ring answers exactly as PostGIS does for a (multi)polygon:
 * on an exterior boundary → true; inside an exterior ring → true unless a hole holds the point
 * (a hole boundary met before a containing hole counts as true).
 */
export function combineRings(
  polygons: readonly PolygonRings[],
  locate: (polygonIndex: number, ringIndex: number) => RingLocation,
): boolean {
  for (let p = 0; p < polygons.length; p++) {
    const exterior = locate(p, 0);
    if (exterior === BOUNDARY) return true;
    if (exterior !== INSIDE) continue;
    let inHole = false;
    const ringCount = polygons[p]!.length;
    for (let r = 1; r < ringCount; r++) {
      const hole = locate(p, r);
      if (hole === BOUNDARY) return true;
      if (hole === INSIDE) {
        inHole = true;
        break;
      }
    }
    if (!inHole) return true;
  }
  return false;
}

/** Brute-force reference: does the point intersect the surface (boundary counts as inside)? Scans every edge. */
export function surfaceIntersectsPoint(polygons: Surface, px: number, py: number): boolean {
  if (!Number.isFinite(px) || !Number.isFinite(py)) return false;
  return combineRings(polygons, (p, r) => locateInRing(polygons[p]![r]!, px, py));
}
