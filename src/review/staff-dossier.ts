/**
 * One application as staff see it: the applicant's dossier (read through the applications
 * domain), and the review around it: state, assignments, verdicts, corrections, scores, decision,
 * label, timeline, and what the actor may do. A conflicted actor gets nothing (404); an assigned
 * reviewer who has not declared their ties yet gets a 403 (`DeclarationRequired`) from every
 * caller (staff page, PDF dossier, messages, consultations) until they do.
 */
import type { DbOrTx } from '../platform/db/index.js';
import type { Actor } from '../platform/http/context.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import { loadDossier, type Dossier } from '../applications/dossier.js';
import { labelOfApplication } from '../labels/labels.store.js';
import {
  applicationOwner, findReview, listAssignments, listClearances, listCorrections, listReviewers, listSheets, listVerdicts, conflictedUsers, type ReviewRow,
} from './review.store.js';
import { decisionOf, deferralsOf } from './committee.store.js';
import { applicationPermissions, reviewMay, seesAllApplications, type ApplicationPermissions } from './review.policy.js';
import { DeclarationRequired } from './declaration.js';
import { applicationFacts } from './facts.js';
import { groupReviewers, isFollowing, listGroups, listTags, settingsOf, tagsOf, type ReviewSettings, type TagRow } from './staffing.store.js';
import { workspaceStatus, type WorkspaceStatus } from './review.js';
import { aggregate, type ScoreAggregate } from './scoring.js';

/** Everything the staff pages of one application show. */
export interface StaffDossier {
  dossier: Dossier;
  review: ReviewRow;
  status: WorkspaceStatus;
  assignments: Awaited<ReturnType<typeof listAssignments>>;
  /** When each reviewer declared having no tie with the organisation and its partners. */
  clearances: Map<string, Date>;
  verdicts: Awaited<ReturnType<typeof listVerdicts>>;
  corrections: Awaited<ReturnType<typeof listCorrections>>;
  /** Sheets the actor may read: others' sheets stay hidden from an assigned reviewer until theirs is in. */
  sheets: Awaited<ReturnType<typeof listSheets>>;
  hiddenSheets: number;
  mySheet: Awaited<ReturnType<typeof listSheets>>[number] | null;
  scores: ScoreAggregate | null;
  decision: Awaited<ReturnType<typeof decisionOf>>;
  label: Awaited<ReturnType<typeof labelOfApplication>>;
  /** The call's review settings (discussion gap, seed grant cap). */
  settings: ReviewSettings;
  tags: Awaited<ReturnType<typeof tagsOf>>;
  allTags: TagRow[];
  following: boolean;
  /** Reviewer groups covering the application's région, with their lead. */
  groups: { name: string; lead: string | null }[];
  /** Earlier committee deferrals of the application. */
  deferrals: Awaited<ReturnType<typeof deferralsOf>>;
  timeline: Awaited<ReturnType<typeof objectHistory>>;
  /** Reviewers who may be assigned (active, not conflicted, not already assigned). */
  assignable: { id: string; fullName: string }[];
  may: ApplicationPermissions;
}

/** Loads an application for the actor; null when absent, a draft, or hidden from them; throws `DeclarationRequired` (403) before their declaration. */
export async function loadStaffDossier(db: DbOrTx, actor: Actor, applicationId: string, now: Date): Promise<StaffDossier | null> {
  const owner = await applicationOwner(db, applicationId);
  if (!owner || !owner.submittedAt) return null;
  const facts = await applicationFacts(db, actor, applicationId);
  if (facts && reviewMay(actor, 'review.declare', facts)) throw new DeclarationRequired();
  if (!facts || !reviewMay(actor, 'review.view', facts)) return null;
  const assignments = await listAssignments(db, applicationId);
  const [dossier, review] = await Promise.all([loadDossier(db, owner.organisationId, applicationId, now), findReview(db, applicationId)]);
  if (!dossier || !review) return null;
  const [verdicts, corrections, allSheets, decision, label, history, allReviewers, conflicts, settings, groupMembers, tags, allTags, following, deferrals] = await Promise.all([
    listVerdicts(db, applicationId), listCorrections(db, applicationId), listSheets(db, applicationId), decisionOf(db, applicationId),
    labelOfApplication(db, applicationId), objectHistory(db, 'application', applicationId), listReviewers(db), conflictedUsers(db, owner.organisationId),
    settingsOf(db, owner.callId), groupReviewers(db, review.regionCode), tagsOf(db, [applicationId]), listTags(db), isFollowing(db, actor.userId, applicationId),
    deferralsOf(db, applicationId),
  ]);
  const clearances = new Map((await listClearances(db, applicationId)).map((c) => [c.reviewerId, c.declaredAt] as const));
  const groups = (await listGroups(db)).filter((g) => review.regionCode && g.regions.includes(review.regionCode))
    .map((g) => ({ name: g.name, lead: g.members.find((m) => m.lead)?.fullName ?? null }));
  // A group's lead assigns among the group's reviewers; admins among every reviewer.
  const reviewers = seesAllApplications(actor) || groupMembers.length === 0 ? allReviewers : groupMembers;
  const labelHistory = label ? await objectHistory(db, 'label', label.id) : [];
  const mySheet = allSheets.find((s) => s.reviewerId === actor.userId) ?? null;
  const sheets = facts.assigned && !mySheet ? [] : allSheets;
  const taken = new Set([...assignments.map((a) => a.reviewerId), ...conflicts.map((c) => c.userId)]);
  return {
    dossier, review, status: workspaceStatus(owner.state, review.state), assignments, clearances, verdicts, corrections,
    sheets, hiddenSheets: allSheets.length - sheets.length, mySheet, scores: aggregate(sheets.map((s) => s.total), settings.discussionGap),
    settings, tags, allTags, following, deferrals, groups,
    decision, label, timeline: [...history, ...labelHistory].sort((a, b) => a.id - b.id),
    assignable: reviewers.filter((r) => !taken.has(r.id)), may: applicationPermissions(actor, facts),
  };
}
