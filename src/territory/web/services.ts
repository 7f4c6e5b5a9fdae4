/**
 * The territory services of a running platform, built once and shared: the engine (geographies
 * loaded from the database) and the geocoder (local BAN index by default, the BAN API if configured).
 */
import type { AppDeps } from '../../platform/http/context.js';
import { TerritoryEngine } from '../engine.js';
import path from 'node:path';
import { createGeocoder } from '../geocoding/factory.js';
import type { TerritoryServices } from './lookup.js';

const KEY = 'territory';

/** The territory services, loaded on first use. */
export function territoryServices(deps: AppDeps): Promise<TerritoryServices> {
  let p = deps.services[KEY] as Promise<TerritoryServices> | undefined;
  if (!p) {
    p = (async () => ({
      engine: await TerritoryEngine.load(deps.database.db),
      geocoder: await createGeocoder(deps.config, { banSources: banSources(deps.config.BAN_FILES) }),
    }))();
    p.catch(() => { delete deps.services[KEY]; });
    deps.services[KEY] = p;
  }
  return p;
}

/** After an import: reload the engine's geographies. */
export async function reloadTerritory(deps: AppDeps): Promise<void> {
  const s = deps.services[KEY] as Promise<TerritoryServices> | undefined;
  if (s) await (await s).engine.reload(deps.database.db);
}

/** BAN files to index: BAN_FILES (comma-separated paths), else the shipped Paris extract. */
export function banSources(list: string | undefined): string[] | undefined {
  const files = list?.split(',').map((s) => s.trim()).filter(Boolean);
  return files && files.length > 0 ? files.map((p) => path.resolve(p)) : undefined;
}
