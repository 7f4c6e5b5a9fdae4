/** Who may do what with calls: anyone reads them, platform admins change their figures. */
import type { Actor } from '../platform/http/context.js';
import { PUBLIC, staff, type Access } from '../platform/http/access.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of actions on calls. */
export type CallAction = 'calls.read' | 'calls.manage';

const ALLOWED: Record<CallAction, readonly StaffRoleName[] | 'everyone'> = {
  'calls.read': 'everyone',
  'calls.manage': ['admin'],
};

/** The Access a route of this action declares. */
export function callAccess(action: CallAction): Access {
  const a = ALLOWED[action];
  return a === 'everyone' ? PUBLIC : staff(...a);
}

/** Whether the actor may perform the action now (staff actions need the second factor). */
export function callCan(actor: Actor | null, action: CallAction): boolean {
  const a = ALLOWED[action];
  if (a === 'everyone') return true;
  return !!actor && actor.secondFactor && a.some((r) => actor.staffRoles.includes(r));
}
