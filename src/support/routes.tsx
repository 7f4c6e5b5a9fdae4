/** The support desk's routes: contact, private follow-up, help centre, staff inbox and its content. */
import type { Module } from '../platform/http/app.js';
import { registerContactRoutes } from './contact.routes.js';
import { registerFollowRoutes } from './follow.routes.js';
import { registerHelpRoutes } from './help.routes.js';
import { registerContentRoutes } from './content.routes.js';
import { registerInboxRoutes } from './inbox.routes.js';
import { registerTicketActions } from './ticket-actions.routes.js';

/** Routes of the support domain (content routes before /gestion/support/:ticketId). */
export const supportModule: Module = (r, deps) => {
  registerContactRoutes(r, deps);
  registerFollowRoutes(r, deps);
  registerHelpRoutes(r, deps);
  registerContentRoutes(r, deps);
  registerInboxRoutes(r, deps);
  registerTicketActions(r, deps);
};
