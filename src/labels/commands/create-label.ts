/**
 * Creates the label of a training the committee labelled, in the decision's transaction:
 * numbered GEN-<year>-<seq>, awaiting its agreement (dates start at the agreement's signature).
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { insertLabel, nextLabelSequence, type LabelRow } from '../labels.store.js';
import { labelNumber } from '../label.js';

/** What a label is made from. */
export interface NewLabel { applicationId: string; organisationId: string; callId: string; decisionId: string; trainingTitle: string; timezone: string }

/** Creates and audits the label. */
export async function createLabel(tx: Tx, actor: AuditActor, v: NewLabel, now: Date): Promise<LabelRow> {
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: v.timezone, year: 'numeric' }).format(now));
  const number = labelNumber(year, await nextLabelSequence(tx, year));
  const label = await insertLabel(tx, {
    number, applicationId: v.applicationId, organisationId: v.organisationId, callId: v.callId, decisionId: v.decisionId,
    trainingTitle: v.trainingTitle, status: 'pending_agreement', statusChangedAt: now, createdAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'label.created', objectType: 'label', objectId: label.id,
    after: { number, status: label.status, applicationId: v.applicationId, decisionId: v.decisionId },
  }, now);
  return label;
}
