/**
 * Who may use each route: the reviewed specification that the access-matrix test compares with
 * what every route really does, for every kind of visitor. A route missing here fails the test.
 *
 * Categories:
 * - 'public'      anyone;
 * - 'signedIn'    any signed-in user;
 * - 'orgMember'   members (and admins) of the organisation in :orgId; others get 404;
 * - 'orgAdmin'    admins of the organisation in :orgId; members get 403, others 404;
 * - StaffRole[]   staff holding one of these roles, with the second factor checked.
 */
import type { StaffRoleName } from './platform/auth/roles.js';

/** Expected access of a route. */
export type Expected = 'public' | 'signedIn' | 'orgMember' | 'orgAdmin' | StaffRoleName[];

/** Key: "METHOD /path" exactly as registered. */
export const EXPECTED: Record<string, Expected> = {
  // Public pages
  'GET /': 'public',
  'GET /accessibilite': 'public',
  'GET /mentions-legales': 'public',
  'GET /donnees-personnelles': 'public',
  'GET /plan-du-site': 'public',
  'GET /contact': 'public',
};
