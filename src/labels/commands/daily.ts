/**
 * The labels' daily work, run by a pg-boss job and safe to run twice: labels past their last
 * valid day expire; labels entering their last 6 months invite their organisation to renew, once.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, SYSTEM } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { labelsPastTheirEnd, labelsToInviteForRenewal, markRenewalInvited, organisationAdminEmails, updateLabel } from '../labels.store.js';
import { labelTransition } from '../label.states.js';
import { addMonths, RENEWAL_NOTICE_MONTHS, renewalPath } from '../label.js';
import { renewalMail } from '../mails.js';
import type { MailSettings } from './sign-agreement.js';

/** Expires every active or suspended label whose last valid day is before `today`; returns how many. */
export async function expireLabels(tx: Tx, today: string, now: Date): Promise<number> {
  let n = 0;
  for (const label of await labelsPastTheirEnd(tx, today)) {
    const move = labelTransition(label.status, 'expire');
    if (!move.ok) continue;
    const updated = await updateLabel(tx, label.id, label.version, { status: move.to, statusChangedAt: now, statusReason: `Fin de validité le ${label.validUntil}` });
    if (!updated) continue;
    await recordAudit(tx, SYSTEM, { action: 'label.expired', objectType: 'label', objectId: label.id, before: { status: move.from }, after: { status: move.to, validUntil: label.validUntil } }, now);
    n++;
  }
  return n;
}

/** Mails the renewal invitation of every active label ending within 6 months, once each; returns the mail ids. */
export async function inviteRenewals(tx: Tx, today: string, now: Date, mail: MailSettings): Promise<string[]> {
  const ids: string[] = [];
  for (const label of await labelsToInviteForRenewal(tx, today, addMonths(today, RENEWAL_NOTICE_MONTHS))) {
    if (!(await markRenewalInvited(tx, label.id, now))) continue;
    const renewUrl = `${mail.baseUrl}${renewalPath(label.organisationId, label.applicationId)}`;
    const url = `${mail.baseUrl}/organisations/${label.organisationId}/labels/${label.id}`;
    const recipients = await organisationAdminEmails(tx, label.organisationId);
    for (const to of recipients) {
      ids.push(await enqueueMail(tx, renewalMail({ to, number: label.number, trainingTitle: label.trainingTitle, url }, { validUntil: label.validUntil!, renewUrl }), mail.smtp));
    }
    await recordAudit(tx, SYSTEM, { action: 'label.renewal_invited', objectType: 'label', objectId: label.id, after: { validUntil: label.validUntil, recipients } }, now);
  }
  return ids;
}
