/** Delivery of queued mails over SMTP (nodemailer), as a job after the commit. */
import nodemailer from 'nodemailer';
import type { AppDeps } from '../http/context.js';
import { pendingMails, markDelivery, getMail, attachmentsOf } from './mail.store.js';
import { log } from '../log.js';

/** Name of the delivery job. */
export const MAIL_JOB = 'mail.deliver';

/** Registers the delivery job and a sweep every minute for anything left queued. */
export function registerMailJobs(deps: AppDeps): void {
  const { config } = deps;
  if (!config.SMTP_URL) return;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  const deliver = async (id: string) => {
    const m = await getMail(deps.database.db, id);
    if (!m || m.status !== 'queued') return;
    try {
      await transport.sendMail({ from: config.MAIL_FROM, to: m.to, subject: m.subject, text: m.text, html: m.html, attachments: attachmentsOf(m) });
      await markDelivery(deps.database.db, id, true, null, deps.now());
    } catch (e) {
      log.warn('mail delivery failed', { id, error: String(e) });
      await markDelivery(deps.database.db, id, false, String(e).slice(0, 500), deps.now());
    }
  };
  deps.jobs.define(MAIL_JOB, async (data) => deliver(String(data.id)));
  deps.jobs.define('mail.sweep', async () => {
    for (const m of await pendingMails(deps.database.db)) await deliver(m.id);
  });
  deps.jobs.schedule('mail.sweep', '* * * * *');
}

/** After the commit: ask the job queue to deliver these mails now (no-op without SMTP). */
export async function dispatchMails(deps: AppDeps, ids: string[]): Promise<void> {
  if (!deps.config.SMTP_URL) return;
  for (const id of ids) await deps.jobs.send(MAIL_JOB, { id });
}
