/**
 * Import command: builds (or checks) the local geocoder's index cache from BAN extracts.
 * Usage: node --import tsx src/territory/geocoding/import-cli.ts [--cache-dir DIR] [fichier.csv.gz ...]
 * Without files, imports the shipped Paris extract; without --cache-dir, uses ./data/geocoding.
 */
import { parseArgs } from 'node:util';
import { BanImportError } from './ban-csv.js';
import { openBanIndex } from './ban-cache.js';
import { PARIS_BAN_ASSET } from './local-geocoder.js';

const { values, positionals } = parseArgs({
  options: { 'cache-dir': { type: 'string', default: 'data/geocoding' } },
  allowPositionals: true,
});
const sources = positionals.length > 0 ? positionals : [PARIS_BAN_ASSET];
try {
  const { index, origin } = await openBanIndex(sources, { cacheDir: values['cache-dir'] });
  console.log(JSON.stringify({
    sources,
    cache_file: origin.cacheFile,
    from_cache: origin.fromCache,
    milliseconds: Math.round(origin.milliseconds),
    addresses: index.addressCount,
    streets: index.streetCount,
    skipped_rows: origin.report?.skipped ?? null,
  }, null, 2));
} catch (error) {
  console.error(error instanceof BanImportError ? error.message : `Import BAN impossible : ${(error as Error).message}`);
  process.exitCode = 1;
}
