/**
 * Demo review, through the same commands as the pages: reviewer groups per région (the demo
 * instructor leads Île-de-France and Hauts-de-France), the call's review settings, tags; the demo
 * submitted application is assigned to the demo instructor, who declares no conflict of interest
 * before examining it, finds it admissible, tags and scores it;
 * a committee meeting of its cut-off is scheduled with the demo committee member, the decision
 * left to the visitor. A past meeting deferred another application to the next cut-off: its
 * minutes are validated and its decision mail sent.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';
import { getCallBySlug } from '../calls/calls.store.js';
import { syncReviews, findReview } from './review.store.js';
import { assignReviewer } from './commands/assign-reviewer.js';
import { declareNoConflict } from './commands/declaration.js';
import { recordVerdicts, decideAdmissibility } from './commands/admissibility.js';
import { submitScores } from './commands/scoring.js';
import { createMeeting, decideApplication, sendDecisionMails, validateMinutes } from './commands/committee.js';
import { createTag, saveReviewGroup, saveReviewSettings, tagApplications } from './commands/organise.js';
import { organisations } from '../organisations/organisations.schema.js';
import { applicationSections } from '../applications/applications.schema.js';
import { SECTIONS } from '../applications/sections/catalogue.js';
import { readSection } from '../applications/sections/parse.js';
import { familyOptions } from '../applications/dossier.js';
import { completeValues } from '../applications/sample-values.js';
import { committeeMeetings } from './review.schema.js';
import { pointsFor, sheetTotal } from './scoring.js';
import type { StaffActor } from './review.policy.js';

async function staffByEmail(tx: Tx, email: string): Promise<StaffActor | null> {
  const [u] = await tx.select().from(users).where(eq(users.email, email));
  return u ? { id: u.id, label: u.fullName, email: u.email, ip: null } : null;
}

/** Seeds the demo review on the demo call of `now`'s year (no-op when a piece is missing). */
export async function seedDemoReview(tx: Tx, now: Date, o: { baseUrl: string; smtp: boolean }): Promise<void> {
  const call = await getCallBySlug(tx, `appel-demonstration-${now.getUTCFullYear()}`);
  const instructor = await staffByEmail(tx, 'instructeur@demo.label-gen.fr');
  const committee = await staffByEmail(tx, 'comite@demo.label-gen.fr');
  const admin = await staffByEmail(tx, 'admin@demo.label-gen.fr');
  if (!call || !instructor || !committee || !admin) return;
  await saveReviewGroup(tx, admin, { name: 'Île-de-France et Hauts-de-France', regions: ['11', '32'], members: [instructor.id, admin.id], leadId: instructor.id }, now);
  await saveReviewGroup(tx, admin, { name: 'Grand Ouest', regions: ['28', '52', '53'], members: [admin.id], leadId: admin.id }, now);
  await saveReviewSettings(tx, admin, { callId: call.call.id, discussionGap: 2, reviewersPerApplication: 2, seedGrantMaxShare: 0.8 }, now);
  const tags: string[] = [];
  for (const [label, colour] of [['Prioritaire', 'green-emeraude'], ['Quartiers prioritaires', 'purple-glycine'], ['À rappeler', 'orange-terre-battue']] as const) {
    const t = await createTag(tx, admin, { label, colour }, now);
    if (t.ok) tags.push(t.tagId);
  }
  await syncReviews(tx, { callId: call.call.id });
  const [app] = await tx.select().from(applications).where(eq(applications.callId, call.call.id)).then((rows) => rows.filter((a) => a.state === 'submitted'));
  if (!app) return;
  await assignReviewer(tx, admin, { applicationId: app.id, reviewerId: instructor.id }, now);
  await declareNoConflict(tx, instructor, { applicationId: app.id }, now);
  if (tags[0]) await tagApplications(tx, instructor, { tagId: tags[0], applicationIds: [app.id] }, now);
  await recordVerdicts(tx, instructor, { applicationId: app.id, verdicts: call.admissibility.map((c) => ({ criterionCode: c.code, verdict: 'met', comment: '' })) }, now);
  const review = await findReview(tx, app.id);
  if (!review) return;
  await decideAdmissibility(tx, instructor, { applicationId: app.id, outcome: 'admissible', motivation: '', sections: [], message: '', dueOn: '', version: review.version, ...o }, now);
  const lines = call.selection.map((c, i) => ({ criterionCode: c.code, level: i === 0 ? 4 : 3, points: pointsFor(i === 0 ? 4 : 3, c.weight), comment: 'Exemple de démonstration : argumentaire à compléter.' }));
  await submitScores(tx, instructor, { applicationId: app.id, lines, total: sheetTotal(lines) }, now);
  if (app.cutoffId) {
    const heldOn = new Date(now.getTime() + 60 * 86400_000).toISOString().slice(0, 10);
    await createMeeting(tx, admin, { cutoffId: app.cutoffId, heldOn, place: 'Visioconférence', members: [committee.id, admin.id] }, now);
    await seedDeferral(tx, { call, cutoffId: app.cutoffId, instructor, committee, admin, ...o }, now);
  }
}

/** A second application of the demo call, deferred by a past meeting whose minutes are validated and mail sent. */
async function seedDeferral(tx: Tx, v: { call: NonNullable<Awaited<ReturnType<typeof getCallBySlug>>>; cutoffId: string; instructor: StaffActor; committee: StaffActor; admin: StaffActor; baseUrl: string; smtp: boolean }, now: Date) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.name, 'Numérique Solidaire Nord'));
  const [nora] = await tx.select().from(users).where(eq(users.email, 'nord@demo.label-gen.fr'));
  if (!org || !nora) return;
  const submittedAt = new Date(now.getTime() - 20 * 86400_000);
  const [app] = await tx.insert(applications).values({
    organisationId: org.id, callId: v.call.call.id, trainingTitle: 'Concepteur développeur d’applications', state: 'submitted', cutoffId: v.cutoffId,
    submittedAt, submittedBy: nora.id, receiptNumber: `GEN-${now.getUTCFullYear()}-R001`, createdBy: nora.id, createdAt: submittedAt, updatedAt: submittedAt,
  }).returning();
  const values = completeValues(new Date(now.getTime() + 120 * 86400_000).toISOString().slice(0, 10));
  for (const def of SECTIONS) {
    const read = readSection(def, values[def.key], familyOptions(v.call));
    await tx.insert(applicationSections).values({ applicationId: app!.id, sectionKey: def.key, values: read.values, data: read.data, completed: read.completed, updatedBy: nora.id, updatedAt: submittedAt });
  }
  await syncReviews(tx, { applicationId: app!.id });
  await assignReviewer(tx, v.admin, { applicationId: app!.id, reviewerId: v.instructor.id }, now);
  await declareNoConflict(tx, v.instructor, { applicationId: app!.id }, now);
  await recordVerdicts(tx, v.instructor, { applicationId: app!.id, verdicts: v.call.admissibility.map((c) => ({ criterionCode: c.code, verdict: 'met', comment: '' })) }, now);
  const review = await findReview(tx, app!.id);
  if (!review) return;
  await decideAdmissibility(tx, v.instructor, { applicationId: app!.id, outcome: 'admissible', motivation: '', sections: [], message: '', dueOn: '', version: review.version, baseUrl: v.baseUrl, smtp: v.smtp }, now);
  const lines = v.call.selection.map((c) => ({ criterionCode: c.code, level: 2, points: pointsFor(2, c.weight), comment: 'Besoins régionaux à confirmer par l’avis de la Région.' }));
  await submitScores(tx, v.instructor, { applicationId: app!.id, lines, total: sheetTotal(lines) }, now);
  const heldOn = new Date(now.getTime() - 7 * 86400_000).toISOString().slice(0, 10);
  const meeting = await createMeeting(tx, v.admin, { cutoffId: v.cutoffId, heldOn, place: 'Paris, salle Ada Lovelace', members: [v.committee.id, v.admin.id] }, now);
  if (!meeting.ok) return;
  const decided = await decideApplication(tx, v.admin, { meetingId: meeting.meetingId, applicationId: app!.id, outcome: 'deferred', motivation: 'Le comité attend l’avis de la Région Hauts-de-France sur les besoins en développeurs.' }, now);
  if (!decided.ok) {
    // Last cut-off of the call: nothing to defer to; leave the meeting without decision.
    await tx.delete(committeeMeetings).where(eq(committeeMeetings.id, meeting.meetingId));
    return;
  }
  await sendDecisionMails(tx, v.admin, { meetingId: meeting.meetingId, baseUrl: v.baseUrl, smtp: v.smtp }, now);
  await validateMinutes(tx, v.admin, meeting.meetingId, now);
}
