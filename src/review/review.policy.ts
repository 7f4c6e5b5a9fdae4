/**
 * Who may do what in the review, one line per action. Routes take their Access from the role
 * table; `reviewMay` adds what depends on the application (conflict of interest, assignment,
 * no-conflict declaration, agenda). Views receive the answers, never the raw roles.
 *
 * Declaration before content: an assigned reviewer who has declared nothing yet on the application
 * (neither "aucun lien d’intérêt" nor a conflict) may only declare; every content action (page,
 * sections, files, PDF dossier, admissibility, score sheet, committee view) waits for the
 * declaration. The gate follows the assignment, not the role: staff who are not assigned (admins
 * overseeing, group members and leads assigning, committee members reading their meeting's agenda)
 * are not gated; a committee member or admin who is also assigned is.
 */
import type { Context } from 'hono';
import type { Actor, AppEnv } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import { clientIp } from '../platform/http/security.js';
import type { AuditActor } from '../platform/audit/audit.store.js';
import type { StaffRoleName } from '../platform/auth/roles.js';

/** The closed list of review actions. */
export type ReviewAction =
  | 'review.list'
  | 'review.view'
  | 'review.export'
  | 'review.assign'
  | 'review.admissibility'
  | 'review.score'
  | 'review.declare_conflict'
  | 'review.declare'
  | 'committee.view'
  | 'committee.manage'
  | 'review.configure'
  | 'review.organise';

const ROLES: Record<ReviewAction, readonly StaffRoleName[]> = {
  'review.list': ['instructor', 'admin'],
  'review.view': ['instructor', 'admin', 'committee'],
  'review.export': ['instructor', 'admin'],
  'review.assign': ['instructor', 'admin'],
  'review.admissibility': ['instructor', 'admin'],
  'review.score': ['instructor', 'admin'],
  'review.declare_conflict': ['instructor', 'admin', 'committee'],
  'review.declare': ['instructor', 'admin'],
  'committee.view': ['instructor', 'admin', 'committee'],
  'committee.manage': ['instructor', 'admin'],
  'review.configure': ['admin'],
  'review.organise': ['instructor', 'admin'],
};

/** The Access a route of this action declares (the router also demands the second factor). */
export function reviewAccess(action: ReviewAction): Access {
  return staff(...ROLES[action]);
}

/** Whether the actor holds a role of the action. */
export function holdsRoleFor(actor: Actor | null, action: ReviewAction): boolean {
  return !!actor && actor.secondFactor && ROLES[action].some((r) => actor.staffRoles.includes(r));
}

/** Facts about the actor and one application that some actions depend on. */
export interface ApplicationFacts {
  /** The actor declared a conflict of interest with the application's organisation. */
  conflicted: boolean;
  /** The actor is an assigned reviewer of the application. */
  assigned: boolean;
  /** The actor declared having no tie with the application's organisation and partners. */
  cleared: boolean;
  /** The application is on the agenda of a meeting the actor sits in. */
  onMyAgenda: boolean;
  /** The actor is a member of a reviewer group covering the application's région. */
  inGroup?: boolean;
  /** The actor leads a reviewer group covering the application's région. */
  lead?: boolean;
}

/** Admins see every application; other reviewers only their groups' and their assignments. */
export function seesAllApplications(actor: Actor | null): boolean {
  return !!actor && actor.secondFactor && actor.staffRoles.includes('admin');
}

/** Whether an assigned reviewer must still declare (no conflict, or a conflict) before seeing the application's content. */
export function mustDeclare(f: ApplicationFacts): boolean {
  return f.assigned && !f.cleared && !f.conflicted;
}

/** The only actions open to a reviewer who must still declare. */
const BEFORE_DECLARATION: readonly ReviewAction[] = ['review.declare', 'review.declare_conflict'];

/**
 * Whether the actor may do `action` on one application. A conflict hides the application entirely;
 * an assigned reviewer who has not declared yet may only declare.
 */
export function reviewMay(actor: Actor | null, action: ReviewAction, f: ApplicationFacts): boolean {
  if (!holdsRoleFor(actor, action) || f.conflicted) return false;
  if (mustDeclare(f) && !BEFORE_DECLARATION.includes(action)) return false;
  const admin = seesAllApplications(actor);
  // Reviewers see only applications of their group(s) and those they are assigned to.
  const reviewer = admin || (actor!.staffRoles.includes('instructor') && (f.assigned || !!f.inGroup));
  switch (action) {
    case 'review.view': return reviewer || f.onMyAgenda;
    case 'review.score': return f.assigned && f.cleared;
    case 'review.declare': return mustDeclare(f);
    // The group's lead assigns reviewers (admins too).
    case 'review.assign': return admin || !!f.lead;
    case 'review.declare_conflict': return reviewer || f.onMyAgenda;
    case 'committee.view': case 'committee.manage': return reviewer || f.onMyAgenda;
    default: return reviewer;
  }
}

/** What the views may offer on one application. */
export interface ApplicationPermissions { assign: boolean; admissibility: boolean; score: boolean; declareConflict: boolean; committee: boolean; organise: boolean }

/** Every permission on one application, for the views. */
export function applicationPermissions(actor: Actor | null, f: ApplicationFacts): ApplicationPermissions {
  return {
    assign: reviewMay(actor, 'review.assign', f),
    admissibility: reviewMay(actor, 'review.admissibility', f),
    score: reviewMay(actor, 'review.score', f),
    declareConflict: reviewMay(actor, 'review.declare_conflict', f),
    committee: reviewMay(actor, 'committee.manage', f),
    organise: reviewMay(actor, 'review.organise', f),
  };
}

/** The staff member acting, as commands and the audit log need them. */
export interface StaffActor extends AuditActor { id: string; email: string }

/** The signed-in staff member of this request (staff routes always have one). */
export function staffActor(c: Context<AppEnv>): StaffActor {
  const a = c.get('actor')!;
  return { id: a.userId, label: a.fullName, email: a.email, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}
