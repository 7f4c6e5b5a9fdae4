/**
 * Territory tables: geography versions and their contents. A version is replaced as a whole,
 * in one transaction; deleting a version cascades to its zones or statuses.
 * Plain SQL types only (no PostGIS): runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from 'drizzle-orm';
import { pgTable, text, date, timestamp, integer, jsonb, doublePrecision, primaryKey, index, check } from 'drizzle-orm/pg-core';

/** GeoJSON MultiPolygon as stored in `territory_qpv_zones.geometry`. */
export interface StoredMultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

/** One row per geography version (`qpv-2024`, `zrr-2017`, `frr-2025`...), with its period of validity. */
export const territoryGeographyVersions = pgTable('territory_geography_versions', {
  name: text('name').primaryKey(),
  kind: text('kind').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  source: text('source').notNull().default(''),
  itemCount: integer('item_count').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('territory_geography_versions_kind_ck', sql`${t.kind} in ('qpv', 'zrr', 'frr')`),
  check('territory_geography_versions_period_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
]);

/** QPV contours of one version; geometry as GeoJSON (jsonb) plus its bounding box. */
export const territoryQpvZones = pgTable('territory_qpv_zones', {
  version: text('version').notNull().references(() => territoryGeographyVersions.name, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  name: text('name').notNull(),
  communeCode: text('commune_code'),
  communeName: text('commune_name').notNull(),
  departementCode: text('departement_code'),
  geometry: jsonb('geometry').$type<StoredMultiPolygon>().notNull(),
  minLon: doublePrecision('min_lon').notNull(),
  minLat: doublePrecision('min_lat').notNull(),
  maxLon: doublePrecision('max_lon').notNull(),
  maxLat: doublePrecision('max_lat').notNull(),
}, (t) => [
  primaryKey({ name: 'territory_qpv_zones_pk', columns: [t.version, t.code] }),
  index('territory_qpv_zones_commune_idx').on(t.version, t.communeCode),
]);

/** ZRR or FRR status of each commune for one version (C/NC/PC, or an FRR status name). */
export const territoryCommuneStatuses = pgTable('territory_commune_statuses', {
  version: text('version').notNull().references(() => territoryGeographyVersions.name, { onDelete: 'cascade' }),
  inseeCode: text('insee_code').notNull(),
  status: text('status').notNull(),
}, (t) => [primaryKey({ name: 'territory_commune_statuses_pk', columns: [t.version, t.inseeCode] })]);
