/** Grants and revokes staff roles of a user, with a motivation, keeping at least one active admin. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { STAFF_ROLE_LABELS, type StaffRoleName } from '../../platform/auth/roles.js';
import { roleChanges, leavesNoAdmin } from '../staff.js';
import { getStaffUser, lockStaffRoles, countOtherActiveAdmins, insertStaffRole, deleteStaffRole } from '../staff.store.js';

/** Outcome of a change of roles. */
export type ChangeRolesResult =
  | { ok: true; granted: StaffRoleName[]; revoked: StaffRoleName[] }
  | { ok: false; errors?: Record<string, string>; message?: string };

/** Sets the staff roles of `userId` to `roles`; one audit entry per role granted or revoked. */
export async function changeStaffRoles(
  tx: DbOrTx,
  actor: AuditActor & { id: string },
  input: { userId: string; roles: StaffRoleName[]; motivation: string },
  now: Date,
): Promise<ChangeRolesResult> {
  await lockStaffRoles(tx);
  const user = await getStaffUser(tx, input.userId);
  if (!user) return { ok: false, message: 'Ce compte n’existe pas.' };
  const { granted, revoked } = roleChanges(user.roles, input.roles);
  if (granted.length === 0 && revoked.length === 0) {
    return { ok: false, errors: { roles: 'Les rôles cochés sont ceux que le compte a déjà : cochez ou décochez au moins un rôle.' } };
  }
  if (leavesNoAdmin(revoked, await countOtherActiveAdmins(tx, user.id))) {
    const who = user.id === actor.id ? 'Vous êtes' : 'Ce compte est';
    return { ok: false, message: `${who} le dernier administrateur actif de la plateforme : nommez d’abord un autre administrateur avant de retirer ce rôle.` };
  }
  let current = [...user.roles];
  for (const role of granted) {
    await insertStaffRole(tx, user.id, role, actor.id, now);
    const next = [...current, role];
    await recordAudit(tx, actor, {
      action: 'staff.role_granted', objectType: 'user', objectId: user.id,
      before: { roles: current }, after: { roles: next }, meta: { role, roleLabel: STAFF_ROLE_LABELS[role], motivation: input.motivation },
    }, now);
    current = next;
  }
  for (const role of revoked) {
    await deleteStaffRole(tx, user.id, role);
    const next = current.filter((r) => r !== role);
    await recordAudit(tx, actor, {
      action: 'staff.role_revoked', objectType: 'user', objectId: user.id,
      before: { roles: current }, after: { roles: next }, meta: { role, roleLabel: STAFF_ROLE_LABELS[role], motivation: input.motivation },
    }, now);
    current = next;
  }
  return { ok: true, granted, revoked };
}
