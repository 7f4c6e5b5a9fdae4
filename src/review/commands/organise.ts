/**
 * Organising the review: reviewer groups per région (admins), the call's review settings,
 * tags and their use, following an application, saved views, and the balanced automatic
 * assignment. Every staff change is audited in the same transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { applications } from '../../applications/applications.schema.js';
import { applicationReviews, reviewAssignments } from '../review.schema.js';
import {
  addTag, allConflicts, deleteGroup, deleteSavedView, deleteTag, groupReviewers, insertTag, removeTag, reviewerLoads, saveGroup, saveSettings, settingsOf,
  toggleFollow, upsertSavedView,
} from '../staffing.store.js';
import { insertAssignment, listReviewers } from '../review.store.js';
import { conflictKey, isTagColour, planAssignments, type ToStaff } from '../routing.js';
import type { StaffActor } from '../review.policy.js';

/** Outcome of an organising command. */
export type OrganiseResult<T = object> = ({ ok: true } & T) | { ok: false; message: string; field?: string };

/** A group as typed by an admin. */
export interface GroupInput { id?: string; name: string; regions: string[]; members: string[]; leadId: string | null }

/** Creates or updates a reviewer group; its lead must be one of its members. */
export async function saveReviewGroup(tx: Tx, actor: StaffActor, v: GroupInput, now: Date): Promise<OrganiseResult<{ groupId: string }>> {
  if (v.leadId && !v.members.includes(v.leadId)) return { ok: false, field: 'leadId', message: 'Le responsable du groupe doit en être membre.' };
  const reviewers = new Set((await listReviewers(tx)).map((r) => r.id));
  if (v.members.some((m) => !reviewers.has(m))) return { ok: false, field: 'members', message: 'Un membre choisi n’est pas un instructeur actif.' };
  const id = await saveGroup(tx, v);
  if (!id) return { ok: false, field: 'name', message: 'Un autre groupe porte déjà ce nom.' };
  await recordAudit(tx, actor, { action: v.id ? 'review.group_updated' : 'review.group_created', objectType: 'review_group', objectId: id, after: { name: v.name, regions: v.regions, members: v.members, leadId: v.leadId } }, now);
  return { ok: true, groupId: id };
}

/** Deletes a reviewer group (its members keep their assignments). */
export async function deleteReviewGroup(tx: Tx, actor: StaffActor, groupId: string, now: Date): Promise<OrganiseResult> {
  if (!(await deleteGroup(tx, groupId))) return { ok: false, message: 'Groupe introuvable.' };
  await recordAudit(tx, actor, { action: 'review.group_deleted', objectType: 'review_group', objectId: groupId }, now);
  return { ok: true };
}

/** Writes a call's review settings. */
export async function saveReviewSettings(tx: Tx, actor: StaffActor, v: { callId: string; discussionGap: number; reviewersPerApplication: number; seedGrantMaxShare: number }, now: Date): Promise<OrganiseResult> {
  const before = await settingsOf(tx, v.callId);
  await saveSettings(tx, v.callId, v, actor.id, now);
  await recordAudit(tx, actor, {
    action: 'review.settings_updated', objectType: 'call', objectId: v.callId,
    before: { discussionGap: before.discussionGap, reviewersPerApplication: before.reviewersPerApplication, seedGrantMaxShare: before.seedGrantMaxShare },
    after: { discussionGap: v.discussionGap, reviewersPerApplication: v.reviewersPerApplication, seedGrantMaxShare: v.seedGrantMaxShare },
  }, now);
  return { ok: true };
}

/** Adds a tag to the managed list. */
export async function createTag(tx: Tx, actor: StaffActor, v: { label: string; colour: string }, now: Date): Promise<OrganiseResult<{ tagId: string }>> {
  if (!isTagColour(v.colour)) return { ok: false, field: 'colour', message: 'Choisissez une couleur de la liste.' };
  const tag = await insertTag(tx, { ...v, now });
  if (!tag) return { ok: false, field: 'label', message: 'Cette étiquette existe déjà.' };
  await recordAudit(tx, actor, { action: 'review.tag_created', objectType: 'review_tag', objectId: tag.id, after: v }, now);
  return { ok: true, tagId: tag.id };
}

/** Removes a tag from the list and from every application. */
export async function removeTagFromList(tx: Tx, actor: StaffActor, tagId: string, now: Date): Promise<OrganiseResult> {
  const tag = await deleteTag(tx, tagId);
  if (!tag) return { ok: false, message: 'Étiquette introuvable.' };
  await recordAudit(tx, actor, { action: 'review.tag_deleted', objectType: 'review_tag', objectId: tagId, before: { label: tag.label, colour: tag.colour } }, now);
  return { ok: true };
}

/** Tags applications (the caller checked each one is visible to the actor). */
export async function tagApplications(tx: Tx, actor: StaffActor, v: { tagId: string; applicationIds: string[] }, now: Date): Promise<OrganiseResult<{ tagged: number }>> {
  const tagged = await addTag(tx, v.tagId, v.applicationIds);
  for (const id of tagged) await recordAudit(tx, actor, { action: 'review.tagged', objectType: 'application', objectId: id, after: { tagId: v.tagId } }, now);
  return { ok: true, tagged: tagged.length };
}

/** Removes a tag from one application. */
export async function untagApplication(tx: Tx, actor: StaffActor, v: { tagId: string; applicationId: string }, now: Date): Promise<OrganiseResult> {
  if (!(await removeTag(tx, v.tagId, v.applicationId))) return { ok: false, message: 'Cette étiquette n’est pas posée sur la candidature.' };
  await recordAudit(tx, actor, { action: 'review.untagged', objectType: 'application', objectId: v.applicationId, before: { tagId: v.tagId } }, now);
  return { ok: true };
}

/** Follows or stops following an application (personal, not audited). */
export async function followApplication(tx: Tx, actor: StaffActor, applicationId: string, now: Date): Promise<OrganiseResult<{ following: boolean }>> {
  return { ok: true, following: await toggleFollow(tx, actor.id, applicationId, now) };
}

/** Saves the current filters under a name (a same-named view is replaced). */
export async function saveView(tx: Tx, actor: StaffActor, v: { name: string; query: string }, now: Date): Promise<OrganiseResult<{ viewId: string }>> {
  const query = v.query.startsWith('?') ? v.query.slice(1) : v.query;
  const row = await upsertSavedView(tx, { userId: actor.id, name: v.name, query, now });
  return { ok: true, viewId: row.id };
}

/** Deletes one of the actor's views. */
export async function deleteView(tx: Tx, actor: StaffActor, viewId: string): Promise<OrganiseResult> {
  return (await deleteSavedView(tx, actor.id, viewId)) ? { ok: true } : { ok: false, message: 'Vue introuvable.' };
}

/**
 * Assigns reviewers automatically to the undecided applications of a call (among `applicationIds`
 * when given), so each has the call's number of reviewers: candidates are the members of the
 * groups covering the application's région, chosen by lowest load, never tied with the organisation.
 */
export async function autoAssign(tx: Tx, actor: StaffActor, v: { callId: string; applicationIds?: string[] }, now: Date): Promise<OrganiseResult<{ assigned: number; short: number }>> {
  const settings = await settingsOf(tx, v.callId);
  const rows = await tx.select({ id: applications.id, organisationId: applications.organisationId, regionCode: applicationReviews.regionCode })
    .from(applications).innerJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(and(eq(applications.callId, v.callId), eq(applications.state, 'submitted'), inArray(applicationReviews.state, ['admissibility', 'scoring']),
      v.applicationIds ? inArray(applications.id, v.applicationIds.length ? v.applicationIds : ['00000000-0000-0000-0000-000000000000']) : undefined))
    .orderBy(applications.submittedAt);
  if (!rows.length) return { ok: false, message: 'Aucune candidature en cours d’instruction à affecter.' };
  const assigned = rows.length ? await tx.select().from(reviewAssignments).where(inArray(reviewAssignments.applicationId, rows.map((r) => r.id))) : [];
  const byRegion = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const code of new Set(rows.map((r) => r.regionCode ?? ''))) {
    const members = await groupReviewers(tx, code || null);
    byRegion.set(code, members.map((m) => m.id));
    for (const m of members) names.set(m.id, m.fullName);
  }
  const loads = await reviewerLoads(tx);
  const apps: ToStaff[] = rows.map((r) => ({
    applicationId: r.id, organisationId: r.organisationId,
    assigned: assigned.filter((a) => a.applicationId === r.id).map((a) => a.reviewerId), candidates: byRegion.get(r.regionCode ?? '') ?? [],
  }));
  const conflicts = new Set((await allConflicts(tx)).map((c) => conflictKey(c.userId, c.organisationId)));
  const { plan, short } = planAssignments(apps, [...names].map(([id, fullName]) => ({ id, fullName, load: loads.get(id) ?? 0 })), conflicts, settings.reviewersPerApplication);
  for (const p of plan) {
    if (await insertAssignment(tx, { applicationId: p.applicationId, reviewerId: p.reviewerId, assignedBy: actor.id, now })) {
      await recordAudit(tx, actor, { action: 'review.reviewer_assigned', objectType: 'application', objectId: p.applicationId, after: { reviewerId: p.reviewerId }, meta: { automatic: true } }, now);
    }
  }
  return { ok: true, assigned: plan.length, short: short.length };
}
