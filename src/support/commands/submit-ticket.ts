/** Someone writes in: a ticket with its number, first message, attachments, due time and acknowledgement mail. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { newToken, sha256 } from '../../platform/auth/tokens.js';
import { formatParis } from '../../calls/call.js';
import { insertTicket, insertMessage, insertLink, nextTicketSequence } from '../tickets.store.js';
import { trainingByRef } from '../trainings.store.js';
import { flagsMonitoring, needsTraining, ticketNumber, type RequesterKind, type SupportActor, type SupportOutcome, type SupportSettings, type Topic } from '../support.js';
import { firstAnswerDue, parisDayOf } from '../working-days.js';
import { acknowledgementMail } from '../mails.js';
import { recordAttachments, type StoredFile } from './attachments.js';

/** What the contact form gives, once validated. */
export interface TicketInput {
  requesterKind: RequesterKind;
  topic: Topic;
  subject: string;
  email: string;
  name: string;
  message: string;
  /** "label:<uuid>" picked in the search, or ''. */
  trainingRef: string;
  /** The training as the person describes it when they did not find it. */
  trainingText: string;
  shareIdentity: boolean;
}

/** Creates the ticket and queues the acknowledgement; returns the mail id to dispatch after commit. */
export async function submitTicket(
  tx: Tx, actor: SupportActor, input: TicketInput, files: StoredFile[], requesterUserId: string | null, s: SupportSettings, now: Date,
): Promise<SupportOutcome<{ ticketId: string; number: string; mailId: string }>> {
  let trainingRef: string | null = null;
  let trainingLabel = '';
  if (needsTraining(input.topic)) {
    if (input.trainingRef) {
      const training = await trainingByRef(tx, input.trainingRef);
      if (!training) return { ok: false, message: 'La formation choisie n’existe plus. Recherchez-la à nouveau.', errors: { formation: 'La formation choisie n’existe plus. Recherchez-la à nouveau.' } };
      trainingRef = training.ref;
      trainingLabel = training.label;
    } else {
      trainingLabel = input.trainingText;
    }
  }
  const year = Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(now));
  const number = ticketNumber(year, await nextTicketSequence(tx, year));
  const due = firstAnswerDue(now, s.workingDays);
  const ticket = await insertTicket(tx, {
    number, requesterKind: input.requesterKind, topic: input.topic, subject: input.subject, email: input.email,
    requesterName: input.name, requesterUserId, trainingRef, trainingLabel,
    shareIdentity: input.topic === 'complaint' && input.shareIdentity,
    flaggedForMonitoring: flagsMonitoring(input.topic, trainingRef),
    priority: input.topic === 'complaint' || input.topic === 'data_protection' ? 'high' : 'normal',
    firstAnswerDueAt: due, createdAt: now, updatedAt: now,
  });
  const message = await insertMessage(tx, { ticketId: ticket.id, kind: 'requester', authorUserId: requesterUserId, authorLabel: input.name || input.email, body: input.message, createdAt: now });
  const attachments = await recordAttachments(tx, ticket.id, message.id, files, now);
  const token = newToken();
  await insertLink(tx, ticket.id, sha256(token), now);
  const dueDay = parisDayOf(due);
  const dueLabel = formatParis(due).replace(/ à .*/, '') || `${dueDay.day}/${dueDay.month}/${dueDay.year}`;
  const mailId = await enqueueMail(tx, acknowledgementMail(ticket, s.baseUrl, token, dueLabel), s.smtp);
  await recordAudit(tx, actor, {
    action: 'support.ticket_created', objectType: 'support_ticket', objectId: ticket.id,
    after: { number, status: 'new', topic: input.topic, requesterKind: input.requesterKind, trainingRef, flagged: ticket.flaggedForMonitoring, attachments },
  }, now);
  return { ok: true, ticketId: ticket.id, number, mailId };
}
