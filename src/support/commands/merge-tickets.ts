/** Merging a duplicate into another ticket: its messages, files and links move over, the duplicate is closed. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { findTicket, findTicketByNumber, moveTicketContent, updateTicket } from '../tickets.store.js';
import { can } from '../support.states.js';
import type { SupportActor, SupportOutcome, SupportSettings, Topic } from '../support.js';
import { mergedMail } from '../mails.js';
import { applyEvent, freshLink } from './change-status.js';

/** Merges ticket `duplicateId` into the ticket numbered `targetNumber`; `mayHandle` says which topics the actor handles. */
export async function mergeTickets(
  tx: Tx, actor: SupportActor, duplicateId: string, version: number, targetNumber: string, mayHandle: (t: Topic) => boolean, s: SupportSettings, now: Date,
): Promise<SupportOutcome<{ targetId: string; mailId: string }>> {
  const field = (message: string) => ({ ok: false as const, message, errors: { cible: message } });
  const dup = await findTicket(tx, duplicateId, { lock: true });
  if (!dup) return { ok: false, message: 'Cette demande n’existe plus.' };
  if (dup.version !== version) return { ok: false, message: 'La demande a été modifiée entre-temps. Rechargez la page puis recommencez.' };
  const found = await findTicketByNumber(tx, targetNumber);
  if (!found || !mayHandle(found.topic)) return field(`Aucune demande ${targetNumber.trim().toUpperCase()} ne vous est accessible.`);
  if (found.id === dup.id) return field('Une demande ne peut pas être fusionnée avec elle-même.');
  if (found.status === 'closed' || found.mergedIntoId) return field('La demande cible est clôturée : choisissez une demande en cours.');
  if (!can(dup.status, 'merge')) return { ok: false, message: 'Cette demande ne peut plus être fusionnée dans son état actuel.' };
  const target = (await findTicket(tx, found.id, { lock: true }))!;
  await moveTicketContent(tx, dup.id, target.id, dup.number);
  const res = await applyEvent(tx, actor, dup, 'merge', now, { mergedIntoId: target.id }, { into: target.number });
  if (!res.ok) return res;
  await updateTicket(tx, target.id, target.version, { firstAnswerDueAt: dup.firstAnswerDueAt < target.firstAnswerDueAt && !target.firstAnsweredAt ? dup.firstAnswerDueAt : target.firstAnswerDueAt }, now);
  await recordAudit(tx, actor, {
    action: 'support.merged', objectType: 'support_ticket', objectId: target.id,
    after: { mergedFrom: dup.number }, meta: { duplicateId: dup.id, number: target.number },
  }, now);
  const token = await freshLink(tx, target.id, now);
  const mailId = await enqueueMail(tx, mergedMail(dup, target.number, s.baseUrl, token), s.smtp);
  return { ok: true, targetId: target.id, mailId };
}
