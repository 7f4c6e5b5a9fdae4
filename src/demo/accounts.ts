/** Demo accounts: one per role, with a shared password and fixed TOTP secrets for the staff. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, staffRoles } from '../platform/auth/auth.schema.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { base32Encode, sealSecret } from '../platform/auth/totp.js';
import type { StaffRoleName } from '../platform/auth/roles.js';
import { organisations, memberships } from '../organisations/organisations.schema.js';
import { recordAudit, SYSTEM } from '../platform/audit/audit.store.js';

/** The password of every demo account (demo data only, never in production). */
export const DEMO_PASSWORD = 'demo-label-gen-2026';

/** A demo account as printed at start. */
export interface DemoAccount { email: string; role: string; totpSecret?: string }

const STAFF: { email: string; name: string; roles: StaffRoleName[]; role: string }[] = [
  { email: 'admin@demo.label-gen.fr', name: 'Alex Administrateur', roles: ['admin'], role: 'Administrateur de la plateforme' },
  { email: 'instructeur@demo.label-gen.fr', name: 'Inès Instructrice', roles: ['instructor'], role: 'Instructeur' },
  { email: 'suivi@demo.label-gen.fr', name: 'Samir Suivi', roles: ['monitoring'], role: 'Suivi-évaluation' },
  { email: 'comite@demo.label-gen.fr', name: 'Claire Comité', roles: ['committee'], role: 'Membre du comité' },
];

/** The demo organisations. */
export const DEMO_ORGANISATIONS = [
  { name: 'Simplon Démo', siret: '79267640500048', nda: '11755458075', admin: { email: 'porteur@demo.label-gen.fr', name: 'Paula Porteuse' }, member: { email: 'collegue@demo.label-gen.fr', name: 'Corentin Collègue' }, address: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil' },
  { name: 'Numérique Solidaire Nord', siret: '50312345600017', nda: '31590000059', admin: { email: 'nord@demo.label-gen.fr', name: 'Nora Nord' }, member: null, address: '12 rue Myrha', postcode: '75018', city: 'Paris' },
];

/** A fixed, readable TOTP secret per demo staff account (demo only). */
export function demoTotpSecret(email: string): string {
  return base32Encode(Buffer.from(`demo-totp:${email}`.padEnd(20, '.').slice(0, 20)));
}

/** Creates the demo accounts and organisations; returns what to print. */
export async function seedDemoAccounts(tx: DbOrTx, appSecret: string): Promise<DemoAccount[]> {
  const out: DemoAccount[] = [];
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  for (const s of STAFF) {
    const secret = demoTotpSecret(s.email);
    const [u] = await tx.insert(users).values({
      email: s.email, fullName: s.name, passwordHash: hash, emailConfirmedAt: now,
      totpSecret: sealSecret(secret, appSecret), totpEnabledAt: now,
    }).returning({ id: users.id });
    for (const role of s.roles) await tx.insert(staffRoles).values({ userId: u!.id, role });
    await recordAudit(tx, SYSTEM, { action: 'staff.role_granted', objectType: 'user', objectId: u!.id, after: { roles: s.roles }, meta: { demo: true } });
    out.push({ email: s.email, role: s.role, totpSecret: secret });
  }
  for (const o of DEMO_ORGANISATIONS) {
    const ids: { id: string; role: 'admin' | 'member' }[] = [];
    for (const [p, role] of [[o.admin, 'admin'], [o.member, 'member']] as const) {
      if (!p) continue;
      const [u] = await tx.insert(users).values({ email: p.email, fullName: p.name, passwordHash: hash, emailConfirmedAt: now }).returning({ id: users.id });
      ids.push({ id: u!.id, role });
      out.push({ email: p.email, role: `${role === 'admin' ? 'Administrateur' : 'Membre'} de l’organisme « ${o.name} »` });
    }
    const [org] = await tx.insert(organisations).values({
      name: o.name, siret: o.siret, nda: o.nda, qualiopiStatus: 'certified', qualiopiValidUntil: '2028-06-30',
      addressLine: o.address, postcode: o.postcode, city: o.city, contactName: o.admin.name, contactEmail: o.admin.email, contactPhone: '0122334455',
      createdBy: ids[0]?.id,
    }).returning({ id: organisations.id });
    for (const m of ids) await tx.insert(memberships).values({ organisationId: org!.id, userId: m.id, role: m.role });
    await recordAudit(tx, SYSTEM, { action: 'organisation.created', objectType: 'organisation', objectId: org!.id, after: { name: o.name, siret: o.siret }, meta: { demo: true } });
  }
  const [plain] = await tx.insert(users).values({ email: 'nouveau@demo.label-gen.fr', fullName: 'Noé Nouveau', passwordHash: hash, emailConfirmedAt: now }).returning({ id: users.id });
  void plain;
  out.push({ email: 'nouveau@demo.label-gen.fr', role: 'Compte sans organisme (peut en créer un)' });
  return out;
}

/** The demo accounts, read back on a later start (secrets are the fixed demo ones). */
export async function listDemoAccounts(db: DbOrTx): Promise<DemoAccount[]> {
  const out: DemoAccount[] = [];
  for (const s of STAFF) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, s.email));
    if (u) out.push({ email: s.email, role: s.role, totpSecret: demoTotpSecret(s.email) });
  }
  for (const o of DEMO_ORGANISATIONS) {
    out.push({ email: o.admin.email, role: `Administrateur de l’organisme « ${o.name} »` });
    if (o.member) out.push({ email: o.member.email, role: `Membre de l’organisme « ${o.name} »` });
  }
  out.push({ email: 'nouveau@demo.label-gen.fr', role: 'Compte sans organisme (peut en créer un)' });
  return out;
}
