/**
 * Reader for QPV contour files: the ANCT national GeoJSON (`code_qp`, `lib_qp`, `insee_com`,
 * `lib_com`, `insee_dep`), and the 2015 files (`code_qp`/`CODE_QP`, `nom_qp`, `commune_qp`).
 * Property names are matched without regard to case.
 */
import { parseGeometry } from '../geometry/geojson.js';
import { INSEE_CODE, type QpvZone } from '../territory.js';
import { pushIssue, type ImportIssue, type ImportParseResult } from './import-report.js';

/** QPV codes: `QP` (2015) or `QN`/`QM`/`QI` (2024) then department and number, e.g. QN07511M, QP02A001. */
export const QPV_CODE = /^Q[PNMI][0-9][0-9AB][0-9A-Z]{4,5}$/;

const ACCEPTED_CRS = /CRS84|EPSG::?4326/i;

function property(props: Record<string, unknown>, names: readonly string[]): string | null {
  for (const key of Object.keys(props)) {
    if (names.includes(key.toLowerCase())) {
      const value = props[key];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
      if (typeof value === 'number') return String(value);
    }
  }
  return null;
}

/** Code family of a QPV code: 2015 (`QP…`) or 2024 (`QN…`, `QM…`, `QI…`). */
export function qpvCodeFamily(code: string): '2015' | '2024' {
  return code.startsWith('QP') ? '2015' : '2024';
}

/**
 * Parses and validates a QPV GeoJSON FeatureCollection. Every feature must carry a well-formed,
 * unique code, a name and a valid (multi)polygon; when `versionName` names a year (2015, 2024)
 * the codes must belong to that generation.
 */
export function parseQpvGeoJson(
  text: string,
  options: { versionName?: string; isKnownCommune: (code: string) => boolean },
): ImportParseResult<QpvZone> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [{ where: 'fichier', message: `JSON illisible (${(error as Error).message}).` }], warnings };
  }
  const collection = data as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return { ok: false, errors: [{ where: 'fichier', message: 'le fichier doit être une FeatureCollection GeoJSON.' }], warnings };
  }
  const crs = collection.crs?.properties?.name;
  if (typeof crs === 'string' && !ACCEPTED_CRS.test(crs)) {
    return { ok: false, errors: [{ where: 'fichier', message: `projection ${crs} non prise en charge : le fichier doit être en WGS84 (CRS84 / EPSG:4326).` }], warnings };
  }
  const expectedFamily = options.versionName?.match(/20(15|24)/)?.[0] ?? null;
  const seen = new Map<string, number>();
  const items: QpvZone[] = [];
  let errorCount = 0;
  const fail = (where: string, message: string) => {
    errorCount++;
    pushIssue(errors, where, message);
  };
  collection.features.forEach((feature: unknown, index: number) => {
    const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    const props = (f?.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
    const code = property(props, ['code_qp', 'code_quartier'])?.toUpperCase() ?? null;
    const where = `objet ${index + 1}${code ? ` (${code})` : ''}`;
    if (f?.type !== 'Feature') return fail(where, 'chaque élément doit être un objet GeoJSON « Feature ».');
    if (!code) return fail(where, 'propriété code_qp absente.');
    if (!QPV_CODE.test(code)) return fail(where, `code QPV invalide « ${code} » (attendu par exemple QN07511M ou QP075019).`);
    if (expectedFamily && qpvCodeFamily(code) !== expectedFamily) {
      return fail(where, `le code ${code} n'appartient pas à la géographie ${expectedFamily} indiquée par la version ${options.versionName}.`);
    }
    const previous = seen.get(code);
    if (previous !== undefined) return fail(where, `le code ${code} figure déjà à l'objet ${previous}.`);
    seen.set(code, index + 1);
    const name = property(props, ['lib_qp', 'nom_qp']);
    if (!name) return fail(where, 'nom du quartier (lib_qp ou nom_qp) absent.');
    // A QPV spanning several communes may list them all: each is checked, the first is kept as the main one.
    const communeCodes = (property(props, ['insee_com']) ?? '').toUpperCase().split(/[\s,;/]+/).filter(Boolean);
    const badCommune = communeCodes.find((c) => !INSEE_CODE.test(c));
    if (badCommune !== undefined) return fail(where, `code commune invalide « ${badCommune} ».`);
    for (const c of communeCodes.filter((c) => !options.isKnownCommune(c))) {
      pushIssue(warnings, where, `la commune ${c} n'existe pas dans le code officiel géographique actuel.`);
    }
    const communeCode = communeCodes[0] ?? null;
    const geometry = parseGeometry(f.geometry);
    if (!geometry.ok) {
      errorCount += geometry.errors.length;
      for (const message of geometry.errors) pushIssue(errors, where, message);
      return;
    }
    items.push({
      code,
      name,
      communeCode,
      communeName: property(props, ['lib_com', 'commune_qp', 'nom_com']) ?? '',
      departementCode: property(props, ['insee_dep'])?.toUpperCase() ?? null,
      polygons: geometry.polygons,
    });
  });
  const families = new Set(items.map((z) => qpvCodeFamily(z.code)));
  if (families.size > 1) fail('fichier', 'le fichier mélange des codes 2015 (QP…) et 2024 (QN…, QM…, QI…).');
  if (collection.features.length === 0) fail('fichier', 'la FeatureCollection ne contient aucun quartier.');
  if (errors.length > 0) {
    if (errorCount > errors.length) errors.push({ where: 'fichier', message: `${errorCount} erreurs au total.` });
    return { ok: false, errors, warnings };
  }
  const counts: Record<string, number> = { quartiers: items.length, polygones: 0, anneaux: 0, sommets: 0 };
  for (const zone of items) {
    counts.polygones! += zone.polygons.length;
    for (const rings of zone.polygons) {
      counts.anneaux! += rings.length;
      for (const ring of rings) counts.sommets! += ring.length / 2;
    }
  }
  return { ok: true, items, counts, warnings };
}
