/** Pure rules of the audit log: canonical form of an entry and its chained hash. */
import crypto from 'node:crypto';

/** Hash of the first link of the chain. */
export const GENESIS = '0'.repeat(64);

/** What is recorded for one action. */
export interface AuditEntry {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  meta: unknown;
  ip: string | null;
}

/** JSON with sorted keys, so the same entry always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The hash of an entry chained to the previous one. */
export function chainHash(prevHash: string, e: AuditEntry): string {
  const body = canonicalJson({
    at: new Date(e.at).toISOString(), actorId: e.actorId, actorLabel: e.actorLabel, action: e.action,
    objectType: e.objectType, objectId: e.objectId, before: e.before, after: e.after, meta: e.meta, ip: e.ip,
  });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Result of a chain verification. */
export type ChainCheck = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/** Verifies a sequence of stored rows, in id order. */
export function verifyRows(rows: (AuditEntry & { id: number; prevHash: string; hash: string })[], startPrev = GENESIS): ChainCheck {
  let prev = startPrev;
  let count = 0;
  for (const r of rows) {
    if (r.prevHash !== prev) return { ok: false, count, brokenAt: r.id, reason: 'le lien avec l’entrée précédente est rompu (entrée supprimée ou insérée)' };
    const expected = chainHash(prev, r);
    if (expected !== r.hash) return { ok: false, count, brokenAt: r.id, reason: 'le contenu de l’entrée a été modifié' };
    prev = r.hash;
    count++;
  }
  return { ok: true, count };
}
