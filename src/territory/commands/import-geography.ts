/**
 * Import commands: parse and validate an official file, then replace the version atomically.
 * Nothing is written when any error is found.
 */
import { isKnownCommune } from '../communes.js';
import { parseFrrCsv } from '../import/frr-csv.js';
import type { ImportIssue, ImportParseResult } from '../import/import-report.js';
import { parseQpvGeoJson } from '../import/qpv-geojson.js';
import { parseZrrCsv } from '../import/zrr-csv.js';
import { isIsoDate, kindOfVersionName, type CommuneStatus, type GeographyKind, type GeographyVersion } from '../territory.js';
import { replaceCommuneStatusVersion, replaceQpvVersion, type TerritoryDb } from '../territory.store.js';

/** What to import: the file's text and the version it becomes. */
export interface ImportRequest {
  text: string;
  version: string;
  validFrom: string;
  validTo?: string | null;
  source?: string;
}

/** Result of an import: counts and warnings, or every error (nothing stored). */
export type ImportOutcome =
  | { ok: true; version: GeographyVersion; counts: Record<string, number>; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

function checkVersion(kind: GeographyKind, request: ImportRequest): { ok: true; version: GeographyVersion } | { ok: false; errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const nameKind = kindOfVersionName(request.version);
  if (nameKind === null) {
    errors.push({ where: 'version', message: `nom de version invalide « ${request.version} » (attendu par exemple ${kind}-2025 : minuscules, chiffres et tirets).` });
  } else if (nameKind !== kind) {
    errors.push({ where: 'version', message: `la version ${request.version} n'est pas une géographie ${kind.toUpperCase()} (son nom doit commencer par « ${kind}- »).` });
  }
  if (!isIsoDate(request.validFrom)) errors.push({ where: 'début de validité', message: `date invalide « ${request.validFrom} » (attendu : AAAA-MM-JJ).` });
  const validTo = request.validTo ?? null;
  if (validTo !== null && !isIsoDate(validTo)) errors.push({ where: 'fin de validité', message: `date invalide « ${validTo} » (attendu : AAAA-MM-JJ).` });
  else if (validTo !== null && validTo < request.validFrom) errors.push({ where: 'fin de validité', message: 'la fin de validité précède le début.' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, version: { name: request.version, kind, validFrom: request.validFrom, validTo, source: request.source ?? '' } };
}

async function store<T>(
  kind: GeographyKind,
  request: ImportRequest,
  parse: () => ImportParseResult<T>,
  save: (version: GeographyVersion, items: T[]) => Promise<void>,
): Promise<ImportOutcome> {
  const checked = checkVersion(kind, request);
  if (!checked.ok) return { ok: false, errors: checked.errors, warnings: [] };
  const parsed = parse();
  if (!parsed.ok) return parsed;
  await save(checked.version, parsed.items);
  return { ok: true, version: checked.version, counts: parsed.counts, warnings: parsed.warnings };
}

/** Imports an ANCT QPV GeoJSON file as a QPV version (replacing any version of that name). */
export function importQpv(db: TerritoryDb, request: ImportRequest): Promise<ImportOutcome> {
  return store('qpv', request, () => parseQpvGeoJson(request.text, { versionName: request.version, isKnownCommune }),
    (version, zones) => replaceQpvVersion(db, version, zones));
}

/** Imports a ZRR commune list (insee_code,zrr_status) as a ZRR version. */
export function importZrr(db: TerritoryDb, request: ImportRequest): Promise<ImportOutcome> {
  return store('zrr', request, () => parseZrrCsv(request.text, isKnownCommune),
    (version, rows: CommuneStatus<string>[]) => replaceCommuneStatusVersion(db, version, rows));
}

/** Imports an FRR commune list (insee_code,…,codefrr) as an FRR version. */
export function importFrr(db: TerritoryDb, request: ImportRequest): Promise<ImportOutcome> {
  return store('frr', request, () => parseFrrCsv(request.text, isKnownCommune),
    (version, rows: CommuneStatus<string>[]) => replaceCommuneStatusVersion(db, version, rows));
}

/** The import command of each kind. */
export const IMPORTERS: Record<GeographyKind, (db: TerritoryDb, request: ImportRequest) => Promise<ImportOutcome>> = {
  qpv: importQpv,
  zrr: importZrr,
  frr: importFrr,
};
