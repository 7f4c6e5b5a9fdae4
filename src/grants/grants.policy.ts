/**
 * Who may do what with seed grants. Staff routes take their Access from the role table below: the
 * monitoring team and admins see the grants and record payments, withholdings and clawbacks. The
 * organisation reads its own tranches inside its label page (ORG_MEMBER; someone else's label is a 404).
 */
import type { Context } from 'hono';
import type { Actor, AppEnv } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import { clientIp } from '../platform/http/security.js';
import type { AuditActor } from '../platform/audit/audit.store.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of staff actions on seed grants. */
export type GrantAction = 'grants.view' | 'grants.decide';

const ROLES: Record<GrantAction, readonly StaffRoleName[]> = {
  /** Lists the tranches, exports them, reads a label's grant. */
  'grants.view': ['monitoring', 'admin'],
  /** Records a payment, a withholding, a release or a clawback. */
  'grants.decide': ['monitoring', 'admin'],
};

/** The Access of a staff route of this action. */
export function grantAccess(action: GrantAction): Access {
  return staff(...ROLES[action]);
}

/** Whether the actor may take this action (views show forms only then). */
export function grantMay(actor: Actor | null | undefined, action: GrantAction): boolean {
  return !!actor && actor.secondFactor && ROLES[action].some((r) => actor.staffRoles.includes(r));
}

/** The person acting, as the audit log records them. */
export function grantActor(c: Context<AppEnv>): AuditActor & { id: string } {
  const a = c.get('actor');
  if (!a) throw new Error('grantActor() appelé sans personne connectée');
  return { id: a.userId, label: `${a.fullName} <${a.email}>`, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}
