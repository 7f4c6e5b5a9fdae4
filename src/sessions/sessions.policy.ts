/**
 * Who may do what with sessions and obligations. Organisation routes use ORG_MEMBER (every member
 * declares and follows the sessions of its labels; reminders go to admins). Staff routes take their
 * Access from the role table below (as the staff policy, monitoring.follow: the monitoring team, and admins).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import { clientIp } from '../platform/http/security.js';
import type { AuditActor } from '../platform/audit/audit.store.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of staff actions of monitoring. */
export type MonitoringAction = 'monitoring.view' | 'monitoring.export';

const ROLES: Record<MonitoringAction, readonly StaffRoleName[]> = {
  /** The compliance dashboard (late obligations, labels at risk, indicators). */
  'monitoring.view': ['monitoring', 'admin'],
  /** Exports of the dashboard (no personal data: figures per label). */
  'monitoring.export': ['monitoring', 'admin'],
};

/** The Access of a staff route of this action. */
export function monitoringAccess(action: MonitoringAction): Access {
  return staff(...ROLES[action]);
}

/** The person acting, as the audit log records them. */
export function sessionActor(c: Context<AppEnv>): AuditActor & { id: string } {
  const a = c.get('actor');
  if (!a) throw new Error('sessionActor() appelé sans personne connectée');
  return { id: a.userId, label: `${a.fullName} <${a.email}>`, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}
