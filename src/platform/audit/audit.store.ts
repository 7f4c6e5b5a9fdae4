/** Writing and reading the audit log. Writes happen inside the transaction of the change they record. */
import { and, desc, eq, ilike, gte, lte, sql, asc, gt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { auditLog } from './audit.schema.js';
import { chainHash, GENESIS, verifyRows, type AuditEntry, type ChainCheck } from './audit.js';

/** Who acts: a user or the platform itself. */
export interface AuditActor { id: string | null; label: string; ip?: string | null }

/** The platform acting on its own (jobs, seeds). */
export const SYSTEM: AuditActor = { id: null, label: 'système' };

/** Appends one entry; serialised by a transaction-scoped advisory lock so the chain stays linear. */
export async function recordAudit(
  tx: DbOrTx,
  actor: AuditActor,
  e: { action: string; objectType: string; objectId: string; before?: unknown; after?: unknown; meta?: unknown },
  now: Date = new Date(),
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(424242)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const entry: AuditEntry = {
    at: now.toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    before: e.before ?? null,
    after: e.after ?? null,
    meta: e.meta ?? null,
    ip: actor.ip ?? null,
  };
  // Round-trip through JSON so what is hashed is exactly what jsonb will give back.
  const norm = JSON.parse(JSON.stringify(entry)) as AuditEntry;
  const prevHash = last?.hash ?? GENESIS;
  await tx.insert(auditLog).values({ ...norm, prevHash, hash: chainHash(prevHash, norm) });
}

/** Filters of the audit browser. */
export interface AuditFilter { action?: string; objectType?: string; objectId?: string; actor?: string; from?: Date; to?: Date }

/** A page of the log, newest first. */
export async function listAudit(db: DbOrTx, f: AuditFilter, page: number, size = 50) {
  const where: SQL[] = [];
  if (f.action) where.push(ilike(auditLog.action, `${f.action}%`));
  if (f.objectType) where.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) where.push(eq(auditLog.objectId, f.objectId));
  if (f.actor) where.push(ilike(auditLog.actorLabel, `%${f.actor}%`));
  if (f.from) where.push(gte(auditLog.at, f.from.toISOString()));
  if (f.to) where.push(lte(auditLog.at, f.to.toISOString()));
  const cond = where.length ? and(...where) : undefined;
  const rows = await db.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(size).offset((page - 1) * size);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(cond);
  return { rows, total: count?.n ?? 0 };
}

/** History of one object, oldest first (timelines). */
export async function objectHistory(db: DbOrTx, objectType: string, objectId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.objectType, objectType), eq(auditLog.objectId, objectId))).orderBy(asc(auditLog.id));
}

/** Verifies the whole chain, in batches. */
export async function verifyChain(db: DbOrTx): Promise<ChainCheck> {
  let prev = GENESIS;
  let lastId = 0;
  let total = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(1000);
    if (rows.length === 0) return { ok: true, count: total };
    const res = verifyRows(rows as never, prev);
    if (!res.ok) return { ...res, count: total + res.count };
    total += res.count;
    const last = rows[rows.length - 1]!;
    prev = last.hash;
    lastId = last.id;
  }
}
