/** Disables or re-enables an account with a motivation; disabling revokes every session at once. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { destroyUserSessions } from '../../platform/auth/session.store.js';
import { getStaffUser, setUserDisabled } from '../staff.store.js';

/** Outcome of a change of account status. */
export type AccountStatusResult = { ok: true } | { ok: false; message: string };

/** Disables (`disable: true`) or enables an account. An admin cannot disable their own account. */
export async function setAccountStatus(
  tx: DbOrTx,
  actor: AuditActor & { id: string },
  input: { userId: string; disable: boolean; motivation: string },
  now: Date,
): Promise<AccountStatusResult> {
  const user = await getStaffUser(tx, input.userId);
  if (!user) return { ok: false, message: 'Ce compte n’existe pas.' };
  if (input.disable && user.id === actor.id) return { ok: false, message: 'Vous ne pouvez pas désactiver votre propre compte.' };
  if (input.disable === !!user.disabledAt) {
    return { ok: false, message: input.disable ? 'Ce compte est déjà désactivé.' : 'Ce compte est déjà actif.' };
  }
  const at = input.disable ? now : null;
  await setUserDisabled(tx, user.id, at);
  if (input.disable) await destroyUserSessions(tx, user.id);
  await recordAudit(tx, actor, {
    action: input.disable ? 'user.disabled' : 'user.enabled', objectType: 'user', objectId: user.id,
    before: { disabledAt: user.disabledAt?.toISOString() ?? null }, after: { disabledAt: at?.toISOString() ?? null },
    meta: { motivation: input.motivation, sessionsRevoked: input.disable },
  }, now);
  return { ok: true };
}
