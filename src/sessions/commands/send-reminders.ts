/**
 * The daily reminders J-7, J0 and J+7 of open obligations, to the organisation's admins. Each
 * (obligation, stage) is claimed in `obligation_reminders` in the same transaction as the mails are
 * queued, so running the job twice (or after a restart) sends nothing twice.
 */
import type { Tx } from '../../platform/db/index.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { recordAudit, SYSTEM } from '../../platform/audit/audit.store.js';
import { addDays, reminderStageOn, type ObligationKind } from '../obligations.js';
import { adminEmails, claimReminder, openObligationsDueBetween } from '../sessions.store.js';
import { reminderMail } from '../mails.js';

/** Queues today's reminders; returns the ids of the mails queued. */
export async function sendReminders(tx: Tx, today: string, now: Date, mail: { baseUrl: string; smtp: boolean }): Promise<string[]> {
  const ids: string[] = [];
  // J-7 applies from 7 days before the due day, J+7 until 14 days after it.
  const open = await openObligationsDueBetween(tx, addDays(today, -13), addDays(today, 7));
  const admins = new Map<string, string[]>();
  for (const row of open) {
    const o = row.obligation;
    const stage = reminderStageOn(o.dueOn, today);
    if (!stage) continue;
    if (!(await claimReminder(tx, o.id, stage, now))) continue;
    let to = admins.get(o.organisationId);
    if (!to) { to = await adminEmails(tx, o.organisationId); admins.set(o.organisationId, to); }
    for (const address of to) {
      ids.push(await enqueueMail(tx, reminderMail({
        to: address, kind: o.kind as ObligationKind, year: o.year, dueOn: o.dueOn, labelNumber: row.labelNumber, trainingTitle: row.trainingTitle,
        sessionName: row.sessionName, url: `${mail.baseUrl}/organisations/${o.organisationId}/calendrier`,
      }, stage), mail.smtp));
    }
    await recordAudit(tx, SYSTEM, { action: 'obligation.reminded', objectType: 'obligation', objectId: o.id, after: { stage, dueOn: o.dueOn, recipients: to } }, now);
  }
  return ids;
}
