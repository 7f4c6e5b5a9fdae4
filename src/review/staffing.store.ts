/**
 * Queries of how the review is organised: reviewer groups per région (members, lead), the call's
 * review settings, tags, follows and saved views.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, staffRoles } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';
import {
  applicationReviews, applicationFollows, applicationTags, conflictDeclarations, reviewAssignments, reviewGroupMembers, reviewGroupRegions, reviewGroups,
  reviewSettings, reviewTags, savedViews,
} from './review.schema.js';
import { DISCUSSION_GAP } from './scoring.js';

/** A group with its régions and members. */
export interface GroupView { id: string; name: string; regions: string[]; members: { userId: string; fullName: string; lead: boolean }[] }

/** Every group with its régions and members, by name. */
export async function listGroups(db: DbOrTx): Promise<GroupView[]> {
  const groups = await db.select().from(reviewGroups).orderBy(asc(reviewGroups.name));
  if (!groups.length) return [];
  const ids = groups.map((g) => g.id);
  const [regions, members] = await Promise.all([
    db.select().from(reviewGroupRegions).where(inArray(reviewGroupRegions.groupId, ids)),
    db.select({ groupId: reviewGroupMembers.groupId, userId: reviewGroupMembers.userId, lead: reviewGroupMembers.lead, fullName: users.fullName })
      .from(reviewGroupMembers).innerJoin(users, eq(users.id, reviewGroupMembers.userId)).where(inArray(reviewGroupMembers.groupId, ids)).orderBy(asc(users.fullName)),
  ]);
  return groups.map((g) => ({
    id: g.id, name: g.name,
    regions: regions.filter((r) => r.groupId === g.id).map((r) => r.regionCode).sort(),
    members: members.filter((m) => m.groupId === g.id).map((m) => ({ userId: m.userId, fullName: m.fullName, lead: m.lead })),
  }));
}

/** One group, or null. */
export async function findGroup(db: DbOrTx, id: string): Promise<GroupView | null> {
  return (await listGroups(db)).find((g) => g.id === id) ?? null;
}

/** Creates or replaces a group (name, régions, members and lead); false when the name is taken by another group. */
export async function saveGroup(tx: DbOrTx, v: { id?: string; name: string; regions: string[]; members: string[]; leadId: string | null }): Promise<string | null> {
  const [clash] = await tx.select({ id: reviewGroups.id }).from(reviewGroups).where(sql`lower(${reviewGroups.name}) = lower(${v.name})`);
  if (clash && clash.id !== v.id) return null;
  let id = v.id;
  if (id) await tx.update(reviewGroups).set({ name: v.name }).where(eq(reviewGroups.id, id));
  else id = (await tx.insert(reviewGroups).values({ name: v.name }).returning())[0]!.id;
  await tx.delete(reviewGroupRegions).where(eq(reviewGroupRegions.groupId, id));
  await tx.delete(reviewGroupMembers).where(eq(reviewGroupMembers.groupId, id));
  if (v.regions.length) await tx.insert(reviewGroupRegions).values(v.regions.map((regionCode) => ({ groupId: id!, regionCode })));
  if (v.members.length) await tx.insert(reviewGroupMembers).values(v.members.map((userId) => ({ groupId: id!, userId, lead: userId === v.leadId })));
  return id;
}

/** Deletes a group; false when absent. */
export async function deleteGroup(tx: DbOrTx, id: string): Promise<boolean> {
  return (await tx.delete(reviewGroups).where(eq(reviewGroups.id, id)).returning()).length > 0;
}

/** The user's standing toward a région: member of a group covering it, lead of one. */
export async function groupStanding(db: DbOrTx, userId: string, regionCode: string | null): Promise<{ inGroup: boolean; lead: boolean }> {
  if (!regionCode) return { inGroup: false, lead: false };
  const rows = await db.select({ lead: reviewGroupMembers.lead }).from(reviewGroupMembers)
    .innerJoin(reviewGroupRegions, eq(reviewGroupRegions.groupId, reviewGroupMembers.groupId))
    .where(and(eq(reviewGroupMembers.userId, userId), eq(reviewGroupRegions.regionCode, regionCode)));
  return { inGroup: rows.length > 0, lead: rows.some((r) => r.lead) };
}

/** SQL condition: the application (by its review's région) is in a group of the user, or the user is assigned to it. */
export function visibleToReviewerSql(userId: string) {
  return sql`(exists (select 1 from ${reviewAssignments} ra where ra.application_id = ${applications.id} and ra.reviewer_id = ${userId})
    or exists (select 1 from ${reviewGroupMembers} gm join ${reviewGroupRegions} gr on gr.group_id = gm.group_id
      where gm.user_id = ${userId} and gr.region_code = ${applicationReviews.regionCode}))`;
}

/** Active reviewers (instructors and admins) who are members of a group covering the région. */
export async function groupReviewers(db: DbOrTx, regionCode: string | null) {
  if (!regionCode) return [];
  return db.selectDistinct({ id: users.id, fullName: users.fullName }).from(reviewGroupMembers)
    .innerJoin(reviewGroupRegions, eq(reviewGroupRegions.groupId, reviewGroupMembers.groupId))
    .innerJoin(users, eq(users.id, reviewGroupMembers.userId))
    .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
    .where(and(eq(reviewGroupRegions.regionCode, regionCode), inArray(staffRoles.role, ['instructor', 'admin']), isNull(users.disabledAt)))
    .orderBy(asc(users.fullName));
}

/** Number of undecided applications (review in admissibility or scoring) each reviewer is assigned to. */
export async function reviewerLoads(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select({ id: reviewAssignments.reviewerId, n: sql<number>`count(*)::int` }).from(reviewAssignments)
    .innerJoin(applicationReviews, eq(applicationReviews.applicationId, reviewAssignments.applicationId))
    .where(inArray(applicationReviews.state, ['admissibility', 'scoring'])).groupBy(reviewAssignments.reviewerId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Every declared tie as "user:organisation" keys. */
export async function allConflicts(db: DbOrTx): Promise<{ userId: string; organisationId: string }[]> {
  return db.select({ userId: conflictDeclarations.userId, organisationId: conflictDeclarations.organisationId }).from(conflictDeclarations);
}

/** The review settings of a call (defaults when never set). */
export async function settingsOf(db: DbOrTx, callId: string) {
  const [row] = await db.select().from(reviewSettings).where(eq(reviewSettings.callId, callId));
  return {
    discussionGap: row ? Number(row.discussionGap) : DISCUSSION_GAP,
    reviewersPerApplication: row?.reviewersPerApplication ?? 2,
    seedGrantMaxShare: row ? Number(row.seedGrantMaxShare) : 0.8,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Review settings of a call. */
export type ReviewSettings = Awaited<ReturnType<typeof settingsOf>>;

/** Writes the review settings of a call. */
export async function saveSettings(tx: DbOrTx, callId: string, v: { discussionGap: number; reviewersPerApplication: number; seedGrantMaxShare: number }, by: string, now: Date) {
  const set = { discussionGap: v.discussionGap.toFixed(2), reviewersPerApplication: v.reviewersPerApplication, seedGrantMaxShare: v.seedGrantMaxShare.toFixed(2), updatedAt: now, updatedBy: by };
  await tx.insert(reviewSettings).values({ callId, ...set }).onConflictDoUpdate({ target: reviewSettings.callId, set });
}

/** The managed tags, by label. */
export async function listTags(db: DbOrTx) {
  return db.select().from(reviewTags).orderBy(asc(sql`${reviewTags.label} collate "fr"`));
}

/** A tag row. */
export type TagRow = typeof reviewTags.$inferSelect;

/** Creates a tag; null when the label exists. */
export async function insertTag(tx: DbOrTx, v: { label: string; colour: string; now: Date }) {
  const [clash] = await tx.select({ id: reviewTags.id }).from(reviewTags).where(sql`lower(${reviewTags.label}) = lower(${v.label})`);
  if (clash) return null;
  return (await tx.insert(reviewTags).values({ label: v.label, colour: v.colour, createdAt: v.now }).returning())[0]!;
}

/** Deletes a tag (and its uses). */
export async function deleteTag(tx: DbOrTx, id: string) {
  return (await tx.delete(reviewTags).where(eq(reviewTags.id, id)).returning())[0] ?? null;
}

/** Tags of some applications. */
export async function tagsOf(db: DbOrTx, applicationIds: string[]) {
  if (!applicationIds.length) return [];
  return db.select({ applicationId: applicationTags.applicationId, id: reviewTags.id, label: reviewTags.label, colour: reviewTags.colour })
    .from(applicationTags).innerJoin(reviewTags, eq(reviewTags.id, applicationTags.tagId))
    .where(inArray(applicationTags.applicationId, applicationIds)).orderBy(asc(reviewTags.label));
}

/** Puts a tag on applications; returns the ids newly tagged. */
export async function addTag(tx: DbOrTx, tagId: string, applicationIds: string[]): Promise<string[]> {
  if (!applicationIds.length) return [];
  const rows = await tx.insert(applicationTags).values(applicationIds.map((applicationId) => ({ applicationId, tagId }))).onConflictDoNothing().returning();
  return rows.map((r) => r.applicationId);
}

/** Removes a tag from an application; false when it was not there. */
export async function removeTag(tx: DbOrTx, tagId: string, applicationId: string): Promise<boolean> {
  return (await tx.delete(applicationTags).where(and(eq(applicationTags.tagId, tagId), eq(applicationTags.applicationId, applicationId))).returning()).length > 0;
}

/** Whether the user follows the application. */
export async function isFollowing(db: DbOrTx, userId: string, applicationId: string): Promise<boolean> {
  return (await db.select({ u: applicationFollows.userId }).from(applicationFollows).where(and(eq(applicationFollows.userId, userId), eq(applicationFollows.applicationId, applicationId)))).length > 0;
}

/** Follows or stops following; returns the new state. */
export async function toggleFollow(tx: DbOrTx, userId: string, applicationId: string, now: Date): Promise<boolean> {
  const removed = await tx.delete(applicationFollows).where(and(eq(applicationFollows.userId, userId), eq(applicationFollows.applicationId, applicationId))).returning();
  if (removed.length) return false;
  await tx.insert(applicationFollows).values({ userId, applicationId, createdAt: now });
  return true;
}

/** The user's saved views, by name. */
export async function listSavedViews(db: DbOrTx, userId: string) {
  return db.select().from(savedViews).where(eq(savedViews.userId, userId)).orderBy(asc(savedViews.name));
}

/** Saves (or replaces, same name) a view of the user. */
export async function upsertSavedView(tx: DbOrTx, v: { userId: string; name: string; query: string; now: Date }) {
  const [row] = await tx.insert(savedViews).values({ userId: v.userId, name: v.name, query: v.query, createdAt: v.now })
    .onConflictDoUpdate({ target: [savedViews.userId, savedViews.name], set: { query: v.query, createdAt: v.now } }).returning();
  return row!;
}

/** Deletes a view of the user; false when it is not theirs. */
export async function deleteSavedView(tx: DbOrTx, userId: string, id: string): Promise<boolean> {
  return (await tx.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.userId, userId))).returning()).length > 0;
}
