/** Creating an organisation: its creator becomes its first admin. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { setCurrentOrganisation } from '../../platform/auth/session.store.js';
import { findOrganisationBySiret, insertOrganisation, insertMembership } from '../organisations.store.js';
import { organisationSnapshot, qualiopiWarning, parisDay, type Outcome, type Acting } from '../organisation.js';
import type { NewOrganisation } from '../organisation.form.js';

/** Message when the SIRET already belongs to an organisation of the platform. */
export const DUPLICATE_SIRET = 'Un organisme avec ce SIRET existe déjà sur la plateforme ; demandez à son administrateur de vous inviter.';

/** Creates the organisation, makes the actor its admin and current organisation, audits it; refuses a SIRET already present. */
export async function createOrganisation(
  tx: DbOrTx, actor: Acting, input: NewOrganisation, now: Date,
): Promise<Outcome<{ organisationId: string; warning: string | null }>> {
  if (await findOrganisationBySiret(tx, input.siret)) return { ok: false, errors: { siret: DUPLICATE_SIRET } };
  const org = await insertOrganisation(tx, {
    name: input.name, siret: input.siret, nda: input.nda,
    qualiopiStatus: input.qualiopi.status, qualiopiValidUntil: input.qualiopi.validUntil, qualiopiAuditDate: input.qualiopi.auditDate,
    addressLine: input.addressLine, postcode: input.postcode, city: input.city,
    contactName: input.contactName, contactEmail: input.contactEmail, contactPhone: input.contactPhone,
    createdBy: actor.id, createdAt: now, updatedAt: now,
  });
  await insertMembership(tx, org.id, actor.id, 'admin', now);
  await setCurrentOrganisation(tx, actor.sessionId, org.id);
  await recordAudit(tx, actor, {
    action: 'organisation.created', objectType: 'organisation', objectId: org.id,
    after: organisationSnapshot(org), meta: { adminUserId: actor.id },
  }, now);
  return { ok: true, organisationId: org.id, warning: qualiopiWarning({ status: org.qualiopiStatus, validUntil: org.qualiopiValidUntil }, parisDay(now)) };
}
