/** Staff sort a ticket: priority, assignee and topic (a complaint about a known training is flagged for monitoring). */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { findTicket, supportStaff, updateTicket } from '../tickets.store.js';
import { flagsMonitoring, type Priority, type SupportActor, type SupportOutcome, type Topic } from '../support.js';

/** Changes priority, assignee and topic in one audited update. */
export async function triageTicket(
  tx: Tx, actor: SupportActor, ticketId: string, version: number, v: { priority: Priority; assigneeId: string | null; topic: Topic }, now: Date,
): Promise<SupportOutcome> {
  const ticket = await findTicket(tx, ticketId, { lock: true });
  if (!ticket) return { ok: false, message: 'Cette demande n’existe plus.' };
  if (ticket.version !== version) return { ok: false, message: 'La demande a été modifiée entre-temps par quelqu’un d’autre. Rechargez la page puis recommencez.' };
  if (v.assigneeId && !(await supportStaff(tx)).some((p) => p.id === v.assigneeId)) {
    return { ok: false, message: 'Cette personne ne fait pas partie de l’équipe support.', errors: { assigneeId: 'Choisissez une personne de l’équipe support.' } };
  }
  const before = { priority: ticket.priority, assigneeId: ticket.assigneeId, topic: ticket.topic, flagged: ticket.flaggedForMonitoring };
  const flagged = ticket.flaggedForMonitoring || flagsMonitoring(v.topic, ticket.trainingRef);
  const after = { priority: v.priority, assigneeId: v.assigneeId, topic: v.topic, flagged };
  if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true };
  const updated = await updateTicket(tx, ticket.id, ticket.version, { priority: v.priority, assigneeId: v.assigneeId, topic: v.topic, flaggedForMonitoring: flagged }, now);
  if (!updated) return { ok: false, message: 'La demande a été modifiée entre-temps. Rechargez la page puis recommencez.' };
  await recordAudit(tx, actor, { action: 'support.triaged', objectType: 'support_ticket', objectId: ticket.id, before, after, meta: { number: ticket.number } }, now);
  return { ok: true };
}
