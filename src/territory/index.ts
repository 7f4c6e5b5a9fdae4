/** What other domains may import from the territory domain (geocoding is exported from ./geocoding). */
export { TerritoryEngine, TerritoryInputError, loadTerritoryData, todayInParis } from './engine.js';
export type { CommuneStatusAnswer, PointClassification, QpvAnswer, RuralStatus, TerritoryData } from './engine.js';
export {
  FRR_STATUS_LABELS, ZRR_STATUS_LABELS, communeOfArrondissement, isFrrBeneficiary, isFrrClassified, isIsoDate, resolveVersions,
} from './territory.js';
export type { CommuneStatus, FrrStatus, GeographyKind, GeographyVersion, QpvZone, ZrrStatus } from './territory.js';
export { communeInfo, isKnownCommune } from './communes.js';
export type { CommuneInfo } from './communes.js';
export { importFrr, importQpv, importZrr, type ImportOutcome, type ImportRequest } from './commands/import-geography.js';
export { importShippedGeographies } from './commands/import-shipped-geographies.js';
export { listGeographyVersions, setVersionPeriod, type TerritoryDb } from './territory.store.js';
export { territoryCommuneStatuses, territoryGeographyVersions, territoryQpvZones } from './territory.schema.js';
export type { ImportIssue } from './import/import-report.js';
export { buildIndex, type SpatialIndex } from './geometry/spatial-index.js';
export { parseGeometry, toGeoJsonMultiPolygon, type Surface } from './geometry/geojson.js';
