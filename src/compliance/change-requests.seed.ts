/**
 * Demo of change requests: one pending request (going partly remote) on the first active label, and
 * one pending request to move the first planned session of an active label 4 months later (beyond
 * the 2 months allowed without approval).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { recordAudit, SYSTEM } from '../platform/audit/audit.store.js';
import { labels } from '../labels/labels.schema.js';
import { addDays, addMonths, parisDay, trainingSessions } from '../sessions/index.js';
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
  const [session] = await tx.select({ s: trainingSessions }).from(trainingSessions).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(and(eq(trainingSessions.status, 'planned'), eq(labels.status, 'active'))).orderBy(asc(labels.number), asc(trainingSessions.plannedStart)).limit(1);
  if (session) {
    const s = session.s;
    const moved = await insertChangeRequest(tx, {
      labelId: s.labelId, organisationId: s.organisationId, type: 'session_dates', requestedOn: addMonths(s.plannedStart, 4), createdAt: now, updatedAt: now,
      sessionId: s.id, previousStart: s.plannedStart, previousEnd: s.plannedEnd, newStart: addMonths(s.plannedStart, 4), newEnd: addMonths(s.plannedEnd, 4),
      description: 'Le plateau technique partagé avec le lycée voisin n’est disponible qu’à partir de cette date : report de la session de quatre mois.',
    });
    await recordAudit(tx, SYSTEM, { action: 'change_request.submitted', objectType: 'change_request', objectId: moved.id, after: { labelId: s.labelId, type: moved.type, sessionId: s.id }, meta: { demo: true } }, now);
  }
  return true;
}
