/**
 * TerritoryEngine: answers "is this point in a QPV?" and "what is this commune's ZRR/FRR status?"
 * for the geography in force on a date. Everything is loaded in memory at start (indexes built
 * once), so answers are synchronous; `reload()` picks up a new import.
 */
import { buildIndex, type SpatialIndex } from './geometry/spatial-index.js';
import {
  communeOfArrondissement, FRR_STATUS_LABELS, INSEE_CODE, isIsoDate, resolveVersions, ZRR_STATUS_LABELS,
  type FrrStatus, type GeographyKind, type GeographyVersion, type QpvZone, type ZrrStatus,
} from './territory.js';
import { listGeographyVersions, loadCommuneStatuses, loadQpvZones, type TerritoryDb } from './territory.store.js';

/** The QPV holding a point, as the API returns it. */
export interface QpvAnswer {
  code: string;
  name: string;
  /** Commune name as written in the QPV file (e.g. "Paris"). */
  commune: string;
  communeCode: string | null;
  version: string;
}

/** Answer of classifyPoint: the QPV (or null) and the QPV version used (null when none is in force). */
export interface PointClassification {
  qpv: QpvAnswer | null;
  qpvVersion: string | null;
}

/** A commune's status in one rural geography, with its French label and the version used. */
export interface RuralStatus<S extends string> {
  status: S;
  label: string;
  version: string;
}

/** Answer of communeStatus; `inseeCode` is the commune actually looked up (arrondissements mapped). */
export interface CommuneStatusAnswer {
  inseeCode: string;
  zrr: RuralStatus<ZrrStatus> | null;
  frr: RuralStatus<FrrStatus> | null;
}

/** Bad input to the engine; `message` is the French text to show, `field` the parameter at fault. */
export class TerritoryInputError extends Error {
  constructor(readonly field: 'lon' | 'lat' | 'date' | 'inseeCode', message: string) {
    super(message);
    this.name = 'TerritoryInputError';
  }
}

/** Everything the engine needs, already loaded (from the database or from files). */
export interface TerritoryData {
  versions: readonly GeographyVersion[];
  qpvZones: ReadonlyMap<string, readonly QpvZone[]>;
  communeStatuses: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Today's date in Europe/Paris as YYYY-MM-DD (the platform's legal calendar). */
export function todayInParis(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Reads every stored version and its content. */
export async function loadTerritoryData(db: TerritoryDb): Promise<TerritoryData> {
  const versions = await listGeographyVersions(db);
  const qpvZones = new Map<string, QpvZone[]>();
  const communeStatuses = new Map<string, Map<string, string>>();
  for (const v of versions) {
    if (v.kind === 'qpv') qpvZones.set(v.name, await loadQpvZones(db, v.name));
    else communeStatuses.set(v.name, await loadCommuneStatuses(db, v.name));
  }
  return { versions, qpvZones, communeStatuses };
}

/** In-memory territory service shared by the whole platform. */
export class TerritoryEngine {
  private data: TerritoryData;
  private indexes = new Map<string, SpatialIndex<QpvZone>>();

  constructor(data: TerritoryData, private readonly today: () => string = todayInParis) {
    this.data = data;
    this.buildIndexes();
  }

  /** Loads everything from the database and builds the spatial indexes. */
  static async load(db: TerritoryDb, today?: () => string): Promise<TerritoryEngine> {
    return new TerritoryEngine(await loadTerritoryData(db), today);
  }

  /** Reloads from the database (after an import); answers keep using the old data until the new is ready. */
  async reload(db: TerritoryDb): Promise<void> {
    const data = await loadTerritoryData(db);
    const previous = this.data;
    this.data = data;
    try {
      this.buildIndexes();
    } catch (error) {
      this.data = previous;
      this.buildIndexes();
      throw error;
    }
  }

  private buildIndexes(): void {
    const indexes = new Map<string, SpatialIndex<QpvZone>>();
    for (const [version, zones] of this.data.qpvZones) indexes.set(version, buildIndex(zones));
    this.indexes = indexes;
  }

  /** Every loaded version. */
  versions(): readonly GeographyVersion[] {
    return this.data.versions;
  }

  /** The version of each kind in force on a date (default: today in Paris). */
  versionsInForce(date?: string): Partial<Record<GeographyKind, GeographyVersion>> {
    return resolveVersions(this.data.versions, this.checkDate(date));
  }

  /** Finds the QPV holding the point (boundary counts as inside) in the QPV geography in force on `date`. */
  classifyPoint(lon: number, lat: number, date?: string): PointClassification {
    if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
      throw new TerritoryInputError('lon', 'La longitude doit être un nombre entre -180 et 180.');
    }
    if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
      throw new TerritoryInputError('lat', 'La latitude doit être un nombre entre -90 et 90.');
    }
    const version = this.versionsInForce(date).qpv;
    if (!version) return { qpv: null, qpvVersion: null };
    const zone = this.indexes.get(version.name)?.lookup(lon, lat) ?? null;
    if (!zone) return { qpv: null, qpvVersion: version.name };
    return {
      qpv: { code: zone.code, name: zone.name, commune: zone.communeName, communeCode: zone.communeCode, version: version.name },
      qpvVersion: version.name,
    };
  }

  /** ZRR and FRR status of a commune on `date`; Paris, Lyon, Marseille arrondissements answer for their commune. */
  communeStatus(inseeCode: string, date?: string): CommuneStatusAnswer {
    const code = typeof inseeCode === 'string' ? inseeCode.trim().toUpperCase() : '';
    if (!INSEE_CODE.test(code)) {
      throw new TerritoryInputError('inseeCode', 'Le code commune INSEE doit compter 5 caractères (par exemple 75056 ou 2A004).');
    }
    const inForce = this.versionsInForce(date);
    const lookup = (version: GeographyVersion | undefined): [string, string] | null => {
      if (!version) return null;
      const statuses = this.data.communeStatuses.get(version.name);
      const status = statuses?.get(code) ?? statuses?.get(communeOfArrondissement(code));
      return status === undefined ? null : [status, version.name];
    };
    const zrr = lookup(inForce.zrr);
    const frr = lookup(inForce.frr);
    return {
      inseeCode: communeOfArrondissement(code),
      zrr: zrr ? { status: zrr[0] as ZrrStatus, label: ZRR_STATUS_LABELS[zrr[0] as ZrrStatus], version: zrr[1] } : null,
      frr: frr ? { status: frr[0] as FrrStatus, label: FRR_STATUS_LABELS[frr[0] as FrrStatus], version: frr[1] } : null,
    };
  }

  /** A QPV zone with its contour (for maps), from a given version or the one in force on `date`. */
  qpvZone(code: string, options: { version?: string; date?: string } = {}): QpvZone | null {
    const version = options.version ?? this.versionsInForce(options.date).qpv?.name;
    if (!version) return null;
    return this.data.qpvZones.get(version)?.find((z) => z.code === code) ?? null;
  }

  private checkDate(date: string | undefined): string {
    if (date === undefined) return this.today();
    if (typeof date !== 'string' || !isIsoDate(date)) {
      throw new TerritoryInputError('date', 'La date doit être au format AAAA-MM-JJ et exister au calendrier.');
    }
    return date;
  }
}
