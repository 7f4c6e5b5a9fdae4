/**
 * An email reply comes back into its ticket: found by the ticket number (plus-address or subject),
 * accepted only from the requester's own address, added once per Message-ID, then handled as a
 * reply through the private link (a waiting or resolved ticket reopens, the assignee is told).
 */
import type { Tx } from '../../platform/db/index.js';
import { findTicket, findTicketByNumber, hasExternalMessage } from '../tickets.store.js';
import { extractReply, ticketReference, type InboundMessage } from '../inbound-mail.js';
import type { SupportSettings } from '../support.js';
import { requesterReply } from './reply.js';
import type { StoredFile } from './attachments.js';

/** Why an email was not added to a ticket. */
export type IgnoredReason = 'no_reference' | 'unknown_ticket' | 'sender_mismatch' | 'duplicate' | 'empty' | 'closed';

/** French explanations, returned to the webhook caller and logged. */
export const IGNORED_LABELS: Record<IgnoredReason, string> = {
  no_reference: 'Aucun numéro de demande dans l’adresse ni dans l’objet.',
  unknown_ticket: 'Aucune demande ne porte ce numéro.',
  sender_mismatch: 'L’expéditeur n’est pas l’auteur de la demande.',
  duplicate: 'Ce courriel a déjà été ajouté à la demande.',
  empty: 'Le courriel ne contient pas de nouveau texte.',
  closed: 'La demande est clôturée.',
};

/** The ticket an inbound email is about, or why it is ignored (checks before attachments are stored). */
export async function matchInbound(tx: Tx, m: InboundMessage): Promise<{ ok: true; ticketId: string; number: string } | { ok: false; reason: IgnoredReason }> {
  const ref = ticketReference(m);
  if (!ref) return { ok: false, reason: 'no_reference' };
  let ticket = await findTicketByNumber(tx, ref);
  if (ticket?.mergedIntoId) ticket = await findTicket(tx, ticket.mergedIntoId);
  if (!ticket || ticket.anonymisedAt) return { ok: false, reason: 'unknown_ticket' };
  if (!m.from || m.from.address !== ticket.email.toLowerCase()) return { ok: false, reason: 'sender_mismatch' };
  if (m.messageId && (await hasExternalMessage(tx, m.messageId))) return { ok: false, reason: 'duplicate' };
  if (ticket.status === 'closed') return { ok: false, reason: 'closed' };
  if (!extractReply(m.text) && m.attachments.length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, ticketId: ticket.id, number: ticket.number };
}

/** Adds the reply to the ticket; `refused` is the message of attachments refused by the checks, noted in the text. */
export async function addInboundReply(
  tx: Tx, m: InboundMessage, ticketId: string, files: StoredFile[], refused: string | null, s: SupportSettings, now: Date,
): Promise<{ ok: true; mailId: string | null } | { ok: false; reason: IgnoredReason }> {
  const text = extractReply(m.text) || '(pièces jointes envoyées par courriel)';
  const body = refused ? `${text}\n\n[Pièce jointe non ajoutée : ${refused}]` : text;
  const res = await requesterReply(tx, { id: null, label: `courriel <${m.from?.address ?? ''}>` }, ticketId,
    { body: body.slice(0, 10000), files, channel: 'email', externalId: m.messageId }, s, now);
  return res.ok ? { ok: true, mailId: res.mailId } : { ok: false, reason: 'closed' };
}
