/**
 * Demo catalogue: a dozen more labelled trainings spread over France (synthetic organisations,
 * real communes, declared sessions), two of them in Paris neighbourhoods that are QPV, so the
 * public search, the map and the API show something alive next to the demo's own labels.
 */
import { and, eq, sql } from 'drizzle-orm';
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
}
