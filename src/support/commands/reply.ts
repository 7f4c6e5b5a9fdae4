/** Messages on a ticket: the staff's reply (mailed), an internal note (never shown to the requester), the requester's answer. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { findTicket, insertMessage, updateTicket, userEmail } from '../tickets.store.js';
import { can } from '../support.states.js';
import type { SupportActor, SupportOutcome, SupportSettings } from '../support.js';
import { replyMail, requesterAnsweredMail } from '../mails.js';
import { applyEvent, freshLink } from './change-status.js';
import { recordAttachments, type StoredFile } from './attachments.js';

const STALE = 'La demande a été modifiée entre-temps par quelqu’un d’autre. Rechargez la page : votre texte est conservé ci-dessous.';

/** What happens to the ticket after a staff reply. */
export type AfterReply = 'await_requester' | 'resolve' | 'keep';

/** Staff answer by mail; the first answer is timed; the ticket then waits, is resolved, or stays open. */
export async function staffReply(
  tx: Tx, actor: SupportActor & { id: string; name: string }, ticketId: string, version: number, v: { body: string; after: AfterReply }, s: SupportSettings, now: Date,
): Promise<SupportOutcome<{ mailId: string }>> {
  const ticket = await findTicket(tx, ticketId, { lock: true });
  if (!ticket) return { ok: false, message: 'Cette demande n’existe plus.' };
  if (ticket.version !== version) return { ok: false, message: STALE };
  if (ticket.status === 'closed') return { ok: false, message: 'Cette demande est clôturée : elle ne peut plus recevoir de réponse.' };
  const message = await insertMessage(tx, { ticketId, kind: 'staff_reply', authorUserId: actor.id, authorLabel: actor.name, body: v.body, createdAt: now });
  const patch = { firstAnsweredAt: ticket.firstAnsweredAt ?? now, assigneeId: ticket.assigneeId ?? actor.id };
  const event = v.after === 'keep' ? (can(ticket.status, 'take') ? 'take' : null) : v.after;
  if (event && can(ticket.status, event)) {
    const res = await applyEvent(tx, actor, ticket, event, now, patch, { messageId: message.id });
    if (!res.ok) return res;
  } else if (!(await updateTicket(tx, ticket.id, ticket.version, patch, now))) {
    return { ok: false, message: STALE };
  }
  const token = await freshLink(tx, ticket.id, now);
  const mailId = await enqueueMail(tx, replyMail(ticket, s.baseUrl, token, v.body, s.inbound), s.smtp);
  await recordAudit(tx, actor, { action: 'support.replied', objectType: 'support_ticket', objectId: ticket.id, after: { messageId: message.id, first: !ticket.firstAnsweredAt }, meta: { number: ticket.number } }, now);
  return { ok: true, mailId };
}

/** An internal note: staff only, never mailed nor shown through the private link. */
export async function addNote(tx: Tx, actor: SupportActor & { id: string; name: string }, ticketId: string, body: string, now: Date): Promise<SupportOutcome> {
  const ticket = await findTicket(tx, ticketId, { lock: true });
  if (!ticket) return { ok: false, message: 'Cette demande n’existe plus.' };
  const message = await insertMessage(tx, { ticketId, kind: 'internal_note', authorUserId: actor.id, authorLabel: actor.name, body, createdAt: now });
  await updateTicket(tx, ticket.id, ticket.version, {}, now);
  await recordAudit(tx, actor, { action: 'support.note_added', objectType: 'support_ticket', objectId: ticket.id, after: { messageId: message.id }, meta: { number: ticket.number } }, now);
  return { ok: true };
}

/** The requester answers (private link or their account): a waiting or resolved ticket reopens. */
export async function requesterReply(
  tx: Tx, actor: SupportActor, ticketId: string, v: { body: string; files: StoredFile[]; channel?: 'web' | 'email'; externalId?: string | null }, s: SupportSettings, now: Date,
): Promise<SupportOutcome<{ mailId: string | null }>> {
  const ticket = await findTicket(tx, ticketId, { lock: true });
  if (!ticket || ticket.mergedIntoId) return { ok: false, message: 'Cette demande n’existe plus.' };
  if (ticket.status === 'closed') return { ok: false, message: 'Cette demande est clôturée : pour une nouvelle question, écrivez-nous depuis la page de contact.' };
  const message = await insertMessage(tx, {
    ticketId, kind: 'requester', authorUserId: null, authorLabel: ticket.requesterName || ticket.email, body: v.body,
    channel: v.channel ?? 'web', externalId: v.externalId ?? null, createdAt: now,
  });
  const attachments = await recordAttachments(tx, ticket.id, message.id, v.files, now);
  if (can(ticket.status, 'requester_replied')) {
    const res = await applyEvent(tx, actor, ticket, 'requester_replied', now, {}, { messageId: message.id });
    if (!res.ok) return res;
  } else {
    await updateTicket(tx, ticket.id, ticket.version, {}, now);
  }
  await recordAudit(tx, actor, { action: 'support.requester_replied', objectType: 'support_ticket', objectId: ticket.id, after: { messageId: message.id, attachments, channel: v.channel ?? 'web' }, meta: { number: ticket.number } }, now);
  let mailId: string | null = null;
  const to = ticket.assigneeId ? await userEmail(tx, ticket.assigneeId) : null;
  if (to) mailId = await enqueueMail(tx, requesterAnsweredMail(to, ticket, s.baseUrl, ticket.id), s.smtp);
  return { ok: true, mailId };
}
