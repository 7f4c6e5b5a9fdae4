/**
 * Chooses the platform's geocoder from the configuration: the local BAN index (default, offline,
 * cache under DATA_DIR/geocoding) or the BAN API at BAN_API_URL.
 */
import { join } from 'node:path';
import type { Config } from '../../platform/config.js';
import { BanApiGeocoder } from './ban-api.js';
import type { Geocoder } from './geocoder.js';
import { LocalGeocoder, PARIS_BAN_ASSET } from './local-geocoder.js';

/** Directory of the local geocoder's index cache for a data directory. */
export function geocodingCacheDir(dataDir: string): string {
  return join(dataDir, 'geocoding');
}

/** Builds the geocoder named by `GEOCODER` ("local" with the shipped or given BAN extracts, or "ban"). */
export async function createGeocoder(
  config: Pick<Config, 'GEOCODER' | 'BAN_API_URL' | 'dataDir'>,
  options: { banSources?: readonly string[] } = {},
): Promise<Geocoder> {
  if (config.GEOCODER === 'ban') return new BanApiGeocoder({ baseUrl: config.BAN_API_URL });
  const { geocoder } = await LocalGeocoder.open({
    sources: options.banSources ?? [PARIS_BAN_ASSET],
    cacheDir: geocodingCacheDir(config.dataDir),
  });
  return geocoder;
}
