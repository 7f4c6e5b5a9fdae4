/** The staff area (/gestion): a dashboard by role, and the admin pages of accounts, audit log and outbox. */
import type { Module } from '../platform/http/app.js';
import { render, pageContext } from '../platform/http/render.js';
import { staffAccess } from './staff.policy.js';
import { dashboardCards } from './staff.js';
import { DashboardPage } from './views/dashboard.js';
import { registerUserRoutes } from './users.routes.js';
import { registerAuditRoutes } from './audit.routes.js';
import { registerOutboxRoutes } from './outbox.routes.js';

/** Routes of the staff area. */
export const staffModule: Module = (r) => {
  r.get('/gestion', staffAccess('staff.dashboard'), (c) => {
    const actor = c.get('actor')!;
    // A card links only to a page some module registered, so no link leads to a 404.
    const exists = (href: string) => r.entries.some((e) => e.method === 'GET' && e.path === href);
    return render(c, <DashboardPage ctx={pageContext(c)} cards={dashboardCards(actor, exists)} />);
  });
  registerUserRoutes(r);
  registerAuditRoutes(r);
  registerOutboxRoutes(r);
};
