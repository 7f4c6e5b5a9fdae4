/** The labels' daily job: expiries, then renewal invitations (mails dispatched after the commit). */
import type { AppDeps } from '../platform/http/context.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { expireLabels, inviteRenewals } from './commands/daily.js';
import { dayIn } from './label.js';

/** Name of the daily job. */
export const LABELS_DAILY_JOB = 'labels.daily';

/** Runs the daily work once at `deps.now()`; returns what it did. */
export async function runLabelsDaily(deps: AppDeps): Promise<{ expired: number; invited: number }> {
  const now = deps.now();
  const today = dayIn(now);
  const mail = { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL };
  const res = await deps.database.db.transaction(async (tx) => {
    const expired = await expireLabels(tx, today, now);
    const mailIds = await inviteRenewals(tx, today, now, mail);
    return { expired, mailIds };
  });
  await dispatchMails(deps, res.mailIds);
  return { expired: res.expired, invited: res.mailIds.length };
}

/** Registers the daily job (06:15 Paris time). */
export function registerLabelJobs(deps: AppDeps): void {
  deps.jobs.define(LABELS_DAILY_JOB, async () => { await runLabelsDaily(deps); });
  deps.jobs.schedule(LABELS_DAILY_JOB, '15 6 * * *');
}
