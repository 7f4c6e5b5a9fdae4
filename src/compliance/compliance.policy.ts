/**
 * Who may do what in compliance. Organisation routes use ORG_MEMBER (every member fills the annual
 * report of the organisation's labels; someone else's label is a 404). Staff routes take their
 * Access from the role table below: the monitoring team, and admins.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import { clientIp } from '../platform/http/security.js';
import type { AuditActor } from '../platform/audit/audit.store.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of staff actions of compliance. */
export type ComplianceAction = 'compliance.view' | 'compliance.review' | 'compliance.sanction';

const ROLES: Record<ComplianceAction, readonly StaffRoleName[]> = {
  /** Lists and reads annual reports. */
  'compliance.view': ['monitoring', 'admin'],
  /** Accepts or returns an annual report. */
  'compliance.review': ['monitoring', 'admin'],
  /** Opens a contradictory procedure and decides it. */
  'compliance.sanction': ['monitoring', 'admin'],
};

/** The Access of a staff route of this action. */
export function complianceAccess(action: ComplianceAction): Access {
  return staff(...ROLES[action]);
}

/** The person acting, as the audit log records them. */
export function complianceActor(c: Context<AppEnv>): AuditActor & { id: string } {
  const a = c.get('actor');
  if (!a) throw new Error('complianceActor() appelé sans personne connectée');
  return { id: a.userId, label: `${a.fullName} <${a.email}>`, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}

/** The person acting with their e-mail and name (the labels domain's status change needs them). */
export function complianceNamedActor(c: Context<AppEnv>): AuditActor & { id: string; email: string; name: string } {
  const a = c.get('actor');
  if (!a) throw new Error('complianceNamedActor() appelé sans personne connectée');
  return { ...complianceActor(c), email: a.email, name: a.fullName };
}
