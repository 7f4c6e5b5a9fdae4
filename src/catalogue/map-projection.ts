/**
 * The projection of the catalogue's map of metropolitan France: equirectangular scaled by
 * cos(46.5°), fitted in a fixed box; coordinates rounded to 0.1 unit (enough at this scale).
 */
export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 580;
const BOUNDS = { minLon: -5.3, maxLon: 9.7, minLat: 41.3, maxLat: 51.2 };
const K = Math.cos((46.5 * Math.PI) / 180);
const SCALE = Math.min(MAP_WIDTH / ((BOUNDS.maxLon - BOUNDS.minLon) * K), MAP_HEIGHT / (BOUNDS.maxLat - BOUNDS.minLat));

/** A WGS84 point in map units. */
export function project(lon: number, lat: number): [number, number] {
  return [(lon - BOUNDS.minLon) * K * SCALE, (BOUNDS.maxLat - lat) * SCALE];
}

/** A ring as an SVG path fragment ("M..L..Z"), dropping points closer than 0.3 unit to the previous one. */
export function projectRing(ring: [number, number][]): string {
  const pts: string[] = [];
  let last: [number, number] | null = null;
  for (const [lon, lat] of ring) {
    const p = project(lon, lat);
    if (last && Math.abs(p[0] - last[0]) < 0.3 && Math.abs(p[1] - last[1]) < 0.3) continue;
    pts.push(`${p[0].toFixed(1)},${p[1].toFixed(1)}`);
    last = p;
  }
  return pts.length >= 3 ? `M${pts.join('L')}Z` : '';
}
