/** The support desk's routes: contact, private follow-up, help centre, staff inbox and its content. */
import type { Module } from '../platform/http/app.js';
import { registerContactRoutes } from './contact.routes.js';
import { registerFollowRoutes } from './follow.routes.js';
import { registerHelpRoutes } from './help.routes.js';
import { registerContentRoutes } from './content.routes.js';
import { registerInboxRoutes } from './inbox.routes.js';
import { registerTicketActions } from './ticket-actions.routes.js';
import { registerFiguresRoutes } from './figures.routes.js';
import { registerInboundRoutes } from './inbound.routes.js';
import { purgeExpiredTickets } from './commands/retention.js';
import { fileServices } from '../platform/files/files.js';
import type { AppDeps } from '../platform/http/context.js';

/** Routes of the support domain (content routes before /gestion/support/:ticketId). */
export const supportModule: Module = (r, deps) => {
  registerContactRoutes(r, deps);
  registerFollowRoutes(r, deps);
  registerHelpRoutes(r, deps);
  registerContentRoutes(r, deps);
  registerFiguresRoutes(r, deps);
  registerInboundRoutes(r, deps);
  registerInboxRoutes(r, deps);
  registerTicketActions(r, deps);
};

/** Daily retention job: closed tickets past SUPPORT_RETENTION_MONTHS lose their personal data. */
export function registerSupportJobs(deps: AppDeps): void {
  deps.jobs.define('support.retention', async () => {
    await purgeExpiredTickets(deps.database.db, fileServices(deps).storage, deps.config.SUPPORT_RETENTION_MONTHS, deps.now());
  });
  deps.jobs.schedule('support.retention', '17 3 * * *');
}
