/**
 * Demo messages on the demo submitted application: a question of the organisation, the
 * instructor's answer, then a new message of the organisation the instructor has not read yet.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';
import { memberships } from '../organisations/organisations.schema.js';
import { postOrganisationMessage, postStaffMessage, type MessageAuthor } from './commands/post-message.js';

async function author(tx: Tx, email: string): Promise<MessageAuthor | null> {
  const [u] = await tx.select().from(users).where(eq(users.email, email));
  return u ? { id: u.id, label: u.fullName, ip: null } : null;
}

/** The first submitted application of the demo applicant's organisation, or null. */
export async function demoSubmittedApplication(tx: Tx) {
  const [row] = await tx.select({ id: applications.id, organisationId: applications.organisationId }).from(applications)
    .innerJoin(memberships, eq(memberships.organisationId, applications.organisationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, 'porteur@demo.label-gen.fr'), eq(applications.state, 'submitted')));
  return row ?? null;
}

/** Seeds the demo thread (no-op when the demo application or accounts are missing). */
export async function seedDemoMessages(tx: Tx, o: { baseUrl: string; smtp: boolean }, now: Date): Promise<void> {
  const app = await demoSubmittedApplication(tx);
  const paula = await author(tx, 'porteur@demo.label-gen.fr');
  const ines = await author(tx, 'instructeur@demo.label-gen.fr');
  if (!app || !paula || !ines) return;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3600_000);
  const v = { applicationId: app.id, baseUrl: o.baseUrl, smtp: o.smtp };
  await postOrganisationMessage(tx, paula, { ...v, organisationId: app.organisationId, body: 'Bonjour,\n\nNotre attestation Qualiopi est renouvelée le mois prochain : faut-il vous envoyer la nouvelle dès réception ?' }, at(50));
  await postStaffMessage(tx, ines, { ...v, body: 'Bonjour,\n\nOui, merci de la joindre ici dès que vous l’aurez : elle sera versée au dossier avant le comité.' }, at(26));
  await postOrganisationMessage(tx, paula, { ...v, organisationId: app.organisationId, body: 'C’est noté, merci. Nous vous la transmettrons sur cette messagerie.' }, at(2));
}
