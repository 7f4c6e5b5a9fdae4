/** Importing the RNCP table: read the whole file, refuse it on any error, replace the table in one transaction. */
import type { Db } from '../../platform/db/index.js';
import { parseRncp, rncpText } from '../rncp.js';
import { replaceRncp } from '../applications.store.js';

/** Outcome of an import. */
export type RncpImportResult = { ok: true; rows: number } | { ok: false; errors: string[] };

/** Imports a file (CSV or gzip-compressed CSV) named `source`; all or nothing. */
export async function importRncp(db: Db, bytes: Buffer, source: string, now: Date): Promise<RncpImportResult> {
  let text: string;
  try {
    text = rncpText(bytes);
  } catch {
    return { ok: false, errors: ['Le fichier compressé est illisible.'] };
  }
  const parsed = parseRncp(text);
  if (!parsed.ok) return parsed;
  await db.transaction((tx) => replaceRncp(tx, parsed.rows.map((r) => ({ code: r.code, title: r.title, level: r.level, active: r.active, validUntil: r.validUntil })), source, now));
  return { ok: true, rows: parsed.rows.length };
}
