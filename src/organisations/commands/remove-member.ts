/** An admin removes a member, never the last admin. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { deleteMembership, lockMembers } from '../organisations.store.js';
import { keepsAnAdmin, LAST_ADMIN_MESSAGE, type Outcome } from '../organisation.js';

/** Removes `userId` from the organisation; refuses when they are its last admin. */
export async function removeMember(tx: DbOrTx, actor: AuditActor, orgId: string, userId: string, now: Date): Promise<Outcome> {
  const members = await lockMembers(tx, orgId);
  const target = members.find((m) => m.userId === userId);
  if (!target) return { ok: false, message: 'Cette personne n’est pas membre de l’organisme.' };
  if (!keepsAnAdmin(members, userId, null)) return { ok: false, message: LAST_ADMIN_MESSAGE };
  await deleteMembership(tx, orgId, userId);
  await recordAudit(tx, actor, {
    action: 'member.removed', objectType: 'organisation', objectId: orgId,
    before: { userId, role: target.role }, after: null,
  }, now);
  return { ok: true };
}
