/**
 * Demo catalogue: a dozen more labelled trainings spread over France (synthetic organisations,
 * real communes, declared sessions), two of them in Paris neighbourhoods that are QPV, so the
 * public search, the map and the API show something alive next to the demo's own labels. Two
 * upcoming sessions already have learners on their roster, so their pages show the places left.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { labels } from '../labels/labels.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { learners } from '../learners/learners.schema.js';
import type { Tx } from '../platform/db/index.js';
import { applicationSections } from '../applications/applications.schema.js';
import { calls } from '../calls/calls.schema.js';
import { nextLabelSequence } from '../labels/labels.store.js';
import { seedSyntheticCatalogue } from './synthetic.js';

/** Paris addresses inside QPV 2024 (Goutte d'Or, Porte de Montreuil). */
const QPV_PLACES = [
  { name: 'Campus Goutte d’Or', address: '29 rue Myrha', postcode: '75018', city: 'Paris' },
  { name: 'Fabrique de la Porte de Montreuil', address: '2 rue Harpignies', postcode: '75020', city: 'Paris' },
];

/** Seeds the demo catalogue (no-op without a call). */
export async function seedDemoCatalogue(tx: Tx, now: Date): Promise<void> {
  const [call] = await tx.select({ slug: calls.slug }).from(calls).orderBy(sql`${calls.slug} = 'appel-2021' desc`).limit(1);
  if (!call) return;
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(now));
  const out = await seedSyntheticCatalogue(tx, {
    trainings: 12, sessions: 30, now, seed: 2026, callSlug: call.slug,
    numberOf: async () => `GEN-${year}-${String(await nextLabelSequence(tx, year)).padStart(4, '0')}`,
  });
  for (const [i, place] of QPV_PLACES.entries()) {
    const applicationId = out.applicationIds[i];
    if (!applicationId) continue;
    const [row] = await tx.select({ data: applicationSections.data }).from(applicationSections)
      .where(and(eq(applicationSections.applicationId, applicationId), eq(applicationSections.sectionKey, 'places')));
    await tx.update(applicationSections).set({ data: { ...(row?.data ?? {}), places: [place] } })
      .where(and(eq(applicationSections.applicationId, applicationId), eq(applicationSections.sectionKey, 'places')));
  }
  await enrolAhead(tx, out.numbers.slice(0, 2), now);
}

/** Learners already on the roster of the next session of these trainings (fewer than the places offered). */
async function enrolAhead(tx: Tx, numbers: string[], now: Date): Promise<void> {
  if (numbers.length === 0) return;
  const today = now.toISOString().slice(0, 10);
  const upcoming = await tx.select({ id: trainingSessions.id, organisationId: trainingSessions.organisationId, labelId: trainingSessions.labelId, places: trainingSessions.places })
    .from(trainingSessions).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(and(inArray(labels.number, numbers), gt(trainingSessions.plannedStart, today)))
    .orderBy(asc(trainingSessions.plannedStart));
  const names = [['Awa', 'Diallo', 'F'], ['Inès', 'Benali', 'F'], ['Lucas', 'Martin', 'M'], ['Fatou', 'Camara', 'F'], ['Yanis', 'Haddad', 'M'], ['Chloé', 'Lefebvre', 'F'], ['Mehdi', 'Bensaïd', 'M']] as const;
  const seen = new Set<string>();
  for (const [k, s] of upcoming.entries()) {
    if (seen.has(s.labelId)) continue;
    seen.add(s.labelId);
    const count = Math.min(Math.max(0, (s.places ?? 12) - 3), k === 0 ? 7 : 4);
    await tx.insert(learners).values(names.slice(0, count).map(([firstName, lastName, sex], i) => ({
      sessionId: s.id, organisationId: s.organisationId, firstName, lastName, sex,
      educationLevel: i % 3 === 0 ? 'infra_bac' as const : 'bac' as const, entrySituation: i % 2 === 0 ? 'job_seeker' as const : 'neet' as const,
    })));
  }
}
