/** The requester's answer to the satisfaction question, once, on a closed or resolved ticket. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { findTicket, updateTicket } from '../tickets.store.js';
import type { SupportActor, SupportOutcome } from '../support.js';

/** Whether the satisfaction question is open for this ticket. */
export function asksSatisfaction(t: { status: string; satisfaction: number | null; mergedIntoId: string | null }): boolean {
  return (t.status === 'closed' || t.status === 'resolved') && t.satisfaction === null && !t.mergedIntoId;
}

/** Records the score (1 to 5) and an optional comment. */
export async function recordSatisfaction(tx: Tx, actor: SupportActor, ticketId: string, v: { score: number; comment: string }, now: Date): Promise<SupportOutcome> {
  const ticket = await findTicket(tx, ticketId, { lock: true });
  if (!ticket || !asksSatisfaction(ticket)) return { ok: false, message: 'Votre avis a déjà été enregistré, ou la demande n’est pas encore terminée.' };
  await updateTicket(tx, ticket.id, ticket.version, { satisfaction: v.score, satisfactionComment: v.comment || null, satisfactionAt: now }, now);
  await recordAudit(tx, actor, { action: 'support.satisfaction', objectType: 'support_ticket', objectId: ticket.id, after: { score: v.score }, meta: { number: ticket.number } }, now);
  return { ok: true };
}
