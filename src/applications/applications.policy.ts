/**
 * Who may do what with an application. Membership of the organisation is checked by the route's
 * access (ORG_MEMBER); here, what the application's state allows. Views receive these answers.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import { clientIp } from '../platform/http/security.js';
import type { AuditActor } from '../platform/audit/audit.store.js';
import { can, isEditable, type ApplicationState } from './application.states.js';

/** The closed list of actions on an application. */
export type ApplicationAction = 'view' | 'edit' | 'upload' | 'submit' | 'resubmit' | 'withdraw' | 'download' | 'renew';

/** Whether a member of the organisation may do `action` on an application in `state`. */
export function memberMay(state: ApplicationState, action: ApplicationAction): boolean {
  switch (action) {
    case 'view': case 'download': return true;
    case 'edit': case 'upload': return isEditable(state);
    case 'submit': return can(state, 'submit');
    case 'resubmit': return can(state, 'resubmit');
    case 'renew': return state !== 'draft';
    case 'withdraw': return can(state, 'withdraw');
  }
}

/**
 * Whether a member may change one part (a section key, or 'documents') of an application: every
 * part of a draft; in correction, only the parts the GEN named (`openParts`); nothing otherwise.
 */
export function memberMayChange(state: ApplicationState, part: string, openParts: readonly string[]): boolean {
  if (isEditable(state)) return true;
  return state === 'in_correction' && openParts.includes(part);
}

/** Everything a member may do on an application in this state, for the views. */
export function memberPermissions(state: ApplicationState): Record<ApplicationAction, boolean> {
  const acts: ApplicationAction[] = ['view', 'edit', 'upload', 'submit', 'resubmit', 'withdraw', 'download', 'renew'];
  return Object.fromEntries(acts.map((a) => [a, memberMay(state, a)])) as Record<ApplicationAction, boolean>;
}

/** The member acting, as commands and the audit log need them. */
export interface MemberActor extends AuditActor { id: string; email: string }

/** The signed-in member of this request (routes under ORG_MEMBER always have one). */
export function memberActor(c: Context<AppEnv>): MemberActor {
  const a = c.get('actor')!;
  return { id: a.userId, label: a.fullName, email: a.email, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}
