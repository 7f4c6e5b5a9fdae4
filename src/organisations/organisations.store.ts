/** The only file that queries organisations, memberships and invitations. */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { organisations, memberships, invitations } from './organisations.schema.js';
import type { MemberRole } from './organisation.js';

/** A stored organisation. */
export type OrganisationRow = typeof organisations.$inferSelect;
/** Columns written when creating an organisation. */
export type OrganisationInsert = typeof organisations.$inferInsert;
/** A stored invitation. */
export type InvitationRow = typeof invitations.$inferSelect;

/** The organisations of a user with their role, by name. */
export async function listOrganisationsOf(db: DbOrTx, userId: string) {
  return db.select({ id: organisations.id, name: organisations.name, siret: organisations.siret, city: organisations.city, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

/** One organisation by id (callers have checked membership through the route's access). */
export async function getOrganisation(db: DbOrTx, orgId: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  return row ?? null;
}

/** The organisation holding this SIRET, if any. */
export async function findOrganisationBySiret(db: DbOrTx, siret: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.siret, siret));
  return row ?? null;
}

/** Inserts an organisation; returns the stored row. */
export async function insertOrganisation(tx: DbOrTx, values: OrganisationInsert): Promise<OrganisationRow> {
  const [row] = await tx.insert(organisations).values(values).returning();
  return row!;
}

/** Updates an organisation's details; returns the stored row. */
export async function updateOrganisation(tx: DbOrTx, orgId: string, values: Partial<OrganisationInsert>): Promise<OrganisationRow> {
  const [row] = await tx.update(organisations).set(values).where(eq(organisations.id, orgId)).returning();
  return row!;
}

/** Members of an organisation with their name and email, admins first. */
export async function listMembers(db: DbOrTx, orgId: string) {
  return db.select({ userId: memberships.userId, role: memberships.role, fullName: users.fullName, email: users.email, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, orgId))
    .orderBy(asc(memberships.role), asc(users.fullName));
}

/** Members of an organisation, rows locked until the transaction ends (last-admin checks stay true). */
export async function lockMembers(tx: DbOrTx, orgId: string): Promise<{ userId: string; role: MemberRole }[]> {
  return tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships)
    .where(eq(memberships.organisationId, orgId)).for('update');
}

/** Whether someone with this email (any case) is already a member. */
export async function isMemberByEmail(db: DbOrTx, orgId: string, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, orgId), eq(sql`lower(${users.email})`, email.toLowerCase())));
  return !!row;
}

/** Adds a member (nothing happens if they already are one). */
export async function insertMembership(tx: DbOrTx, orgId: string, userId: string, role: MemberRole, now: Date): Promise<void> {
  await tx.insert(memberships).values({ organisationId: orgId, userId, role, createdAt: now }).onConflictDoNothing();
}

/** Changes a member's role. */
export async function setMemberRole(tx: DbOrTx, orgId: string, userId: string, role: MemberRole): Promise<void> {
  await tx.update(memberships).set({ role }).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, userId)));
}

/** Removes a member. */
export async function deleteMembership(tx: DbOrTx, orgId: string, userId: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, userId)));
}

/** Invitations still waiting for an answer (not accepted, not revoked, not expired), oldest first. */
export async function listPendingInvitations(db: DbOrTx, orgId: string, now: Date) {
  return db.select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.organisationId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.createdAt));
}

/** The open (neither accepted nor revoked) invitation of this email in this organisation, locked. */
export async function findOpenInvitation(tx: DbOrTx, orgId: string, email: string): Promise<InvitationRow | null> {
  const [row] = await tx.select().from(invitations)
    .where(and(eq(invitations.organisationId, orgId), eq(sql`lower(${invitations.email})`, email.toLowerCase()), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .limit(1).for('update');
  return row ?? null;
}

/** One invitation of an organisation (someone else's organisation: null). */
export async function getInvitation(db: DbOrTx, orgId: string, invitationId: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(invitations).where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, orgId)));
  return row ?? null;
}

/** The invitation behind a link's token hash, with its organisation's name. */
export async function findInvitationByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/** Locks one invitation row for its answer. */
export async function lockInvitation(tx: DbOrTx, invitationId: string): Promise<InvitationRow | null> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for('update');
  return row ?? null;
}

/** Stores a new invitation. */
export async function insertInvitation(tx: DbOrTx, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await tx.insert(invitations).values(values).returning();
  return row!;
}

/** Replaces the token, role and dates of an open invitation (re-sending it). */
export async function renewInvitation(tx: DbOrTx, invitationId: string, values: { tokenHash: string; role: MemberRole; invitedBy: string | null; createdAt: Date; expiresAt: Date }): Promise<void> {
  await tx.update(invitations).set(values).where(eq(invitations.id, invitationId));
}

/** Marks an invitation accepted or revoked. */
export async function closeInvitation(tx: DbOrTx, invitationId: string, how: 'accepted' | 'revoked', now: Date): Promise<void> {
  await tx.update(invitations).set(how === 'accepted' ? { acceptedAt: now } : { revokedAt: now }).where(eq(invitations.id, invitationId));
}
