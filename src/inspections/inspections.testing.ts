/** Test fixture: a label in force, with its organisation and admin (through the real review tables). */
import type { AppDeps } from '../platform/http/context.js';
import { createReviewCall, createSubmittedApplication } from '../review/review.fixtures.js';
import { committeeMeetings, committeeDecisions } from '../review/review.schema.js';
import { labels } from '../labels/labels.schema.js';

let n = 0;

/** An active label of a new organisation; `status` may be changed (e.g. 'withdrawn'). */
export async function createActiveLabel(deps: AppDeps, o: { title?: string; status?: 'active' | 'suspended' | 'withdrawn' | 'pending_agreement' } = {}) {
  n++;
  const db = deps.database.db;
  const call = await createReviewCall(deps);
  const { app, org, admin } = await createSubmittedApplication(deps, call, { title: o.title ?? `Développeur web ${n}` });
  const now = deps.now();
  const [meeting] = await db.insert(committeeMeetings).values({ callId: call.call.id, cutoffId: call.cutoffs[0]!.id, heldOn: '2025-06-01' }).returning();
  const [decision] = await db.insert(committeeDecisions).values({ meetingId: meeting!.id, applicationId: app.id, outcome: 'labelled', motivation: 'Dossier solide.', decidedAt: now }).returning();
  const [label] = await db.insert(labels).values({
    number: `GEN-2099-${String(7000 + n).padStart(4, '0')}`, applicationId: app.id, organisationId: org.id, callId: call.call.id, decisionId: decision!.id,
    trainingTitle: app.trainingTitle, status: o.status ?? 'active', validFrom: '2025-06-15', validUntil: '2028-06-14', statusChangedAt: now,
  }).returning();
  return { label: label!, org, admin };
}
