/** Status changes: one audited transition, and the command staff trigger with a button (mails after resolve and close). */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { newToken, sha256 } from '../../platform/auth/tokens.js';
import { findTicket, insertLink, updateTicket, type TicketRow } from '../tickets.store.js';
import { transition, type TicketEvent } from '../support.states.js';
import type { SupportActor, SupportOutcome, SupportSettings, TicketStatus } from '../support.js';
import { closedMail, resolvedMail } from '../mails.js';

const STALE = 'La demande a été modifiée entre-temps par quelqu’un d’autre. Rechargez la page puis recommencez.';

/** Timestamps that follow a state. */
function stamps(to: TicketStatus, now: Date): Partial<Pick<TicketRow, 'resolvedAt' | 'closedAt'>> {
  if (to === 'resolved') return { resolvedAt: now };
  if (to === 'closed') return { closedAt: now };
  if (to === 'open') return { resolvedAt: null };
  return {};
}

/** Applies one event to a locked ticket, with its audit entry; `patch` is written in the same update. */
export async function applyEvent(
  tx: Tx, actor: SupportActor, ticket: TicketRow, event: TicketEvent, now: Date, patch: Partial<TicketRow> = {}, meta?: unknown,
): Promise<SupportOutcome<{ ticket: TicketRow }>> {
  const move = transition(ticket.status, event);
  if (!move.ok) return move;
  const updated = await updateTicket(tx, ticket.id, ticket.version, { ...patch, status: move.to, ...stamps(move.to, now) }, now);
  if (!updated) return { ok: false, message: STALE };
  await recordAudit(tx, actor, {
    action: 'support.status_changed', objectType: 'support_ticket', objectId: ticket.id,
    before: { status: move.from }, after: { status: move.to }, meta: { event, number: ticket.number, ...(meta ? { detail: meta } : {}) },
  }, now);
  return { ok: true, ticket: updated };
}

/** A fresh private link for a mail to the requester. */
export async function freshLink(tx: Tx, ticketId: string, now: Date): Promise<string> {
  const token = newToken();
  await insertLink(tx, ticketId, sha256(token), now);
  return token;
}

/** Staff change the status by hand; resolving and closing write to the requester. */
export async function changeStatus(
  tx: Tx, actor: SupportActor, ticketId: string, version: number, event: TicketEvent, s: SupportSettings, now: Date,
): Promise<SupportOutcome<{ mailId: string | null; status: TicketStatus }>> {
  const ticket = await findTicket(tx, ticketId, { lock: true });
  if (!ticket) return { ok: false, message: 'Cette demande n’existe plus.' };
  if (ticket.version !== version) return { ok: false, message: STALE };
  if (event === 'requester_replied' || event === 'merge') return { ok: false, message: 'Cette action n’est pas possible ici.' };
  const res = await applyEvent(tx, actor, ticket, event, now);
  if (!res.ok) return res;
  let mailId: string | null = null;
  if (res.ticket.status === 'resolved' || res.ticket.status === 'closed') {
    const token = await freshLink(tx, ticket.id, now);
    const mail = res.ticket.status === 'resolved' ? resolvedMail(ticket, s.baseUrl, token) : closedMail(ticket, s.baseUrl, token);
    mailId = await enqueueMail(tx, mail, s.smtp);
  }
  return { ok: true, mailId, status: res.ticket.status };
}
