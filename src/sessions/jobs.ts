/** The monitoring's daily job: obligations recomputed for every followed label, then reminders (mails dispatched after the commit). */
import type { AppDeps } from '../platform/http/context.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { refreshAllObligations } from './commands/refresh-obligations.js';
import { sendReminders } from './commands/send-reminders.js';
import { parisDay } from './obligations.js';

/** Name of the daily job. */
export const SESSIONS_DAILY_JOB = 'sessions.daily';

/** Runs the daily work once at `deps.now()`. */
export async function runSessionsDaily(deps: AppDeps): Promise<{ labels: number; mails: number }> {
  const now = deps.now();
  const mail = { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL };
  const res = await deps.database.db.transaction(async (tx) => {
    const labels = await refreshAllObligations(tx, now);
    const mailIds = await sendReminders(tx, parisDay(now), now, mail);
    return { labels, mailIds };
  });
  await dispatchMails(deps, res.mailIds);
  return { labels: res.labels, mails: res.mailIds.length };
}

/** Registers the daily job (06:30 Paris time). */
export function registerSessionJobs(deps: AppDeps): void {
  deps.jobs.define(SESSIONS_DAILY_JOB, async () => { await runSessionsDaily(deps); });
  deps.jobs.schedule(SESSIONS_DAILY_JOB, '30 6 * * *');
}
