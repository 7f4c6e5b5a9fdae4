/**
 * GeoJSON Polygon / MultiPolygon parsing and validation, without I/O.
 * Rings are stored as flat Float64Arrays [x0, y0, x1, y1, ...] (lon, lat in WGS84),
 * the first ring of each polygon is its exterior ring, the others are holes.
 */

/** A closed ring as a flat array of coordinates: x0, y0, x1, y1, ..., first point repeated last. */
export type Ring = Float64Array;

/** A polygon: its exterior ring followed by its holes. */
export type PolygonRings = Ring[];

/** A parsed surface geometry: one or more polygons (a GeoJSON Polygon gives one). */
export type Surface = PolygonRings[];

/** Result of parsing one geometry: the polygons, or the French messages of every problem found. */
export type GeometryParseResult = { ok: true; polygons: Surface } | { ok: false; errors: string[] };

/** Smallest rectangle holding a geometry, in degrees. */
export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const MAX_ERRORS_PER_GEOMETRY = 5;

function parseRing(value: unknown, where: string, errors: string[]): Ring | null {
  if (!Array.isArray(value)) {
    errors.push(`${where} : l'anneau doit être une liste de positions.`);
    return null;
  }
  if (value.length < 4) {
    errors.push(`${where} : un anneau doit compter au moins 4 positions (il en a ${value.length}).`);
    return null;
  }
  const ring = new Float64Array(value.length * 2);
  for (let i = 0; i < value.length; i++) {
    const position: unknown = value[i];
    if (!Array.isArray(position) || position.length < 2) {
      errors.push(`${where}, position ${i} : une position doit être [longitude, latitude].`);
      return null;
    }
    const [lon, lat] = position as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      errors.push(`${where}, position ${i} : coordonnées non numériques ou infinies.`);
      return null;
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      errors.push(`${where}, position ${i} : coordonnées hors des limites WGS84 (${lon}, ${lat}).`);
      return null;
    }
    ring[2 * i] = lon;
    ring[2 * i + 1] = lat;
  }
  const last = ring.length - 2;
  if (ring[0] !== ring[last] || ring[1] !== ring[last + 1]) {
    errors.push(`${where} : l'anneau n'est pas fermé (la dernière position doit répéter la première).`);
    return null;
  }
  return ring;
}

function parsePolygon(value: unknown, where: string, errors: string[]): PolygonRings | null {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${where} : un polygone doit contenir au moins un anneau extérieur.`);
    return null;
  }
  const rings: PolygonRings = [];
  for (let r = 0; r < value.length; r++) {
    const label = r === 0 ? `${where}, anneau extérieur` : `${where}, trou ${r}`;
    const ring = parseRing(value[r], label, errors);
    if (ring) rings.push(ring);
    if (errors.length >= MAX_ERRORS_PER_GEOMETRY) return null;
  }
  return rings.length === value.length ? rings : null;
}

/** Parses and validates a GeoJSON Polygon or MultiPolygon geometry (closed rings, ≥ 4 positions, finite WGS84 coordinates). */
export function parseGeometry(geometry: unknown): GeometryParseResult {
  const errors: string[] = [];
  if (typeof geometry !== 'object' || geometry === null) {
    return { ok: false, errors: ['Géométrie absente.'] };
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  let polygonValues: unknown[];
  if (type === 'Polygon') {
    polygonValues = [coordinates];
  } else if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      return { ok: false, errors: ['MultiPolygon sans polygone.'] };
    }
    polygonValues = coordinates;
  } else {
    return { ok: false, errors: [`Type de géométrie non pris en charge : ${String(type)} (attendu : Polygon ou MultiPolygon).`] };
  }
  const polygons: Surface = [];
  for (let p = 0; p < polygonValues.length; p++) {
    const polygon = parsePolygon(polygonValues[p], type === 'Polygon' ? 'polygone' : `polygone ${p + 1}`, errors);
    if (polygon) polygons.push(polygon);
    if (errors.length >= MAX_ERRORS_PER_GEOMETRY) break;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, polygons };
}

/** Computes the bounding box of a surface. */
export function surfaceBBox(polygons: Surface): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length; i += 2) {
        const x = ring[i]!;
        const y = ring[i + 1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return { minX, minY, maxX, maxY };
}

/** Converts a surface back to a GeoJSON MultiPolygon (for storage and maps). */
export function toGeoJsonMultiPolygon(polygons: Surface): { type: 'MultiPolygon'; coordinates: number[][][][] } {
  return {
    type: 'MultiPolygon',
    coordinates: polygons.map((rings) =>
      rings.map((ring) => {
        const positions: number[][] = [];
        for (let i = 0; i < ring.length; i += 2) positions.push([ring[i]!, ring[i + 1]!]);
        return positions;
      }),
    ),
  };
}

/** Writes a surface as WKT MULTIPOLYGON with round-trip exact numbers (used to load PostGIS). */
export function toWkt(polygons: Surface): string {
  const rings = (rs: PolygonRings) =>
    rs
      .map((ring) => {
        const parts: string[] = [];
        for (let i = 0; i < ring.length; i += 2) parts.push(`${ring[i]} ${ring[i + 1]}`);
        return `(${parts.join(',')})`;
      })
      .join(',');
  return `MULTIPOLYGON(${polygons.map((p) => `(${rings(p)})`).join(',')})`;
}
