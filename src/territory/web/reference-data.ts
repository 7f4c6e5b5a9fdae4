/** Geographies every installation starts with: the shipped extracts, imported once into an empty database. */
import type { Db } from '../../platform/db/index.js';
import { listGeographyVersions } from '../territory.store.js';
import { importShippedGeographies } from '../commands/import-shipped-geographies.js';
import { log } from '../../platform/log.js';

/** Imports the shipped QPV/ZRR/FRR extracts when no geography is stored yet. */
export async function ensureGeographies(db: Db): Promise<void> {
  if ((await listGeographyVersions(db)).length > 0) return;
  const outcomes = await importShippedGeographies(db);
  log.info('géographies livrées importées', { versions: Object.keys(outcomes) });
}
