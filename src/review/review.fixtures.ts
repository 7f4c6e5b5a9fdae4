/** Test fixtures of the review: a call with the 2021 rules, submitted applications, staff of each kind. */
import type { AppDeps } from '../platform/http/context.js';
import { insertCall, getCallById } from '../calls/calls.store.js';
import { RULES_2021, ADMISSIBILITY_2021, SELECTION_2021, JOB_FAMILIES_2021, REGIONAL_NEEDS_2021 } from '../calls/call-2021.data.js';
import { applications, applicationSections } from '../applications/applications.schema.js';
import { syncReviews } from './review.store.js';
import { reviewAssignments, reviewClearances } from './review.schema.js';
import { createUser, createOrganisation } from '../platform/testing/harness.js';
import { saveGroup } from './staffing.store.js';
import { allRegions } from './region.js';

let n = 0;

/** A call opened yesterday with two cut-offs ahead; returns its details. */
export async function createReviewCall(deps: AppDeps) {
  n++;
  const now = deps.now();
  const day = 86_400_000;
  const id = await insertCall(deps.database.db, {
    slug: `appel-test-${n}-${now.getTime()}`, title: `Appel de test ${n}`, description: '', opensAt: new Date(now.getTime() - day), closesAt: null, rules: RULES_2021,
    cutoffs: [
      { label: '1er relevé', closesAt: new Date(now.getTime() + 30 * day), resultsNote: '', scopeNote: '' },
      { label: '2e relevé', closesAt: new Date(now.getTime() + 90 * day), resultsNote: '', scopeNote: '' },
    ],
    admissibility: ADMISSIBILITY_2021, selection: SELECTION_2021, jobFamilies: JOB_FAMILIES_2021, regionalNeeds: REGIONAL_NEEDS_2021,
  });
  return (await getCallById(deps.database.db, id))!;
}

/** A submitted application of a new organisation (its admin submitted it), with a place at `postcode`. */
export async function createSubmittedApplication(deps: AppDeps, call: Awaited<ReturnType<typeof createReviewCall>>, o: { title?: string; postcode?: string; family?: string; orgName?: string; funding?: Record<string, unknown>; publics?: Record<string, unknown> } = {}) {
  n++;
  const admin = await createUser(deps, { email: `porteur${n}.${Date.now()}@exemple.fr` });
  const org = await createOrganisation(deps, { admins: [admin.id], name: o.orgName });
  const now = deps.now();
  const [app] = await deps.database.db.insert(applications).values({
    organisationId: org.id, callId: call.call.id, trainingTitle: o.title ?? `Développeur web ${n}`, state: 'submitted', cutoffId: call.cutoffs[0]!.id,
    submittedAt: now, submittedBy: admin.id, receiptNumber: `GEN-2099-${String(n).padStart(5, '0')}`, createdBy: admin.id, createdAt: now, updatedAt: now,
  }).returning();
  const training = { jobFamily: o.family ?? 'F1', targetJobs: 'Développeur web' };
  const places = { places: [{ name: 'Centre', address: '1 rue de la Paix', postcode: o.postcode ?? '93100', city: 'Montreuil' }] };
  await deps.database.db.insert(applicationSections).values([
    { applicationId: app!.id, sectionKey: 'training', values: training, data: training, completed: true },
    { applicationId: app!.id, sectionKey: 'places', values: { 'places-count': '1', 'places-0-postcode': places.places[0]!.postcode }, data: places, completed: true },
    ...(o.funding ? [{ applicationId: app!.id, sectionKey: 'funding', values: {}, data: o.funding, completed: true }] : []),
    ...(o.publics ? [{ applicationId: app!.id, sectionKey: 'publics', values: {}, data: o.publics, completed: true }] : []),
  ]);
  // As the applications domain's "Déposer" does: the review row is opened at submission.
  await syncReviews(deps.database.db, { applicationId: app!.id });
  return { app: app!, org, admin };
}

/**
 * Staff accounts of every review role; both instructors are in a national group covering every
 * région (Inès leads it), so they see every application as the workspace tests expect.
 */
export async function createReviewStaff(deps: AppDeps, o: { nationalGroup?: boolean } = {}) {
  const staff = {
    instructor: await createUser(deps, { staff: ['instructor'], fullName: 'Inès Instructrice' }),
    instructor2: await createUser(deps, { staff: ['instructor'], fullName: 'Ivan Instructeur' }),
    admin: await createUser(deps, { staff: ['admin'], fullName: 'Alex Admin' }),
    committee: await createUser(deps, { staff: ['committee'], fullName: 'Claire Comité' }),
    monitoring: await createUser(deps, { staff: ['monitoring'], fullName: 'Samir Suivi' }),
  };
  if (o.nationalGroup !== false) {
    await saveGroup(deps.database.db, {
      name: `Groupe national ${++n}`, regions: allRegions().map((r) => r.code), members: [staff.instructor.id, staff.instructor2.id], leadId: staff.instructor.id,
    });
  }
  return staff;
}

/**
 * Assigns a reviewer to an application who has already declared no conflict of interest with it
 * (the declaration that opens the content to an assigned reviewer).
 */
export async function assignClearedReviewer(deps: AppDeps, o: { applicationId: string; reviewerId: string; assignedBy: string }) {
  const db = deps.database.db;
  await db.insert(reviewAssignments).values(o);
  await db.insert(reviewClearances).values({ applicationId: o.applicationId, reviewerId: o.reviewerId, declaredAt: deps.now() });
}
