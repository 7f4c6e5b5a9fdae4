/**
 * What staff may do, one line per action. Routes take their Access from here and the dashboard
 * shows a card only for the actions the actor's roles allow.
 */
import type { Actor } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of actions of the staff area. */
export type StaffAction =
  | 'staff.dashboard'
  | 'applications.review'
  | 'monitoring.follow'
  | 'committee.sit'
  | 'users.manage'
  | 'audit.browse'
  | 'outbox.read'
  | 'labels.browse'
  | 'support.desk'
  | 'inspections.browse'
  | 'crous.manage'
  | 'regions.contacts'
  | 'review.groups'
  | 'compliance.follow'
  | 'needs.edit';

const ALLOWED: Record<StaffAction, readonly StaffRoleName[]> = {
  'staff.dashboard': ['instructor', 'monitoring', 'committee', 'admin'],
  'applications.review': ['instructor'],
  'monitoring.follow': ['monitoring'],
  'committee.sit': ['committee'],
  'users.manage': ['admin'],
  'audit.browse': ['admin'],
  'outbox.read': ['admin'],
  // Dashboard cards of other domains (their routes declare the same roles in their own policies).
  'labels.browse': ['instructor', 'admin', 'monitoring', 'committee'],
  'support.desk': ['admin', 'instructor', 'monitoring'],
  'inspections.browse': ['monitoring', 'admin'],
  'crous.manage': ['admin'],
  'regions.contacts': ['admin'],
  'review.groups': ['admin'],
  'compliance.follow': ['monitoring', 'admin'],
  'needs.edit': ['admin'],
};

/** The roles allowed to perform an action. */
export function rolesFor(action: StaffAction): readonly StaffRoleName[] {
  return ALLOWED[action];
}

/** The Access a route of this action declares (the router also demands the second factor). */
export function staffAccess(action: StaffAction): Access {
  return staff(...ALLOWED[action]);
}

/** Whether the actor may perform the action now (role held and second factor checked). */
export function staffCan(actor: Actor | null, action: StaffAction): boolean {
  return !!actor && actor.secondFactor && ALLOWED[action].some((r) => actor.staffRoles.includes(r));
}
