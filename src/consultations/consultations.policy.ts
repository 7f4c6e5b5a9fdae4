/**
 * Who may do what with the consultations. Staff side: instructors and admins to whom the review
 * shows the application (groups, assignment, no conflict of interest); the Régions' contacts are
 * an admin setting. Public side: a personal link opens its own request only.
 */
import type { Context } from 'hono';
import type { AppDeps, AppEnv, Actor } from '../platform/http/context.js';
import type { DbOrTx } from '../platform/db/index.js';
import { staff, type Access } from '../platform/http/access.js';
import { clientIp } from '../platform/http/security.js';
import { loadStaffDossier } from '../review/staff-dossier.js';
import type { ConsultationSettings } from './commands/partners.js';

/** Access of the staff consultation routes. */
export const CONSULT: Access = staff('instructor', 'admin');
/** Access of the Régions' contacts page. */
export const CONFIGURE_REGIONS: Access = staff('admin');

/** Whether this staff member may manage the consultations of an application. */
export async function mayConsult(db: DbOrTx, actor: Actor, applicationId: string, now: Date): Promise<boolean> {
  if (!actor.staffRoles.includes('instructor') && !actor.staffRoles.includes('admin')) return false;
  return !!(await loadStaffDossier(db, actor, applicationId, now));
}

/** The staff member acting, for the commands and the audit log. */
export function consultActor(c: Context<AppEnv>) {
  const a = c.get('actor')!;
  return { id: a.userId, label: a.fullName, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}

/** The platform settings the consultation commands need. */
export function consultationSettings(deps: AppDeps): ConsultationSettings {
  return { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL, secret: deps.config.appSecret };
}
