/** Renewal by copy: a new draft in an open call with every section's values of a previous application. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { findApplication, copySections, setRenewedFrom } from '../applications.store.js';
import { memberMay, type MemberActor } from '../applications.policy.js';
import { createApplication, type CreateResult } from './create-application.js';

/** Creates the renewal draft (documents and submissions are not copied). */
export async function renewApplication(tx: Tx, actor: MemberActor, v: { organisationId: string; fromId: string; callId: string; trainingTitle: string }, now: Date): Promise<CreateResult> {
  const from = await findApplication(tx, v.organisationId, v.fromId);
  if (!from || !memberMay(from.state, 'renew')) return { ok: false, errors: { callId: 'Seule une candidature déjà déposée peut être renouvelée.' } };
  const created = await createApplication(tx, actor, { organisationId: v.organisationId, callId: v.callId, trainingTitle: v.trainingTitle }, now);
  if (!created.ok) return created;
  const copied = await copySections(tx, from.id, created.id, actor.id, now);
  await setRenewedFrom(tx, created.id, from.id);
  await recordAudit(tx, actor, {
    action: 'application.renewed', objectType: 'application', objectId: created.id,
    after: { renewedFromId: from.id, callId: v.callId, trainingTitle: v.trainingTitle, sectionsCopied: copied }, meta: { organisationId: v.organisationId, fromTrainingTitle: from.trainingTitle },
  }, now);
  return created;
}
