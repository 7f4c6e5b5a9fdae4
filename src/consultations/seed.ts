/**
 * Demo consultations on the demo submitted application: two more partners are added to its
 * "Partenaires" section and a second training place in Lille (demo data only), then the partners
 * are contacted through the command: one confirms through its link, one answers by phone, one is
 * still awaited. The Régions of Île-de-France and Hauts-de-France have a contact; the first gave a
 * favourable opinion, the second's is pending. On the application the committee deferred, the
 * partner was asked 40 days ago and never answered (link expired: "sans réponse") and the Région's
 * due date has passed: the reviewer can send each a new link from the application's page.
 */
import { and, eq } from 'drizzle-orm';
import { applications } from '../applications/applications.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import type { Tx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { applicationSections } from '../applications/applications.schema.js';
import { demoSubmittedApplication } from '../messages/seed.js';
import { contactPartners, answerByLink, recordPhoneAnswer, type ConsultationSettings } from './commands/partners.js';
import { requestRegionOpinions, answerRegionByLink, saveRegionContacts } from './commands/regions.js';
import { expirePartnerRequests, partnerRequests, regionRequests } from './consultations.store.js';
import { addDays, parisToday } from './consultations.js';

const EXTRA_PARTNERS = [
  { name: 'Mission locale de Montreuil', type: 'sourcing', contactName: 'Samia Benali', email: 'samia.benali@mission-locale.exemple.fr', phone: '01 48 00 00 00', commitment: 'Orientation de 15 jeunes par session.' },
  { name: 'Cabinet Conseil Numérique', type: 'employer', contactName: 'Hugo Martin', email: 'hugo.martin@conseil-numerique.exemple.fr', phone: '01 49 00 00 00', commitment: 'Deux promesses d’embauche en CDI.', hiringPromises: 2 },
];
const LILLE = { name: 'Antenne de Lille', address: '12 rue Nationale', postcode: '59000', city: 'Lille' };

async function sectionOf(tx: Tx, applicationId: string, key: string) {
  const [row] = await tx.select().from(applicationSections).where(and(eq(applicationSections.applicationId, applicationId), eq(applicationSections.sectionKey, key)));
  return row ?? null;
}

/** Seeds the demo consultations (no-op when the demo application or accounts are missing). */
export async function seedDemoConsultations(tx: Tx, s: ConsultationSettings, now: Date): Promise<void> {
  const app = await demoSubmittedApplication(tx);
  const [admin] = await tx.select().from(users).where(eq(users.email, 'admin@demo.label-gen.fr'));
  const [ines] = await tx.select().from(users).where(eq(users.email, 'instructeur@demo.label-gen.fr'));
  if (!app || !admin || !ines) return;
  const partners = await sectionOf(tx, app.id, 'partners');
  const places = await sectionOf(tx, app.id, 'places');
  if (!partners || !places) return;

  const rows = [...((partners.data.partners as Record<string, unknown>[] | undefined) ?? []), ...EXTRA_PARTNERS];
  const values: Record<string, string> = { ...partners.values, 'partners-count': String(rows.length) };
  EXTRA_PARTNERS.forEach((p, j) => {
    const i = rows.length - EXTRA_PARTNERS.length + j;
    for (const [k, v] of Object.entries(p)) values[`partners-${i}-${k}`] = String(v);
  });
  await tx.update(applicationSections).set({ data: { ...partners.data, partners: rows }, values }).where(and(eq(applicationSections.applicationId, app.id), eq(applicationSections.sectionKey, 'partners')));
  const placeRows = [...((places.data.places as Record<string, unknown>[] | undefined) ?? []), LILLE];
  const placeValues: Record<string, string> = { ...places.values, 'places-count': String(placeRows.length) };
  for (const [k, v] of Object.entries(LILLE)) placeValues[`places-${placeRows.length - 1}-${k}`] = v;
  await tx.update(applicationSections).set({ data: { ...places.data, places: placeRows }, values: placeValues }).where(and(eq(applicationSections.applicationId, app.id), eq(applicationSections.sectionKey, 'places')));

  const inst = { id: ines.id, label: ines.fullName, ip: null };
  const at = (daysAgo: number) => addDays(now, -daysAgo);
  await contactPartners(tx, inst, app.id, s, at(3));
  const sent = await partnerRequests(tx, app.id);
  const first = sent.find((r) => r.email !== EXTRA_PARTNERS[0]!.email && r.email !== EXTRA_PARTNERS[1]!.email);
  if (first) await answerByLink(tx, first, { partnership: true, commitment: true, comment: 'Nous confirmons l’accueil des stagiaires et trois embauches à l’issue de la formation.' }, null, at(2));
  await recordPhoneAnswer(tx, inst, app.id, {
    partnerKey: EXTRA_PARTNERS[1]!.email, partnership: true, commitment: false, comment: 'Partenariat confirmé ; une seule embauche certaine à ce jour.', motivation: 'Appel de M. Martin, qui préférait répondre par téléphone.',
  }, at(1));

  await saveRegionContacts(tx, { id: admin.id, label: admin.fullName, ip: null }, [
    { regionCode: '11', regionName: 'Île-de-France', email: 'avis.formation@iledefrance.exemple.fr' },
    { regionCode: '32', regionName: 'Hauts-de-France', email: 'avis.formation@hautsdefrance.exemple.fr' },
  ], at(4));
  await requestRegionOpinions(tx, inst, { applicationId: app.id, dueOn: parisToday(addDays(now, 18)) }, s, at(3));
  const idf = (await regionRequests(tx, app.id)).find((r) => r.regionCode === '11');
  if (idf) await answerRegionByLink(tx, idf, { opinion: 'favourable', comment: 'Formation cohérente avec les besoins du bassin d’emploi de l’Est parisien.', respondentName: 'Nadia Ferhat, chargée de mission formation' }, null, at(1));

  // The deferred application: a partner who never answered, a Région past its due date.
  const [deferred] = await tx.select({ id: applications.id }).from(applications).innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(eq(applications.trainingTitle, 'Concepteur développeur d’applications'), eq(organisations.name, 'Numérique Solidaire Nord'), eq(applications.state, 'submitted')));
  if (!deferred) return;
  await contactPartners(tx, inst, deferred.id, s, at(40));
  await expirePartnerRequests(tx, now);
  await requestRegionOpinions(tx, inst, { applicationId: deferred.id, dueOn: parisToday(at(10)) }, s, at(31));
}
