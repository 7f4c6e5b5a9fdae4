/** Every domain's routes and jobs, in one list: the app, the tests and the route walk use it. */
import type { Module } from './platform/http/app.js';
import type { AppDeps } from './platform/http/context.js';
import { registerMailJobs } from './platform/mail/mailer.js';
import { pagesModule } from './pages/routes.js';

/** Route modules, in registration order. */
export const modules: Module[] = [pagesModule];

/** Registers background jobs and services of every domain. */
export async function registerJobs(deps: AppDeps): Promise<void> {
  registerMailJobs(deps);
}
