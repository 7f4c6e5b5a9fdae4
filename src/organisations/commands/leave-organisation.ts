/** A member leaves an organisation, unless they are its last admin. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { deleteMembership, lockMembers } from '../organisations.store.js';
import { keepsAnAdmin, type Outcome, type Acting } from '../organisation.js';

/** Message when the last admin tries to leave. */
export const LAST_ADMIN_LEAVING = 'Vous êtes le seul administrateur de cet organisme : nommez d’abord un autre administrateur avant de le quitter.';

/** The actor leaves the organisation. */
export async function leaveOrganisation(tx: DbOrTx, actor: Acting, orgId: string, now: Date): Promise<Outcome> {
  const members = await lockMembers(tx, orgId);
  const self = members.find((m) => m.userId === actor.id);
  if (!self) return { ok: false, message: 'Vous n’êtes pas membre de cet organisme.' };
  if (!keepsAnAdmin(members, actor.id, null)) return { ok: false, message: LAST_ADMIN_LEAVING };
  await deleteMembership(tx, orgId, actor.id);
  await recordAudit(tx, actor, {
    action: 'member.left', objectType: 'organisation', objectId: orgId,
    before: { userId: actor.id, role: self.role }, after: null,
  }, now);
  return { ok: true };
}
