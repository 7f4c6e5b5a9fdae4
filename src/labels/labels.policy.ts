/**
 * Who may do what with labels, one line per action. Staff routes take their Access from the role
 * table; organisation routes use ORG_MEMBER (read) and ORG_ADMIN (sign, ask for termination).
 * Views receive what the actor may do, never the raw roles.
 */
import type { Context } from 'hono';
import type { Actor, AppEnv } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import { clientIp } from '../platform/http/security.js';
import type { AuditActor } from '../platform/audit/audit.store.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of staff actions on labels. */
export type LabelAction = 'labels.view' | 'labels.countersign' | 'labels.manage';

const ROLES: Record<LabelAction, readonly StaffRoleName[]> = {
  'labels.view': ['instructor', 'admin', 'monitoring', 'committee'],
  /** Countersigning, recording a paper copy. */
  'labels.countersign': ['admin', 'monitoring'],
  /** Suspending, reinstating, withdrawing, terminating, answering a termination request. */
  'labels.manage': ['admin', 'monitoring'],
};

/** Staff roles that may countersign a convention (they are told when an organisation signs). */
export const COUNTERSIGN_ROLES: readonly StaffRoleName[] = ROLES['labels.countersign'];

/** The Access of a staff route of this action (the router also demands the second factor). */
export function labelAccess(action: LabelAction): Access {
  return staff(...ROLES[action]);
}

/** Whether the actor may do a staff action. */
export function labelMay(actor: Actor | null, action: LabelAction): boolean {
  return !!actor && actor.secondFactor && ROLES[action].some((r) => actor.staffRoles.includes(r));
}

/** Whether the actor is an admin of the organisation (the only people who sign for it). */
export function isOrganisationAdmin(actor: Actor | null, organisationId: string): boolean {
  return !!actor && actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'admin');
}

/** A person acting on a label, as the audit log and the signature record them. */
export interface LabelActor extends AuditActor { id: string; email: string; name: string }

/** The signed-in person of this request (routes with a non-public Access only). */
export function labelActor(c: Context<AppEnv>): LabelActor {
  const a = c.get('actor');
  if (!a) throw new Error('labelActor() appelé sans personne connectée');
  return { id: a.userId, name: a.fullName, email: a.email, label: `${a.fullName} <${a.email}>`, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}
