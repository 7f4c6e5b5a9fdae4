/** The calls every installation starts with: the 2021 call, and (demo) a call open today. */
import type { DbOrTx } from '../platform/db/index.js';
import { insertCall, callExists } from './calls.store.js';
import { zonedInstant } from './call.js';
import { RULES_2021, ADMISSIBILITY_2021, SELECTION_2021, JOB_FAMILIES_2021, REGIONAL_NEEDS_2021 } from './call-2021.data.js';
import { recordAudit, SYSTEM } from '../platform/audit/audit.store.js';

const P = 'Europe/Paris';
const endOfDay = (y: number, m: number, d: number) => zonedInstant({ year: y, month: m, day: d, hour: 23, minute: 59, second: 59, ms: 999 }, P);

/** Seeds the 2021 call (4th call) if absent. */
export async function seedCall2021(tx: DbOrTx): Promise<void> {
  if (await callExists(tx, 'appel-2021')) return;
  const id = await insertCall(tx, {
    slug: 'appel-2021',
    title: '4e appel à labellisation Grande École du Numérique (2021)',
    description: 'Appel ouvert au fil de l’eau à compter du 20 mai 2021, avec des relevés réguliers des candidatures.',
    opensAt: zonedInstant({ year: 2021, month: 5, day: 20 }, P),
    closesAt: null,
    rules: RULES_2021,
    cutoffs: [
      { label: '1er relevé', closesAt: endOfDay(2021, 7, 31), resultsNote: 'Annonce des résultats en septembre 2021', scopeNote: 'Formations débutant au plus tard le 1er septembre 2021' },
      { label: '2e relevé', closesAt: endOfDay(2021, 9, 30), resultsNote: 'Annonce des résultats en novembre 2021', scopeNote: 'Formations débutant au plus tôt le 1er septembre 2021' },
    ],
    admissibility: ADMISSIBILITY_2021, selection: SELECTION_2021, jobFamilies: JOB_FAMILIES_2021, regionalNeeds: REGIONAL_NEEDS_2021,
  });
  await recordAudit(tx, SYSTEM, { action: 'call.created', objectType: 'call', objectId: id, after: { slug: 'appel-2021' } });
}

/** Demo: a call with the 2021 rules, opened 30 days before `now`, with two cut-offs ahead. */
export async function seedDemoCall(tx: DbOrTx, now: Date): Promise<string | null> {
  const year = now.getUTCFullYear();
  const slug = `appel-demonstration-${year}`;
  if (await callExists(tx, slug)) return null;
  const plusDays = (n: number) => new Date(now.getTime() + n * 86400_000);
  const d1 = plusDays(45);
  const d2 = plusDays(120);
  const id = await insertCall(tx, {
    slug,
    title: `Appel à labellisation de démonstration ${year}`,
    description: 'Appel de démonstration, ouvert aujourd’hui, reprenant les règles de l’appel 2021.',
    opensAt: plusDays(-30),
    closesAt: null,
    rules: RULES_2021,
    cutoffs: [
      { label: '1er relevé', closesAt: endOfDay(d1.getUTCFullYear(), d1.getUTCMonth() + 1, d1.getUTCDate()), resultsNote: 'Résultats environ six semaines après le relevé', scopeNote: 'Toutes formations' },
      { label: '2e relevé', closesAt: endOfDay(d2.getUTCFullYear(), d2.getUTCMonth() + 1, d2.getUTCDate()), resultsNote: 'Résultats environ six semaines après le relevé', scopeNote: 'Toutes formations' },
    ],
    admissibility: ADMISSIBILITY_2021, selection: SELECTION_2021, jobFamilies: JOB_FAMILIES_2021, regionalNeeds: REGIONAL_NEEDS_2021,
  });
  await recordAudit(tx, SYSTEM, { action: 'call.created', objectType: 'call', objectId: id, after: { slug } });
  return id;
}
