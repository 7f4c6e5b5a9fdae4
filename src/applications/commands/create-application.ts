/** Creating a draft application for a training, in an open call. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { getCallById } from '../../calls/calls.store.js';
import { isCallOpen } from '../../calls/call.js';
import { insertApplication, sameTrainingApplications } from '../applications.store.js';
import type { MemberActor } from '../applications.policy.js';

/** Outcome of the creation. */
export type CreateResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

/** Creates a draft for (organisation, call, training title); refuses a closed call and a duplicate. */
export async function createApplication(tx: Tx, actor: MemberActor, v: { organisationId: string; callId: string; trainingTitle: string }, now: Date): Promise<CreateResult> {
  const call = await getCallById(tx, v.callId);
  if (!call || !isCallOpen({ opensAt: call.call.opensAt, closesAt: call.call.closesAt }, call.cutoffs, now)) {
    return { ok: false, errors: { callId: 'Cet appel à labellisation n’est pas ouvert aux candidatures.' } };
  }
  const same = await sameTrainingApplications(tx, v.organisationId, v.trainingTitle, null);
  if (same.some((a) => a.callId === v.callId)) {
    return { ok: false, errors: { trainingTitle: 'Votre organisme a déjà une candidature pour cette formation dans cet appel.' } };
  }
  const app = await insertApplication(tx, { ...v, createdBy: actor.id, now });
  await recordAudit(tx, actor, { action: 'application.created', objectType: 'application', objectId: app.id, after: { state: app.state, callId: v.callId, trainingTitle: v.trainingTitle }, meta: { organisationId: v.organisationId } }, now);
  return { ok: true, id: app.id };
}
