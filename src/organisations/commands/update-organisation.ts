/** Changing an organisation's details (its SIRET stays as created). */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { getOrganisation, updateOrganisation as writeOrganisation } from '../organisations.store.js';
import { organisationSnapshot, qualiopiWarning, parisDay, type Outcome } from '../organisation.js';
import type { OrganisationDetails } from '../organisation.form.js';

/** Updates the details and audits the before/after snapshots. */
export async function updateOrganisation(
  tx: DbOrTx, actor: AuditActor, orgId: string, input: OrganisationDetails, now: Date,
): Promise<Outcome<{ warning: string | null }>> {
  const before = await getOrganisation(tx, orgId);
  if (!before) return { ok: false, message: 'Cet organisme n’existe plus.' };
  const after = await writeOrganisation(tx, orgId, {
    name: input.name, nda: input.nda,
    qualiopiStatus: input.qualiopi.status, qualiopiValidUntil: input.qualiopi.validUntil, qualiopiAuditDate: input.qualiopi.auditDate,
    addressLine: input.addressLine, postcode: input.postcode, city: input.city,
    contactName: input.contactName, contactEmail: input.contactEmail, contactPhone: input.contactPhone,
    updatedAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'organisation.updated', objectType: 'organisation', objectId: orgId,
    before: organisationSnapshot(before), after: organisationSnapshot(after),
  }, now);
  return { ok: true, warning: qualiopiWarning({ status: after.qualiopiStatus, validUntil: after.qualiopiValidUntil }, parisDay(now)) };
}
