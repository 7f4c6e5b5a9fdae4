/** The accounts domain's routes and its housekeeping job. */
import type { Module } from '../platform/http/app.js';
import type { AppDeps } from '../platform/http/context.js';
import { purgeExpiredSessions } from '../platform/auth/session.store.js';
import { purgeAttempts } from './accounts.store.js';
import { signUpRoutes } from './routes/sign-up.js';
import { loginRoutes } from './routes/login.js';
import { passwordRoutes } from './routes/password.js';
import { accountRoutes } from './routes/account.js';
import { emailRoutes } from './routes/email.js';
import { adminRoutes } from './routes/admin.js';

/** Sign-up, login, logout, password reset, the account page, change of address, and the admin reset of a second factor. */
export const accountsModule: Module = (r) => {
  signUpRoutes(r);
  loginRoutes(r);
  passwordRoutes(r);
  accountRoutes(r);
  emailRoutes(r);
  adminRoutes(r);
};

/** Hourly: drop expired sessions and login attempts older than a week. */
export function registerAccountJobs(deps: AppDeps): void {
  deps.jobs.define('accounts.purge', async () => {
    const now = deps.now();
    await purgeExpiredSessions(deps.database.db, now);
    await purgeAttempts(deps.database.db, new Date(now.getTime() - 7 * 24 * 3600_000));
  });
  deps.jobs.schedule('accounts.purge', '41 * * * *');
}
