/**
 * Who may do what at the support desk. Routes take their Access from here; a ticket whose topic
 * the actor's roles do not handle does not exist for them (404). Decision record 0006.
 */
import type { Actor } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import type { StaffRoleName } from '../platform/auth/roles.js';
import { TOPIC_ROLES, topicsFor, type Topic } from './support.js';

/** The closed list of staff actions of the support desk. */
export type SupportAction = 'support.inbox' | 'support.faq.edit' | 'support.macros.edit';

const ALLOWED: Record<SupportAction, readonly StaffRoleName[]> = {
  'support.inbox': ['admin', 'instructor', 'monitoring'],
  'support.faq.edit': ['admin', 'instructor', 'monitoring'],
  'support.macros.edit': ['admin', 'instructor', 'monitoring'],
};

/** The Access of a route of this action (the router also demands the second factor). */
export function supportAccess(action: SupportAction): Access {
  return staff(...ALLOWED[action]);
}

/** Topics whose tickets the actor may see and handle. */
export function visibleTopics(actor: Actor | null): Topic[] {
  return actor ? topicsFor(actor.staffRoles) : [];
}

/** Whether the actor handles tickets of this topic. */
export function mayHandle(actor: Actor | null, topic: Topic): boolean {
  return !!actor && TOPIC_ROLES[topic].some((r) => actor.staffRoles.includes(r));
}
