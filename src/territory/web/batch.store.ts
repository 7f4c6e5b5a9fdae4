/** Storage of address batches: rows in the database, files under DATA_DIR/files/territoire/<id>/. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import { territoryBatches } from './batch.schema.js';

/** Folder of a batch's files. */
export function batchDir(dataDir: string, id: string): string {
  return path.join(dataDir, 'files', 'territoire', id);
}

/** A stored batch. */
export type Batch = typeof territoryBatches.$inferSelect;

/** Creates a batch waiting for its column mapping and stores the uploaded file. */
export async function createBatch(db: DbOrTx, dataDir: string, b: { filename: string; encoding: string; header: string[]; total: number; bytes: Uint8Array; now: Date }): Promise<Batch> {
  const [row] = await db.insert(territoryBatches).values({
    status: 'mapping', filename: b.filename.slice(0, 200), encoding: b.encoding, header: b.header, total: b.total,
    createdAt: b.now, expiresAt: new Date(b.now.getTime() + 24 * 3600_000),
  }).returning();
  const dir = batchDir(dataDir, row!.id);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'source'), b.bytes);
  return row!;
}

/** A batch by id (null if unknown or expired). */
export async function getBatch(db: DbOrTx, id: string, now: Date): Promise<Batch | null> {
  const [row] = await db.select().from(territoryBatches).where(eq(territoryBatches.id, id));
  return row && row.expiresAt > now ? row : null;
}

/** Updates a batch. */
export async function updateBatch(db: DbOrTx, id: string, set: Partial<typeof territoryBatches.$inferInsert>): Promise<void> {
  await db.update(territoryBatches).set(set).where(eq(territoryBatches.id, id));
}

/** Deletes batches past their 24 hours, rows and files; returns how many. */
export async function purgeExpiredBatches(db: DbOrTx, dataDir: string, now: Date): Promise<number> {
  const gone = await db.delete(territoryBatches).where(lt(territoryBatches.expiresAt, now)).returning({ id: territoryBatches.id });
  for (const g of gone) await fs.rm(batchDir(dataDir, g.id), { recursive: true, force: true });
  return gone.length;
}
