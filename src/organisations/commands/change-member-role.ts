/** Changing a member's role, never leaving the organisation without an admin. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { lockMembers, setMemberRole } from '../organisations.store.js';
import { keepsAnAdmin, LAST_ADMIN_MESSAGE, type MemberRole, type Outcome } from '../organisation.js';

/** Gives `userId` the role `role` in the organisation; refuses to demote the last admin. */
export async function changeMemberRole(
  tx: DbOrTx, actor: AuditActor, orgId: string, userId: string, role: MemberRole, now: Date,
): Promise<Outcome<{ changed: boolean }>> {
  const members = await lockMembers(tx, orgId);
  const target = members.find((m) => m.userId === userId);
  if (!target) return { ok: false, message: 'Cette personne n’est pas membre de l’organisme.' };
  if (target.role === role) return { ok: true, changed: false };
  if (!keepsAnAdmin(members, userId, role)) return { ok: false, message: LAST_ADMIN_MESSAGE };
  await setMemberRole(tx, orgId, userId, role);
  await recordAudit(tx, actor, {
    action: 'member.role_changed', objectType: 'organisation', objectId: orgId,
    before: { userId, role: target.role }, after: { userId, role },
  }, now);
  return { ok: true, changed: true };
}
