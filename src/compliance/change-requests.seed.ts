/** Demo of change requests: one pending request (going partly remote) on the first active label. */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { recordAudit, SYSTEM } from '../platform/audit/audit.store.js';
import { labels } from '../labels/labels.schema.js';
import { addDays, parisDay } from '../sessions/index.js';
import { insertChangeRequest } from './change-requests.store.js';

/** Seeds one pending change request; returns whether one was created. */
export async function seedDemoChangeRequests(tx: Tx, now: Date): Promise<boolean> {
  const [label] = await tx.select().from(labels).where(eq(labels.status, 'active')).orderBy(asc(labels.number)).limit(1);
  if (!label) return false;
  const r = await insertChangeRequest(tx, {
    labelId: label.id, organisationId: label.organisationId, type: 'modality', requestedOn: addDays(parisDay(now), 60), createdAt: now, updatedAt: now,
    description: 'Passage de deux jours par semaine à distance pour les apprenants éloignés du campus, avec classe virtuelle et tutorat individuel.',
  });
  await recordAudit(tx, SYSTEM, { action: 'change_request.submitted', objectType: 'change_request', objectId: r.id, after: { labelId: label.id, type: r.type }, meta: { demo: true } }, now);
  return true;
}
