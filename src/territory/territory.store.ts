/** The only file of the territory domain that queries the database. */
import { asc, eq, sql } from 'drizzle-orm';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { parseGeometry, surfaceBBox, toGeoJsonMultiPolygon } from './geometry/geojson.js';
import { territoryCommuneStatuses, territoryGeographyVersions, territoryQpvZones } from './territory.schema.js';
import type { CommuneStatus, GeographyKind, GeographyVersion, QpvZone } from './territory.js';

/** Any drizzle PostgreSQL handle or transaction (the platform's Db / Tx, or a bare PGlite in tests). */
export type TerritoryDb = PgDatabase<any, any, any>;

const ZONE_BATCH = 100;
const STATUS_BATCH = 10_000;

async function replaceVersionRow(tx: TerritoryDb, version: GeographyVersion, itemCount: number): Promise<void> {
  await tx.delete(territoryGeographyVersions).where(eq(territoryGeographyVersions.name, version.name));
  await tx.insert(territoryGeographyVersions).values({
    name: version.name,
    kind: version.kind,
    validFrom: version.validFrom,
    validTo: version.validTo,
    source: version.source,
    itemCount,
  });
}

/** Replaces a QPV version and all its zones in one transaction (readers see the old or the new, never a mix). */
export async function replaceQpvVersion(db: TerritoryDb, version: GeographyVersion, zones: readonly QpvZone[]): Promise<void> {
  await db.transaction(async (tx) => {
    await replaceVersionRow(tx, version, zones.length);
    for (let start = 0; start < zones.length; start += ZONE_BATCH) {
      const rows = zones.slice(start, start + ZONE_BATCH).map((zone) => {
        const box = surfaceBBox(zone.polygons);
        return {
          version: version.name,
          code: zone.code,
          name: zone.name,
          communeCode: zone.communeCode,
          communeName: zone.communeName,
          departementCode: zone.departementCode,
          geometry: toGeoJsonMultiPolygon(zone.polygons),
          minLon: box.minX,
          minLat: box.minY,
          maxLon: box.maxX,
          maxLat: box.maxY,
        };
      });
      await tx.insert(territoryQpvZones).values(rows);
    }
  });
}

/** Replaces a ZRR or FRR version and all its commune statuses in one transaction. */
export async function replaceCommuneStatusVersion(
  db: TerritoryDb,
  version: GeographyVersion,
  statuses: readonly CommuneStatus<string>[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await replaceVersionRow(tx, version, statuses.length);
    // One jsonb parameter per batch instead of three per row: much faster, above all on PGlite.
    for (let start = 0; start < statuses.length; start += STATUS_BATCH) {
      const batch = JSON.stringify(statuses.slice(start, start + STATUS_BATCH).map((s) => ({ c: s.inseeCode, s: s.status })));
      await tx.execute(sql`insert into territory_commune_statuses (version, insee_code, status)
        select ${version.name}, x.c, x.s from jsonb_to_recordset(${batch}::jsonb) as x(c text, s text)`);
    }
  });
}

/** Every stored geography version, oldest first. */
export async function listGeographyVersions(db: TerritoryDb): Promise<(GeographyVersion & { itemCount: number; importedAt: Date })[]> {
  const rows = await db
    .select()
    .from(territoryGeographyVersions)
    .orderBy(asc(territoryGeographyVersions.kind), asc(territoryGeographyVersions.validFrom), asc(territoryGeographyVersions.name));
  return rows.map((r) => ({
    name: r.name,
    kind: r.kind as GeographyKind,
    validFrom: r.validFrom,
    validTo: r.validTo,
    source: r.source,
    itemCount: r.itemCount,
    importedAt: r.importedAt,
  }));
}

/** Changes the period of validity of a stored version; false when the version does not exist. */
export async function setVersionPeriod(db: TerritoryDb, name: string, validFrom: string, validTo: string | null): Promise<boolean> {
  const updated = await db
    .update(territoryGeographyVersions)
    .set({ validFrom, validTo })
    .where(eq(territoryGeographyVersions.name, name))
    .returning({ name: territoryGeographyVersions.name });
  return updated.length > 0;
}

/** Zones of a QPV version, in code order, with their geometry checked again. */
export async function loadQpvZones(db: TerritoryDb, version: string): Promise<QpvZone[]> {
  const rows = await db.select().from(territoryQpvZones).where(eq(territoryQpvZones.version, version)).orderBy(asc(territoryQpvZones.code));
  return rows.map((r) => {
    const parsed = parseGeometry(r.geometry);
    if (!parsed.ok) throw new Error(`Géométrie stockée invalide pour ${r.code} (${version}) : ${parsed.errors.join(' ; ')}`);
    return {
      code: r.code,
      name: r.name,
      communeCode: r.communeCode,
      communeName: r.communeName,
      departementCode: r.departementCode,
      polygons: parsed.polygons,
    };
  });
}

/** Commune statuses of a ZRR or FRR version, by INSEE code. */
export async function loadCommuneStatuses(db: TerritoryDb, version: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ inseeCode: territoryCommuneStatuses.inseeCode, status: territoryCommuneStatuses.status })
    .from(territoryCommuneStatuses)
    .where(eq(territoryCommuneStatuses.version, version));
  return new Map(rows.map((r) => [r.inseeCode, r.status]));
}
