/** Accepting an invitation: only the invited address may, once, before it expires. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { setCurrentOrganisation } from '../../platform/auth/session.store.js';
import { closeInvitation, findInvitationByTokenHash, insertMembership, lockInvitation } from '../organisations.store.js';
import { invitationState, INVITATION_MESSAGES, normaliseEmail, type Outcome, type Acting } from '../organisation.js';

/** Message when the signed-in account is not the invited one. */
export const WRONG_ACCOUNT = 'Cette invitation a été envoyée à une autre adresse électronique que celle de votre compte. Connectez-vous avec le compte de l’adresse invitée.';

/** Makes the invitee a member with the invited role, closes the invitation and acts for that organisation now. */
export async function acceptInvitation(tx: DbOrTx, who: Acting, tokenHash: string, now: Date): Promise<Outcome<{ organisationId: string }>> {
  const found = await findInvitationByTokenHash(tx, tokenHash);
  const inv = found ? await lockInvitation(tx, found.invitation.id) : null;
  if (!inv) return { ok: false, message: INVITATION_MESSAGES.unknown };
  const state = invitationState(inv, now);
  if (state !== 'pending') return { ok: false, message: INVITATION_MESSAGES[state] };
  if (normaliseEmail(inv.email) !== normaliseEmail(who.email)) return { ok: false, message: WRONG_ACCOUNT };
  await insertMembership(tx, inv.organisationId, who.id, inv.role, now);
  await closeInvitation(tx, inv.id, 'accepted', now);
  await setCurrentOrganisation(tx, who.sessionId, inv.organisationId);
  await recordAudit(tx, who, {
    action: 'member.joined', objectType: 'organisation', objectId: inv.organisationId,
    before: null, after: { userId: who.id, role: inv.role }, meta: { invitationId: inv.id, email: inv.email },
  }, now);
  return { ok: true, organisationId: inv.organisationId };
}
