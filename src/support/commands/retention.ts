/**
 * Retention of personal data: a ticket closed for more than SUPPORT_RETENTION_MONTHS loses who
 * wrote it and what was written (names, addresses, subject, message bodies, attachments, links);
 * topic, dates, states and the satisfaction score stay, so the figures remain true.
 */
import { and, eq, inArray, isNull, lt, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.js';
import { recordAudit, SYSTEM } from '../../platform/audit/audit.store.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { supportTickets, supportMessages, supportAttachments, supportLinks } from '../support.schema.js';

/** The text that replaces what was written. */
export const ERASED = '[Contenu effacé : durée de conservation écoulée]';

/** The instant before which a closed ticket is anonymised: `months` calendar months before now. */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** Anonymises every ticket closed before the cutoff and not yet anonymised; returns how many. Idempotent. */
export async function purgeExpiredTickets(db: Db, storage: FileStorage, months: number, now: Date, batch = 200): Promise<number> {
  const cutoff = retentionCutoff(now, months);
  let total = 0;
  for (;;) {
    const due = await db.select({ id: supportTickets.id, number: supportTickets.number, trainingRef: supportTickets.trainingRef }).from(supportTickets)
      .where(and(eq(supportTickets.status, 'closed'), isNotNull(supportTickets.closedAt), lt(supportTickets.closedAt, cutoff), isNull(supportTickets.anonymisedAt)))
      .limit(batch);
    if (due.length === 0) return total;
    for (const t of due) {
      const keys = await db.transaction(async (tx) => {
        const files = await tx.delete(supportAttachments).where(eq(supportAttachments.ticketId, t.id)).returning({ key: supportAttachments.storageKey });
        await tx.update(supportMessages).set({ body: ERASED, authorLabel: 'Demandeur', authorUserId: null }).where(and(eq(supportMessages.ticketId, t.id), eq(supportMessages.kind, 'requester')));
        await tx.update(supportMessages).set({ body: ERASED }).where(and(eq(supportMessages.ticketId, t.id), inArray(supportMessages.kind, ['staff_reply', 'internal_note'])));
        await tx.delete(supportLinks).where(eq(supportLinks.ticketId, t.id));
        await tx.update(supportTickets).set({
          email: '', requesterName: '', requesterUserId: null, subject: `Demande ${t.number} (anonymisée)`,
          trainingLabel: t.trainingRef ? undefined : '', satisfactionComment: null, shareIdentity: false, anonymisedAt: now, updatedAt: now,
        }).where(eq(supportTickets.id, t.id));
        await recordAudit(tx, SYSTEM, { action: 'support.anonymised', objectType: 'support_ticket', objectId: t.id, after: { attachmentsDeleted: files.length }, meta: { number: t.number, months } }, now);
        return files.map((f) => f.key);
      });
      // Files go once the transaction committed (a failed transaction leaves them in place).
      for (const k of keys) await storage.delete(k);
      total++;
    }
  }
}
