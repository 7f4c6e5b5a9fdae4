/**
 * Who may do what with inspections: the monitoring team and admins plan them and write reports;
 * members of the organisation see their own inspections' dates and conclusions (never the reason
 * nor the findings, which may name a complainant). Someone else's inspection is a 404.
 */
import { staff, ORG_MEMBER, type Access } from '../platform/http/access.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of actions. */
export type InspectionAction = 'inspections.manage' | 'inspections.organisation.read';

const STAFF_ROLES: readonly StaffRoleName[] = ['monitoring', 'admin'];

/** The Access of a route of this action. */
export function inspectionAccess(action: InspectionAction): Access {
  return action === 'inspections.manage' ? staff(...STAFF_ROLES) : ORG_MEMBER;
}

/** Whether staff roles may open an inspection (button on a complaint). */
export function mayManageInspections(roles: readonly StaffRoleName[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}
