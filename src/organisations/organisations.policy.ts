/**
 * Who may do what on an organisation: one closed list of actions, one line each. Views receive
 * the resulting booleans, never the raw role. Business limits (the last admin) live in the commands.
 */
import type { Actor } from '../platform/http/context.js';
import type { MemberRole } from './organisation.js';

/** Everything a person may do on an organisation. */
export type OrganisationAction = 'view' | 'choose' | 'edit' | 'manageMembers' | 'leave';

const RULES: Record<OrganisationAction, (role: MemberRole) => boolean> = {
  view: () => true,
  choose: () => true,
  edit: (role) => role === 'admin',
  manageMembers: (role) => role === 'admin',
  leave: () => true,
};

/** The actor's role in an organisation, or null when they are not a member. */
export function roleIn(actor: Actor | null, orgId: string): MemberRole | null {
  return actor?.memberships.find((m) => m.organisationId === orgId.toLowerCase())?.role ?? null;
}

/** Whether the actor may do this action on this organisation. */
export function can(actor: Actor | null, orgId: string, action: OrganisationAction): boolean {
  const role = roleIn(actor, orgId);
  return role !== null && RULES[action](role);
}

/** Every action with its answer, for a view. */
export type OrganisationPermissions = Record<OrganisationAction, boolean>;

/** What the actor may do on this organisation, as booleans. */
export function permissionsOn(actor: Actor | null, orgId: string): OrganisationPermissions {
  const out = {} as OrganisationPermissions;
  for (const action of Object.keys(RULES) as OrganisationAction[]) out[action] = can(actor, orgId, action);
  return out;
}
