/**
 * What a route needs, as data. Every route declares one Access; the router enforces it before
 * the handler runs, and the access-matrix test walks every route for every role.
 */
import type { Actor } from './context.js';
import type { StaffRoleName } from '../auth/roles.js';

/** The closed list of requirements a route may declare. */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  /** The route has an :orgId parameter; the actor must be a member (or admin) of that organisation. */
  | { kind: 'orgMember'; admin: boolean }
  /** Staff holding one of the roles, with the second factor checked in this session. */
  | { kind: 'staff'; roles: readonly StaffRoleName[] };

/** Anyone, signed in or not. */
export const PUBLIC: Access = { kind: 'public' };
/** Any signed-in user. */
export const SIGNED_IN: Access = { kind: 'signedIn' };
/** Member of the organisation in :orgId. */
export const ORG_MEMBER: Access = { kind: 'orgMember', admin: false };
/** Admin of the organisation in :orgId. */
export const ORG_ADMIN: Access = { kind: 'orgMember', admin: true };
/** Staff with one of these roles. */
export const staff = (...roles: StaffRoleName[]): Access => ({ kind: 'staff', roles });

/** Outcome of an access check. */
export type AccessDecision =
  | { ok: true }
  | { ok: false; reason: 'login' | 'forbidden' | 'not_found' | 'second_factor' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a well-formed uuid (malformed ids answer 404, never 500). */
export function isUuid(v: string | undefined): v is string {
  return !!v && UUID.test(v);
}

/** Pure decision: may this actor use a route with this access and these parameters? */
export function decide(access: Access, actor: Actor | null, params: Record<string, string>): AccessDecision {
  if (access.kind === 'public') return { ok: true };
  if (!actor) return { ok: false, reason: 'login' };
  if (access.kind === 'signedIn') return { ok: true };
  if (access.kind === 'orgMember') {
    const orgId = params.orgId;
    if (!isUuid(orgId)) return { ok: false, reason: 'not_found' };
    const m = actor.memberships.find((x) => x.organisationId === orgId.toLowerCase());
    // Someone else's organisation does not exist for this actor.
    if (!m) return { ok: false, reason: 'not_found' };
    if (access.admin && m.role !== 'admin') return { ok: false, reason: 'forbidden' };
    return { ok: true };
  }
  if (!access.roles.some((r) => actor.staffRoles.includes(r))) return { ok: false, reason: 'forbidden' };
  if (!actor.secondFactor) return { ok: false, reason: 'second_factor' };
  return { ok: true };
}
