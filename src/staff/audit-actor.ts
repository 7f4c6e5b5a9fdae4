/** The signed-in person as the audit log records them: id, a readable label, and the client address. */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import type { AuditActor } from '../platform/audit/audit.store.js';
import { clientIp } from '../platform/http/security.js';

/** The audit actor of this request (routes guarded by an Access always have an actor). */
export function auditActorOf(c: Context<AppEnv>): AuditActor & { id: string } {
  const actor = c.get('actor');
  if (!actor) throw new Error('auditActorOf appelé sans personne connectée');
  return { id: actor.userId, label: `${actor.fullName} <${actor.email}>`, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}
