/** Test fixtures of labels: a labelled application with its committee decision and its label awaiting the convention. */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../platform/http/context.js';
import { createUser, createOrganisation } from '../platform/testing/harness.js';
import { applicationSections } from '../applications/applications.schema.js';
import { memberships } from '../organisations/organisations.schema.js';
import { createReviewCall, createSubmittedApplication } from '../review/review.fixtures.js';
import { insertDecision, insertMeeting } from '../review/committee.store.js';
import { SYSTEM } from '../platform/audit/audit.store.js';
import { createLabel } from './commands/create-label.js';
import { labels } from './labels.schema.js';

/** Typed section data of a complete application (what the convention reads). */
export const SECTION_DATA: Record<string, Record<string, unknown>> = {
  training: { summary: 'Former en 9 mois des développeurs web.', jobFamily: 'F1', targetJobs: 'Développeur web', certRegister: 'RNCP', certCode: 'RNCP31114', certTitle: 'Développeur web et web mobile', certOwned: 'oui' },
  duration: { totalHours: 1200, months: 9, immersionType: 'internship', immersionWeeks: 8 },
  places: {
    places: [{ name: 'Campus de Montreuil', address: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil' }],
    sessions: [{ start: '2026-09-01', end: '2027-03-31', learners: 20 }, { start: '2027-09-01', end: '2028-03-31', learners: 24 }],
  },
  funding: { seedGrantRequested: 'oui', seedGrantAmount: 30000, seedGrantSessions: 'first_two' },
};

/** A label awaiting its convention, with the organisation's admin, a plain member and the call. */
export async function createPendingLabel(deps: AppDeps, o: { seedGrant?: number | null; orgName?: string; decidedAt?: Date } = {}) {
  const db = deps.database.db;
  const call = await createReviewCall(deps);
  const { app, org, admin } = await createSubmittedApplication(deps, call, { title: 'Développeur web et web mobile', orgName: o.orgName });
  const member = await createUser(deps, { fullName: 'Marc Membre' });
  await db.insert(memberships).values({ organisationId: org.id, userId: member.id, role: 'member' });
  await db.delete(applicationSections).where(eq(applicationSections.applicationId, app.id));
  await db.insert(applicationSections).values(Object.entries(SECTION_DATA).map(([sectionKey, data]) => ({ applicationId: app.id, sectionKey, values: {}, data, completed: true })));
  const now = o.decidedAt ?? deps.now();
  const chair = await createUser(deps, { staff: ['admin'], fullName: 'Présidence du comité' });
  const meeting = await insertMeeting(db, { callId: call.call.id, cutoffId: call.cutoffs[0]!.id, heldOn: now.toISOString().slice(0, 10), place: 'Paris', members: [chair.id], createdBy: chair.id, now });
  const decision = await insertDecision(db, {
    meetingId: meeting.id, applicationId: app.id, outcome: 'labelled', motivation: 'Formation pertinente pour le territoire.', meanScore: '8.00',
    seedGrant: o.seedGrant === undefined ? 30000 : o.seedGrant, decidedBy: chair.id, decidedAt: now,
  });
  const label = await db.transaction((tx) => createLabel(tx, SYSTEM, {
    applicationId: app.id, organisationId: org.id, callId: call.call.id, decisionId: decision!.id, trainingTitle: app.trainingTitle, timezone: 'Europe/Paris',
  }, now));
  return { call, app, org, admin, member, label };
}

/** Another organisation with its admin (to check someone else's label is a 404). */
export async function createOtherOrganisation(deps: AppDeps) {
  const admin = await createUser(deps, { fullName: 'Autre Admin' });
  const org = await createOrganisation(deps, { admins: [admin.id] });
  return { admin, org };
}

/** Forces a label's status and dates (tests of later stages of its life). */
export async function setLabelState(deps: AppDeps, id: string, v: Partial<typeof labels.$inferInsert>): Promise<void> {
  await deps.database.db.update(labels).set(v).where(eq(labels.id, id));
}

/** A label in force since 15 January 2026 (convention signed that day, 3 years), with its organisation's admin and member. */
export async function createLabelInForce(deps: AppDeps) {
  const fx = await createPendingLabel(deps);
  await setLabelState(deps, fx.label.id, { status: 'active', validFrom: '2026-01-15', validUntil: '2029-01-14', agreementSignedAt: new Date('2026-01-15T10:00:00Z') });
  return fx;
}
