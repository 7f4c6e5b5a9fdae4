/**
 * Demo applications, created through the same commands as the pages: for "Simplon Démo" one
 * partly filled draft and one submitted application; for "Numérique Solidaire Nord" one draft.
 */
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
}
