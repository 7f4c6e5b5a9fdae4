/** Loads the geographies shipped in assets/geo (demo data and tests). */
import { readFileSync } from 'node:fs';
import { assetPath, SHIPPED_GEOGRAPHIES } from '../shipped-data.js';
import type { TerritoryDb } from '../territory.store.js';
import { IMPORTERS, type ImportOutcome } from './import-geography.js';

/** Imports every shipped geography; throws with the French messages if one of them does not validate. */
export async function importShippedGeographies(db: TerritoryDb): Promise<Record<string, ImportOutcome>> {
  const outcomes: Record<string, ImportOutcome> = {};
  for (const g of SHIPPED_GEOGRAPHIES) {
    const outcome = await IMPORTERS[g.kind](db, {
      text: readFileSync(assetPath(g.file), 'utf8'),
      version: g.version,
      validFrom: g.validFrom,
      validTo: g.validTo,
      source: g.source,
    });
    if (!outcome.ok) {
      throw new Error(`Import de ${g.file} refusé :\n${outcome.errors.map((e) => `${e.where} : ${e.message}`).join('\n')}`);
    }
    outcomes[g.version] = outcome;
  }
  return outcomes;
}
