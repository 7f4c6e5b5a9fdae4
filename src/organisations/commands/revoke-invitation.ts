/** Revoking a pending invitation: its link stops working. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { closeInvitation, lockInvitation } from '../organisations.store.js';
import { invitationState, type Outcome } from '../organisation.js';

/** Revokes an invitation of this organisation that nobody has accepted yet. */
export async function revokeInvitation(tx: DbOrTx, actor: AuditActor, orgId: string, invitationId: string, now: Date): Promise<Outcome> {
  const inv = await lockInvitation(tx, invitationId);
  if (!inv || inv.organisationId !== orgId) return { ok: false, message: 'Cette invitation est introuvable.' };
  const state = invitationState(inv, now);
  if (state === 'accepted') return { ok: false, message: 'Cette invitation a déjà été acceptée : retirez le membre si nécessaire.' };
  if (state === 'revoked') return { ok: false, message: 'Cette invitation a déjà été annulée.' };
  await closeInvitation(tx, inv.id, 'revoked', now);
  await recordAudit(tx, actor, {
    action: 'invitation.revoked', objectType: 'organisation', objectId: orgId,
    before: { email: inv.email, role: inv.role, state }, after: { email: inv.email, role: inv.role, state: 'revoked' },
    meta: { invitationId: inv.id },
  }, now);
  return { ok: true };
}
