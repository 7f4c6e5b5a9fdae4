/**
 * Demo applications, created through the same commands as the pages: for "Simplon Démo" one
 * partly filled draft and one submitted application (its receipt is on its page); for
 * "Numérique Solidaire Nord" one draft and one application sent back for corrections by the
 * demo instructor. The RNCP extract of assets/rncp is imported so the "Formation" check shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { getCallBySlug } from '../calls/calls.store.js';
import { createApplication } from './commands/create-application.js';
import { saveSection } from './commands/save-section.js';
import { submitApplication } from './commands/submit-application.js';
import { SECTIONS, sectionByKey } from './sections/catalogue.js';
import { familyOptions } from './dossier.js';
import { completeValues } from './sample-values.js';
import type { SectionKey } from './sections/definitions.js';
import type { MemberActor } from './applications.policy.js';
import { parseRncp } from './rncp.js';
import { replaceRncp } from './applications.store.js';
import { findReview } from '../review/index.js';
import { decideAdmissibility } from '../review/commands/admissibility.js';

const RNCP_EXTRACT = fileURLToPath(new URL('../../assets/rncp/rncp_info_extrait.csv', import.meta.url));

/** Imports the RNCP extract shipped for the demo (no-op when absent or unreadable). */
async function seedRncp(tx: Tx, now: Date): Promise<void> {
  if (!existsSync(RNCP_EXTRACT)) return;
  const parsed = parseRncp(readFileSync(RNCP_EXTRACT, 'utf8'));
  if (parsed.ok) await replaceRncp(tx, parsed.rows, 'rncp_info_extrait.csv', now);
}

async function member(tx: Tx, email: string): Promise<MemberActor | null> {
  const [u] = await tx.select().from(users).where(eq(users.email, email));
  return u ? { id: u.id, label: u.fullName, email: u.email, ip: null } : null;
}

async function orgId(tx: Tx, name: string): Promise<string | null> {
  const [o] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  return o?.id ?? null;
}

/** Seeds the demo applications on the demo call of `now`'s year (no-op when a piece is missing). */
export async function seedDemoApplications(tx: Tx, now: Date, baseUrl: string): Promise<void> {
  const call = await getCallBySlug(tx, `appel-demonstration-${now.getUTCFullYear()}`);
  const simplon = await orgId(tx, 'Simplon Démo');
  const nord = await orgId(tx, 'Numérique Solidaire Nord');
  const paula = await member(tx, 'porteur@demo.label-gen.fr');
  const nora = await member(tx, 'nord@demo.label-gen.fr');
  if (!call || !simplon || !nord || !paula || !nora) return;
  const ctx = familyOptions(call);
  const firstStart = new Date(now.getTime() + 150 * 86400_000).toISOString().slice(0, 10);
  const values = completeValues(firstStart);
  const fill = async (actor: MemberActor, organisationId: string, title: string, keys: readonly SectionKey[]) => {
    const created = await createApplication(tx, actor, { organisationId, callId: call.call.id, trainingTitle: title }, now);
    if (!created.ok) return null;
    for (const key of keys) {
      await saveSection(tx, actor, { organisationId, applicationId: created.id, def: sectionByKey(key), values: values[key], expected: 0, ctx }, now);
    }
    return created.id;
  };
  await fill(paula, simplon, 'Technicien support et réseaux', ['training', 'duration']);
  const submitted = await fill(paula, simplon, 'Développeur web et web mobile', SECTIONS.map((s) => s.key));
  if (submitted) await submitApplication(tx, paula, { organisationId: simplon, applicationId: submitted, sworn: true, baseUrl }, now);
  await fill(nora, nord, 'Développeuse et développeur d’applications', ['training']);
  await seedRncp(tx, now);

  // Sent back for corrections: hours and documents to fix, due in two weeks.
  const [inst] = await tx.select().from(users).where(eq(users.email, 'instructeur@demo.label-gen.fr'));
  const corrected = await fill(nora, nord, 'Technicien·ne d’assistance en informatique', SECTIONS.map((s) => s.key));
  if (!inst || !corrected) return;
  const sub = await submitApplication(tx, nora, { organisationId: nord, applicationId: corrected, sworn: true, baseUrl }, now);
  const review = sub.ok ? await findReview(tx, corrected) : null;
  if (!review) return;
  const due = new Date(now.getTime() + 14 * 86400_000).toISOString().slice(0, 10);
  await decideAdmissibility(tx, { id: inst.id, label: inst.fullName, email: inst.email, ip: null }, {
    applicationId: corrected, outcome: 'correction', motivation: '', sections: ['duration', 'documents'], dueOn: due, version: review.version, baseUrl, smtp: false,
    message: 'Le détail des modules ne justifie pas le volume horaire annoncé : précisez les heures et les compétences de chaque module.\nJoignez aussi le certificat Qualiopi et les attestations de régularité fiscale et sociale.',
  }, now);
}

/** Partners of the demo application just submitted (their own addresses, so their links are easy to find in the outbox). */
const FRESH_PARTNERS = [
  { name: 'Nuage Services', type: 'employer', contactName: 'Karim Haddad', email: 'karim.haddad@nuage-services.exemple.fr', phone: '01 43 00 00 00', commitment: 'Huit semaines de stage et deux embauches en CDI.', hiringPromises: '2' },
  { name: 'Maison de l’emploi de Montreuil', type: 'sourcing', contactName: 'Léa Moreau', email: 'lea.moreau@mde-montreuil.exemple.fr', phone: '01 48 70 00 00', commitment: 'Orientation de 12 demandeurs d’emploi par session.', hiringPromises: '' },
];
/** Title of the demo application nobody has reviewed yet. */
export const FRESH_APPLICATION_TITLE = 'Administrateur systèmes DevOps';

/**
 * One more application of Simplon Démo, complete and just submitted, that nobody has reviewed yet
 * (no reviewer, no verdict, partners and Région not consulted): a newcomer — and the browser journey
 * e2e/label-journey.test.ts — takes it from here to an active label. Seeded after the other
 * domains, which each pick "the" demo submitted application. No-op when a piece is missing.
 */
export async function seedDemoFreshApplication(tx: Tx, now: Date, baseUrl: string): Promise<void> {
  const call = await getCallBySlug(tx, `appel-demonstration-${now.getUTCFullYear()}`);
  const simplon = await orgId(tx, 'Simplon Démo');
  const paula = await member(tx, 'porteur@demo.label-gen.fr');
  if (!call || !simplon || !paula) return;
  const values = completeValues(new Date(now.getTime() + 150 * 86400_000).toISOString().slice(0, 10));
  values.training = {
    ...values.training, summary: 'Former en 9 mois des administrateurs systèmes capables d’automatiser le déploiement et l’exploitation d’infrastructures, avec un stage en entreprise.',
    jobFamily: 'F3', targetJobs: 'Administrateur systèmes, ingénieur DevOps', romeCodes: 'M1801', certCode: 'RNCP16895', certTitle: 'Administrateur(trice) systèmes et réseaux', certLevel: '6',
  };
  values.duration = {
    ...values.duration, 'modules-0-name': 'Systèmes et réseaux', 'modules-0-skills': 'Linux, réseaux, sécurité, supervision',
    'modules-1-name': 'Automatisation et cloud', 'modules-1-skills': 'Scripts, conteneurs, intégration et déploiement continus',
  };
  const partners: Record<string, string> = { 'partners-count': String(FRESH_PARTNERS.length) };
  FRESH_PARTNERS.forEach((p, i) => { for (const [k, v] of Object.entries(p)) partners[`partners-${i}-${k}`] = v; });
  values.partners = partners;
  const created = await createApplication(tx, paula, { organisationId: simplon, callId: call.call.id, trainingTitle: FRESH_APPLICATION_TITLE }, now);
  if (!created.ok) return;
  const ctx = familyOptions(call);
  for (const def of SECTIONS) {
    await saveSection(tx, paula, { organisationId: simplon, applicationId: created.id, def: sectionByKey(def.key), values: values[def.key], expected: 0, ctx }, now);
  }
  await submitApplication(tx, paula, { organisationId: simplon, applicationId: created.id, sworn: true, baseUrl }, now);
}
