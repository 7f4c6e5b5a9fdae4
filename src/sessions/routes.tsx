/** The sessions domain's routes: organisation sessions and calendar, staff compliance dashboard. */
import type { Module } from '../platform/http/app.js';
import { registerOrganisationSessionRoutes } from './org.routes.js';
import { registerCalendarRoutes } from './calendar.routes.js';
import { registerComplianceRoutes } from './staff.routes.js';

export { registerSessionJobs } from './jobs.js';

/** Routes of monitoring (sessions, obligations, calendar, compliance). */
export const sessionsModule: Module = (r) => {
  registerOrganisationSessionRoutes(r);
  registerCalendarRoutes(r);
  registerComplianceRoutes(r);
};
