/**
 * Demo labels, through the same commands as the pages, so a newcomer sees a label's whole life:
 * one awaiting the organisation's signature, one active with its convention signed by both
 * parties, one suspended, and one ending within 6 months (renewal banner). They belong to the
 * 2021 call (open "au fil de l'eau"), or to the demo call when the 2021 call is absent.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import type { AppDeps } from '../platform/http/context.js';
import { users } from '../platform/auth/auth.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { applications, applicationSections } from '../applications/applications.schema.js';
import { getCallBySlug } from '../calls/calls.store.js';
import { SECTIONS } from '../applications/sections/catalogue.js';
import { readSection } from '../applications/sections/parse.js';
import { familyOptions } from '../applications/dossier.js';
import { completeValues } from '../applications/sample-values.js';
import { applicationReviews, syncReviews } from '../review/index.js';
import { insertDecision, insertMeeting, markMinutesValidated } from '../review/committee.store.js';
import { createLabel } from './commands/create-label.js';
import { countersign, signAsOrganisation, signingDay, validityOf } from './commands/sign-agreement.js';
import { changeLabelStatus } from './commands/change-status.js';
import { findLabel } from './labels.store.js';
import { signaturesOf } from './agreement.store.js';
import { renderConvention, storeConvention } from './agreement.documents.js';
import { addMonths, dayIn } from './label.js';
import type { LabelActor } from './labels.policy.js';

async function person(tx: Tx, email: string): Promise<LabelActor | null> {
  const [u] = await tx.select().from(users).where(eq(users.email, email));
  return u ? { id: u.id, name: u.fullName, email: u.email, label: `${u.fullName} <${u.email}>`, ip: null } : null;
}

const DAY = 86_400_000;
const at = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:30:00Z`);

/** Seeds the demo labels (no-op when a piece of the demo is missing). */
export async function seedDemoLabels(tx: Tx, deps: AppDeps, now: Date): Promise<void> {
  const call = (await getCallBySlug(tx, 'appel-2021')) ?? (await getCallBySlug(tx, `appel-demonstration-${now.getUTCFullYear()}`));
  const paula = await person(tx, 'porteur@demo.label-gen.fr');
  const nora = await person(tx, 'nord@demo.label-gen.fr');
  const samir = await person(tx, 'suivi@demo.label-gen.fr');
  const alex = await person(tx, 'admin@demo.label-gen.fr');
  const [simplon] = await tx.select().from(organisations).where(eq(organisations.name, 'Simplon Démo'));
  const [nord] = await tx.select().from(organisations).where(eq(organisations.name, 'Numérique Solidaire Nord'));
  if (!call || !paula || !nora || !samir || !alex || !simplon || !nord) return;
  const mail = { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL };
  const today = dayIn(now);
  const years = call.call.rules.durations.labelYears;
  let seq = 0;

  /** A labelled application of `org`, decided on `decidedOn`, and its label awaiting the convention. */
  const labelled = async (org: typeof simplon, admin: LabelActor, title: string, decidedOn: string, seedGrant: number | null) => {
    seq++;
    const decidedAt = at(decidedOn, 14);
    const submittedAt = new Date(decidedAt.getTime() - 60 * DAY);
    const [app] = await tx.insert(applications).values({
      organisationId: org.id, callId: call.call.id, trainingTitle: title, state: 'submitted', cutoffId: call.cutoffs[call.cutoffs.length - 1]!.id,
      submittedAt, submittedBy: admin.id, receiptNumber: `GEN-${decidedOn.slice(0, 4)}-D${String(seq).padStart(3, '0')}`, createdBy: admin.id, createdAt: submittedAt, updatedAt: submittedAt,
    }).returning();
    const values = completeValues(addMonths(decidedOn, 2));
    for (const def of SECTIONS) {
      const read = readSection(def, values[def.key], familyOptions(call));
      await tx.insert(applicationSections).values({ applicationId: app!.id, sectionKey: def.key, values: read.values, data: read.data, completed: read.completed, updatedBy: admin.id, updatedAt: submittedAt });
    }
    await syncReviews(tx, { applicationId: app!.id });
    await tx.update(applicationReviews).set({ state: 'labelled', motivation: 'Formation en adéquation avec les besoins du territoire.', decidedAt, decidedBy: alex.id, updatedAt: decidedAt })
      .where(eq(applicationReviews.applicationId, app!.id));
    const meeting = await insertMeeting(tx, { callId: call.call.id, cutoffId: app!.cutoffId!, heldOn: decidedOn, place: 'Paris', members: [alex.id], createdBy: alex.id, now: decidedAt });
    const decision = await insertDecision(tx, {
      meetingId: meeting.id, applicationId: app!.id, outcome: 'labelled', motivation: 'Formation en adéquation avec les besoins du territoire.',
      meanScore: '7.80', seedGrant, decidedBy: alex.id, decidedAt,
    });
    // A past meeting: its minutes are validated, its decisions locked.
    await markMinutesValidated(tx, meeting.id, alex.id, decidedAt);
    const label = await createLabel(tx, alex, { applicationId: app!.id, organisationId: org.id, callId: call.call.id, decisionId: decision!.id, trainingTitle: title, timezone: call.call.timezone }, decidedAt);
    await tx.update(applications).set({ updatedAt: decidedAt }).where(eq(applications.id, app!.id));
    return label.id;
  };

  /** The organisation's admin signs, then staff countersign, on `signedOn`. */
  const signBoth = async (labelId: string, admin: LabelActor, signedOn: string) => {
    const orgAt = at(signedOn, 8);
    const orgBytes = await renderConvention(tx, labelId, { organisation: { signerName: admin.name, signerEmail: admin.email, signedAt: orgAt } });
    const number = (await findLabel(tx, labelId))!.label.number;
    const orgDoc = await storeConvention(deps, labelId, orgBytes!, `convention-${number}-signee-organisme.pdf`);
    await signAsOrganisation(tx, admin, { labelId, organisationId: (await findLabel(tx, labelId))!.label.organisationId, document: orgDoc }, orgAt, mail);
    const staffAt = at(signedOn, 13);
    const found = (await findLabel(tx, labelId))!;
    const [orgSig] = await signaturesOf(tx, labelId);
    const finalBytes = await renderConvention(tx, labelId, {
      organisation: { signerName: orgSig!.signerName, signerEmail: orgSig!.signerEmail, signedAt: orgSig!.signedAt },
      countersignature: { signerName: samir.name, signerEmail: samir.email, signedAt: staffAt, sha256: orgSig!.sha256 },
    }, validityOf(found, signingDay(found, staffAt)));
    const finalDoc = await storeConvention(deps, labelId, finalBytes!, `convention-${number}-signee.pdf`);
    await countersign(tx, samir, { labelId, document: finalDoc }, staffAt, mail);
  };

  // 1. Awaiting the organisation's signature (decided ten days ago, with a seed grant).
  await labelled(simplon, paula, 'Concepteur développeur d’applications', dayIn(new Date(now.getTime() - 10 * DAY)), 24000);

  // 2. Active, convention signed by both parties eight months ago.
  const activeFrom = addMonths(today, -8);
  await signBoth(await labelled(simplon, paula, 'Technicien supérieur systèmes et réseaux', addMonths(activeFrom, -1), null), paula, activeFrom);

  // 3. Suspended after a missing annual report.
  const suspendedFrom = addMonths(today, -18);
  const suspended = await labelled(nord, nora, 'Analyste de données', addMonths(suspendedFrom, -1), 15000);
  await signBoth(suspended, nora, suspendedFrom);
  const s = (await findLabel(tx, suspended))!;
  await changeLabelStatus(tx, samir, { labelId: suspended, event: 'suspend', motivation: `Bilan annuel non remis au 31 janvier : le label est suspendu jusqu’à sa réception.`, version: s.label.version }, new Date(now.getTime() - 20 * DAY), mail);

  // 4. Active and ending within 6 months: the renewal banner shows in the organisation's space.
  const endingFrom = addMonths(today, 4 - 12 * years);
  await signBoth(await labelled(simplon, paula, 'Développeur web et web mobile – Montreuil', addMonths(endingFrom, -1), 30000), paula, endingFrom);
}
