/**
 * Territory vocabulary: geography versions, QPV zones, ZRR and FRR commune statuses.
 * Types and pure rules only (no I/O).
 */
import type { Surface } from './geometry/geojson.js';

/** The three kinds of geography the platform answers for. */
export type GeographyKind = 'qpv' | 'zrr' | 'frr';

/** A geography version ("millésime"), in force from `validFrom` to `validTo` inclusive (null: still in force). */
export interface GeographyVersion {
  name: string;
  kind: GeographyKind;
  validFrom: string;
  validTo: string | null;
  source: string;
}

/** One priority urban area as imported. */
export interface QpvZone {
  code: string;
  name: string;
  communeCode: string | null;
  communeName: string;
  departementCode: string | null;
  polygons: Surface;
}

/** ZRR status of a commune: classée, non classée, partiellement classée. */
export type ZrrStatus = 'C' | 'NC' | 'PC';

/** FRR class of a commune (from the Observatoire des territoires `codefrr` 0–5). */
export type FrrStatus =
  | 'non_classee'
  | 'beneficiaire'
  | 'beneficiaire_partiel'
  | 'classee_partiellement'
  | 'classee'
  | 'classee_frr_plus';

/** Commune status in one rural geography (ZRR or FRR). */
export interface CommuneStatus<S extends string> {
  inseeCode: string;
  status: S;
}

/** Labels shown to people for each ZRR status. */
export const ZRR_STATUS_LABELS: Record<ZrrStatus, string> = {
  C: 'classée en ZRR',
  NC: 'non classée en ZRR',
  PC: 'partiellement classée en ZRR',
};

/** `codefrr` of the official file → FRR status, per the DGCL July 2025 legend (see assets/geo/PROVENANCE.md). */
export const FRR_CODES: readonly FrrStatus[] = [
  'non_classee',
  'beneficiaire',
  'beneficiaire_partiel',
  'classee_partiellement',
  'classee',
  'classee_frr_plus',
];

/** Labels shown to people for each FRR status. */
export const FRR_STATUS_LABELS: Record<FrrStatus, string> = {
  non_classee: 'non classée FRR',
  beneficiaire: 'bénéficiaire des effets FRR (ancienne ZRR, mesure transitoire)',
  beneficiaire_partiel: 'bénéficiaire partiel des effets FRR (commune nouvelle)',
  classee_partiellement: 'classée FRR partiellement',
  classee: 'classée FRR',
  classee_frr_plus: 'classée FRR+',
};

/** True when the commune is classified FRR (socle, FRR+ or partly). */
export function isFrrClassified(status: FrrStatus): boolean {
  return status === 'classee' || status === 'classee_frr_plus' || status === 'classee_partiellement';
}

/** True when the commune benefits from FRR effects without being classified. */
export function isFrrBeneficiary(status: FrrStatus): boolean {
  return status === 'beneficiaire' || status === 'beneficiaire_partiel';
}

/** Valid INSEE commune code: 5 digits, or Corsica 2A/2B + 3 digits. */
export const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;

/** Valid ISO calendar date YYYY-MM-DD (the calendar day must exist). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Geography version names: lower-case kind, dash, then letters, digits or dashes (e.g. `qpv-2024`). */
export const VERSION_NAME = /^(qpv|zrr|frr)-[a-z0-9-]{1,40}$/;

/** Kind encoded in a version name, or null when the name is malformed. */
export function kindOfVersionName(name: string): GeographyKind | null {
  return VERSION_NAME.test(name) ? (name.slice(0, 3) as GeographyKind) : null;
}

/** Picks, for each kind, the version in force on `date` (the latest `validFrom` wins if periods overlap). */
export function resolveVersions(
  versions: readonly GeographyVersion[],
  date: string,
): Partial<Record<GeographyKind, GeographyVersion>> {
  const chosen: Partial<Record<GeographyKind, GeographyVersion>> = {};
  for (const v of versions) {
    if (v.validFrom > date || (v.validTo !== null && v.validTo < date)) continue;
    const current = chosen[v.kind];
    if (!current || v.validFrom > current.validFrom) chosen[v.kind] = v;
  }
  return chosen;
}

/** Paris, Lyon and Marseille arrondissement codes → their commune code; other codes unchanged. */
export function communeOfArrondissement(inseeCode: string): string {
  if (/^751(0[1-9]|1\d|20)$/.test(inseeCode)) return '75056';
  if (/^6938[1-9]$/.test(inseeCode)) return '69123';
  if (/^132(0[1-9]|1[0-6])$/.test(inseeCode)) return '13055';
  return inseeCode;
}
