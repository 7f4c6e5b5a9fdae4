/** Demo data of the organisations: one pending invitation, so the members page and the outbox show one. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { findOrganisationBySiret } from './organisations.store.js';
import { inviteMember, type MailSettings } from './commands/invite-member.js';

/** The demo admin who invites, her organisation's SIRET, and the demo account invited. */
const DEMO = { inviter: 'porteur@demo.label-gen.fr', siret: '79267640500048', invitee: 'nouveau@demo.label-gen.fr' };

/** Paula (admin of « Simplon Démo ») invites Noé as a member; the mail with the link lands in the outbox. */
export async function seedDemoInvitation(tx: DbOrTx, mail: MailSettings, now: Date): Promise<void> {
  const [inviter] = await tx.select().from(users).where(eq(users.email, DEMO.inviter));
  const org = await findOrganisationBySiret(tx, DEMO.siret);
  if (!inviter || !org) return;
  const who = { id: inviter.id, label: inviter.email, name: inviter.fullName, email: inviter.email, sessionId: '' };
  const res = await inviteMember(tx, who, org.id, { email: DEMO.invitee, role: 'member' }, mail, now);
  if (!res.ok) throw new Error(`demo invitation refused: ${res.message ?? JSON.stringify(res.errors)}`);
}
