/** Queries of the consultations: partner requests, Région contacts and opinions, and what they need of the application. */
import { and, asc, eq, inArray, isNull, lte, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { applications, applicationSections } from '../applications/applications.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { applicationReviews } from '../review/review.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { partnerConfirmations, regionContacts, regionOpinions } from './consultations.schema.js';
import { readPartners, regionsOfPlaces, addDays, PARTNER_REMINDER_DAYS, type Partner, type PartnerStatus, type Opinion } from './consultations.js';

export type PartnerRow = typeof partnerConfirmations.$inferSelect;
export type RegionOpinionRow = typeof regionOpinions.$inferSelect;
export type RegionContactRow = typeof regionContacts.$inferSelect;

/** The application as the consultations show it, with its partners and Régions; null when absent. */
export async function consultedApplication(db: DbOrTx, applicationId: string) {
  const [app] = await db.select({
    id: applications.id, organisationId: applications.organisationId, trainingTitle: applications.trainingTitle, state: applications.state,
    submittedAt: applications.submittedAt, receiptNumber: applications.receiptNumber, organisationName: organisations.name,
  }).from(applications).innerJoin(organisations, eq(organisations.id, applications.organisationId)).where(eq(applications.id, applicationId));
  if (!app) return null;
  const sections = await db.select({ key: applicationSections.sectionKey, data: applicationSections.data }).from(applicationSections)
    .where(and(eq(applicationSections.applicationId, applicationId), inArray(applicationSections.sectionKey, ['partners', 'places'])));
  const data = (k: string) => sections.find((s) => s.key === k)?.data ?? null;
  return { ...app, partners: readPartners(data('partners')), regions: regionsOfPlaces(data('places')) };
}
export type ConsultedApplication = NonNullable<Awaited<ReturnType<typeof consultedApplication>>>;

/** The partner requests of an application. */
export async function partnerRequests(db: DbOrTx, applicationId: string): Promise<PartnerRow[]> {
  return db.select().from(partnerConfirmations).where(eq(partnerConfirmations.applicationId, applicationId)).orderBy(asc(partnerConfirmations.createdAt));
}

/** Inserts a request for a partner; null when the partner already has one. */
export async function insertPartnerRequest(tx: DbOrTx, v: typeof partnerConfirmations.$inferInsert): Promise<PartnerRow | null> {
  const [row] = await tx.insert(partnerConfirmations).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

/** Request of a partner of an application, locked for an answer. */
export async function findPartnerRequest(tx: DbOrTx, applicationId: string, key: string): Promise<PartnerRow | null> {
  const [row] = await tx.select().from(partnerConfirmations).where(and(eq(partnerConfirmations.applicationId, applicationId), eq(partnerConfirmations.partnerKey, key))).for('update');
  return row ?? null;
}

/** The request of a personal link (by the token's hash). */
export async function partnerRequestByToken(db: DbOrTx, tokenHash: string): Promise<PartnerRow | null> {
  const [row] = await db.select().from(partnerConfirmations).where(eq(partnerConfirmations.tokenHash, tokenHash));
  return row ?? null;
}

/** Records an answer if none was recorded yet; null when someone answered first. */
export async function answerPartnerRequest(tx: DbOrTx, id: string, v: {
  status: PartnerStatus; partnershipConfirmed: boolean; commitmentConfirmed: boolean; comment: string; channel: 'link' | 'phone'; answeredAt: Date; recordedBy?: string | null; motivation?: string | null;
}): Promise<PartnerRow | null> {
  const [row] = await tx.update(partnerConfirmations).set(v).where(and(eq(partnerConfirmations.id, id), isNull(partnerConfirmations.answeredAt))).returning();
  return row ?? null;
}

/** Marks unanswered requests whose link expired as "no answer"; returns them. */
export async function expirePartnerRequests(tx: DbOrTx, now: Date): Promise<PartnerRow[]> {
  return tx.update(partnerConfirmations).set({ status: 'no_answer' })
    .where(and(eq(partnerConfirmations.status, 'sent'), isNull(partnerConfirmations.answeredAt), lte(partnerConfirmations.expiresAt, now))).returning();
}

/**
 * Claims the requests due for their reminder (sent 7 days ago or more, unanswered, link still
 * valid, never reminded): the update is the claim, so two runs never remind the same partner twice.
 */
export async function claimPartnerReminders(tx: DbOrTx, now: Date): Promise<PartnerRow[]> {
  return tx.update(partnerConfirmations).set({ remindedAt: now })
    .where(and(
      eq(partnerConfirmations.status, 'sent'), isNull(partnerConfirmations.answeredAt), isNull(partnerConfirmations.remindedAt),
      lte(partnerConfirmations.sentAt, addDays(now, -PARTNER_REMINDER_DAYS)), gt(partnerConfirmations.expiresAt, now),
    )).returning();
}

/** Every Région contact. */
export async function listRegionContacts(db: DbOrTx): Promise<RegionContactRow[]> {
  return db.select().from(regionContacts).orderBy(asc(regionContacts.regionName));
}

/** Sets (or, with an empty address, removes) a Région's contact. */
export async function saveRegionContact(tx: DbOrTx, v: { regionCode: string; regionName: string; email: string; by: string | null; now: Date }): Promise<void> {
  if (!v.email) {
    await tx.delete(regionContacts).where(eq(regionContacts.regionCode, v.regionCode));
    return;
  }
  const set = { regionName: v.regionName, email: v.email, updatedBy: v.by, updatedAt: v.now };
  await tx.insert(regionContacts).values({ regionCode: v.regionCode, ...set }).onConflictDoUpdate({ target: regionContacts.regionCode, set });
}

/** The Région requests of an application. */
export async function regionRequests(db: DbOrTx, applicationId: string): Promise<RegionOpinionRow[]> {
  return db.select().from(regionOpinions).where(eq(regionOpinions.applicationId, applicationId)).orderBy(asc(regionOpinions.regionName));
}

/** Inserts a Région request; null when this Région was already asked about the application. */
export async function insertRegionRequest(tx: DbOrTx, v: typeof regionOpinions.$inferInsert): Promise<RegionOpinionRow | null> {
  const [row] = await tx.insert(regionOpinions).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

/** The Région request of a personal link. */
export async function regionRequestByToken(db: DbOrTx, tokenHash: string): Promise<RegionOpinionRow | null> {
  const [row] = await db.select().from(regionOpinions).where(eq(regionOpinions.tokenHash, tokenHash));
  return row ?? null;
}

/** Records the Région's opinion if none was recorded yet; null otherwise. */
export async function answerRegionRequest(tx: DbOrTx, id: string, v: { opinion: Opinion; comment: string; respondentName: string; answeredAt: Date }): Promise<RegionOpinionRow | null> {
  const [row] = await tx.update(regionOpinions).set(v).where(and(eq(regionOpinions.id, id), isNull(regionOpinions.answeredAt))).returning();
  return row ?? null;
}

/** Claims unanswered Région requests whose reminder date has come (`reminderBefore`: due dates up to this day). */
export async function claimRegionReminders(tx: DbOrTx, now: Date, lastDueOn: string): Promise<RegionOpinionRow[]> {
  return tx.update(regionOpinions).set({ remindedAt: now })
    .where(and(isNull(regionOpinions.answeredAt), isNull(regionOpinions.remindedAt), lte(regionOpinions.dueOn, lastDueOn), gt(regionOpinions.expiresAt, now)))
    .returning();
}

/** Submitted applications declared admissible (review in scoring), whose partners and Régions are consulted automatically. */
export async function admissibleApplicationIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: applications.id }).from(applications)
    .innerJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(and(eq(applications.state, 'submitted'), eq(applicationReviews.state, 'scoring')));
  return rows.map((r) => r.id);
}

/** The partners of an application never contacted (no request, by link or by phone). */
export async function uncontactedPartners(db: DbOrTx, applicationId: string): Promise<Partner[]> {
  const app = await consultedApplication(db, applicationId);
  if (!app) return [];
  const asked = new Set((await partnerRequests(db, applicationId)).map((r) => r.partnerKey));
  return app.partners.filter((p) => !asked.has(p.key));
}

/**
 * The applications, among `applicationIds`, with a Région opinion missing: a training place's
 * Région that was not asked, or has not answered yet.
 */
export async function missingOpinions(db: DbOrTx, applicationIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (applicationIds.length === 0) return out;
  const [places, answered] = await Promise.all([
    db.select({ id: applicationSections.applicationId, data: applicationSections.data }).from(applicationSections)
      .where(and(inArray(applicationSections.applicationId, applicationIds), eq(applicationSections.sectionKey, 'places'))),
    db.select({ id: regionOpinions.applicationId, code: regionOpinions.regionCode }).from(regionOpinions)
      .where(and(inArray(regionOpinions.applicationId, applicationIds), sql`${regionOpinions.answeredAt} is not null`)),
  ]);
  const got = new Set(answered.map((a) => `${a.id}:${a.code}`));
  for (const p of places) {
    if (regionsOfPlaces(p.data).some((r) => !got.has(`${p.id}:${r.regionCode}`))) out.add(p.id);
  }
  return out;
}

/** Among these outbox rows, those whose delivery failed for good (bounced). */
export async function failedMails(db: DbOrTx, ids: (string | null)[]): Promise<Set<string>> {
  const wanted = ids.filter((i): i is string => !!i);
  if (wanted.length === 0) return new Set();
  const rows = await db.select({ id: mailOutbox.id }).from(mailOutbox).where(and(inArray(mailOutbox.id, wanted), eq(mailOutbox.status, 'failed')));
  return new Set(rows.map((r) => r.id));
}

/** Remembers the last mail sent for a partner request. */
export async function setPartnerLastMail(tx: DbOrTx, id: string, mailId: string): Promise<void> {
  await tx.update(partnerConfirmations).set({ lastMailId: mailId }).where(eq(partnerConfirmations.id, id));
}

/** Remembers the last mail sent for a Région request. */
export async function setRegionLastMail(tx: DbOrTx, id: string, mailId: string): Promise<void> {
  await tx.update(regionOpinions).set({ lastMailId: mailId }).where(eq(regionOpinions.id, id));
}

/** A partner request of an application by id, locked. */
export async function partnerRequestById(tx: DbOrTx, applicationId: string, id: string): Promise<PartnerRow | null> {
  const [row] = await tx.select().from(partnerConfirmations).where(and(eq(partnerConfirmations.applicationId, applicationId), eq(partnerConfirmations.id, id))).for('update');
  return row ?? null;
}

/** A Région request of an application by id, locked. */
export async function regionRequestById(tx: DbOrTx, applicationId: string, id: string): Promise<RegionOpinionRow | null> {
  const [row] = await tx.select().from(regionOpinions).where(and(eq(regionOpinions.applicationId, applicationId), eq(regionOpinions.id, id))).for('update');
  return row ?? null;
}

/** Issues a partner request's link again if still unanswered at this round; null otherwise. */
export async function reissuePartnerRequest(tx: DbOrTx, id: string, round: number, v: { linkRound: number; tokenHash: string; email: string; sentAt: Date; sentBy: string | null; expiresAt: Date }): Promise<PartnerRow | null> {
  const [row] = await tx.update(partnerConfirmations).set({ ...v, status: 'sent', remindedAt: null, lastMailId: null })
    .where(and(eq(partnerConfirmations.id, id), eq(partnerConfirmations.linkRound, round), isNull(partnerConfirmations.answeredAt))).returning();
  return row ?? null;
}

/** Issues a Région request's link again if still unanswered at this round; null otherwise. */
export async function reissueRegionRequest(tx: DbOrTx, id: string, round: number, v: { linkRound: number; tokenHash: string; email: string; dueOn: string; sentAt: Date; sentBy: string | null; expiresAt: Date }): Promise<RegionOpinionRow | null> {
  const [row] = await tx.update(regionOpinions).set({ ...v, remindedAt: null, lastMailId: null })
    .where(and(eq(regionOpinions.id, id), eq(regionOpinions.linkRound, round), isNull(regionOpinions.answeredAt))).returning();
  return row ?? null;
}
