/**
 * Who may see and act on learners (personal data). Organisation routes use ORG_MEMBER: every member
 * of the organisation declares and follows its rosters (someone else's session answers 404). On the
 * staff side only monitoring staff and platform admins see rosters; instructors and committee
 * members never do. Every view of a roster and every export is audited.
 */
import type { Context } from 'hono';
import type { Actor, AppEnv } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import { clientIp } from '../platform/http/security.js';
import type { AuditActor } from '../platform/audit/audit.store.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of staff actions on learners. */
export type LearnerAction = 'learners.view' | 'learners.override' | 'learners.accept' | 'learners.rights' | 'crous.manage';

const ROLES: Record<LearnerAction, readonly StaffRoleName[]> = {
  /** Reading a roster (audited). */
  'learners.view': ['monitoring', 'admin'],
  /** Overriding a territory placement, with a reason. */
  'learners.override': ['monitoring', 'admin'],
  /** Accepting an end-of-session report (then addresses are minimised). */
  'learners.accept': ['monitoring', 'admin'],
  /** Right of access: sending a learner a copy of their data. */
  'learners.rights': ['monitoring', 'admin'],
  /** The table of CROUS offices and their notice addresses. */
  'crous.manage': ['admin'],
};

/** The Access of a staff route of this action. */
export function learnerAccess(action: LearnerAction): Access {
  return staff(...ROLES[action]);
}

/** Whether the actor may do a staff action. */
export function learnerMay(actor: Actor | null, action: LearnerAction): boolean {
  return !!actor && actor.secondFactor && ROLES[action].some((r) => actor.staffRoles.includes(r));
}

/** A person acting on learners, as the audit log records them. */
export type LearnerActor = AuditActor & { id: string; email: string; name: string };

/** The signed-in person of this request. */
export function learnerActor(c: Context<AppEnv>): LearnerActor {
  const a = c.get('actor');
  if (!a) throw new Error('learnerActor() appelé sans personne connectée');
  return { id: a.userId, email: a.email, name: a.fullName, label: `${a.fullName} <${a.email}>`, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}
