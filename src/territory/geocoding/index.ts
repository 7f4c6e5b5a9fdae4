/** Public API of the geocoding module: what other parts of the platform may import. */
export {
  GeocoderUnavailableError,
  MAX_QUERY_LENGTH,
  validateQuery,
  type Address,
  type GeocodeManyOptions,
  type GeocodeOptions,
  type GeocodeResult,
  type GeocodeRow,
  type Geocoder,
} from './geocoder.js';
export { LocalGeocoder, PARIS_BAN_ASSET, type LocalGeocoderOptions } from './local-geocoder.js';
export { BanApiGeocoder, type BanApiOptions } from './ban-api.js';
export { createGeocoder, geocodingCacheDir } from './factory.js';
export { importBanCsv, type BanImportReport } from './ban-import.js';
export { BanImportError, type BanSource } from './ban-csv.js';
export { openBanIndex, serializeBanIndex, deserializeBanIndex, type BanIndexOrigin } from './ban-cache.js';
export type { BanIndex } from './ban-index.js';
export { distanceMetres } from './distance.js';
