/** The seed grants' daily job: tranches of newly followed labels, then conditions met (mails dispatched after the commit). */
import type { AppDeps } from '../platform/http/context.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { grantMail, grantsDaily } from './commands/tranches.js';

/** Name of the daily job. */
export const GRANTS_DAILY_JOB = 'grants.daily';

/** Runs the daily work once at `deps.now()` (idempotent: a second run changes nothing and mails nobody). */
export async function runGrantsDaily(deps: AppDeps): Promise<{ planned: number; payable: number; mails: number }> {
  const now = deps.now();
  const mail = grantMail(deps);
  const res = await deps.database.db.transaction((tx) => grantsDaily(tx, now, mail));
  await dispatchMails(deps, res.mailIds);
  return { planned: res.planned, payable: res.payable, mails: res.mailIds.length };
}

/** Registers the daily job (07:00 Paris time, after the sessions' job has refreshed the obligations). */
export function registerGrantJobs(deps: AppDeps): void {
  deps.jobs.define(GRANTS_DAILY_JOB, async () => { await runGrantsDaily(deps); });
  deps.jobs.schedule(GRANTS_DAILY_JOB, '0 7 * * *');
}
