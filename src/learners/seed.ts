/**
 * Demo rosters for the demo sessions (src/sessions/seed.ts): attested sessions get their learners,
 * ended ones their end-of-session results, and the 3- and 6-month situations once due; the session
 * that just started has its roster ready but its start not yet attested; one address is unplaced.
 * The territory results are those the engine gives for these demo addresses (qpv-2024, frr-2025).
 * Also two CROUS offices for attendance notices.
 */
import { inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { refreshObligations, trainingSessions } from '../sessions/index.js';
import { addMonths, type Certification, type EducationLevel, type EntrySituation, type ExitSituation } from './learners.js';
import { learners, crousOffices } from './learners.schema.js';

interface DemoAddress { address: string; commune: string | null; inseeCode: string | null; departement: string | null; region: string | null; qpvCode: string | null; inZrrFrr: boolean }
const VERSIONS = JSON.stringify({ qpv: 'qpv-2024', zrr: 'zrr-2017', frr: 'frr-2025' });
const ADDRESSES: DemoAddress[] = [
  { address: '29 rue Myrha 75018 Paris', commune: 'Paris 18e Arrondissement', inseeCode: '75118', departement: 'Paris', region: 'Île-de-France', qpvCode: 'QN07511M', inZrrFrr: false },
  { address: '20 avenue de l’Opéra 75001 Paris', commune: 'Paris 1er Arrondissement', inseeCode: '75101', departement: 'Paris', region: 'Île-de-France', qpvCode: null, inZrrFrr: false },
  { address: '12 rue de la Goutte d’Or 75018 Paris', commune: 'Paris 18e Arrondissement', inseeCode: '75118', departement: 'Paris', region: 'Île-de-France', qpvCode: 'QN07511M', inZrrFrr: false },
  { address: '8 rue de Belleville 75020 Paris', commune: 'Paris 20e Arrondissement', inseeCode: '75120', departement: 'Paris', region: 'Île-de-France', qpvCode: null, inZrrFrr: false },
  { address: '3 place de l’Église 23200 Aubusson', commune: 'Aubusson', inseeCode: '23008', departement: 'Creuse', region: 'Nouvelle-Aquitaine', qpvCode: null, inZrrFrr: true },
];
const FIRST = ['Camille', 'Yanis', 'Inès', 'Lucas', 'Fatou', 'Hugo', 'Léa', 'Mehdi', 'Sarah', 'Thomas', 'Aïcha', 'Nathan', 'Chloé', 'Karim'];
const LAST = ['Martin', 'Benali', 'Diallo', 'Bernard', 'Traoré', 'Petit', 'Nguyen', 'Haddad', 'Leroy', 'Moreau', 'Keita', 'Fournier', 'Garcia', 'Mercier'];
const LEVELS: EducationLevel[] = ['infra_bac', 'bac', 'bac', 'infra_bac', 'bac_2', 'bac', 'bac_3_plus'];
const ENTRY: EntrySituation[] = ['job_seeker', 'neet', 'rsa', 'job_seeker', 'other', 'employee'];
const CERT: Certification[] = ['full', 'full', 'partial', 'full', 'no', 'full', 'not_presented'];
const EXIT: ExitSituation[] = ['job_seeking', 'cdd_under_6m', 'further_training', 'job_seeking', 'interim', 'work_study'];
const M3: ExitSituation[] = ['cdi', 'cdd_6m_plus', 'further_training', 'job_seeking', 'interim', 'work_study', 'cdi'];
const M6: ExitSituation[] = ['cdi', 'cdi', 'work_study', 'cdd_6m_plus', 'job_seeking', 'business_creation', 'cdi'];

/** Seeds the rosters of the given demo sessions, then refreshes their labels' obligations. */
export async function seedDemoLearners(tx: Tx, sessionIds: string[], now: Date): Promise<number> {
  await tx.insert(crousOffices).values([
    { name: 'CROUS de Paris', email: 'assiduite@crous-paris.example', updatedAt: now },
    { name: 'CROUS de Lille Nord-Pas-de-Calais', email: 'assiduite@crous-lille.example', updatedAt: now },
  ]).onConflictDoNothing();
  if (sessionIds.length === 0) return 0;
  const today = now.toISOString().slice(0, 10);
  const sessions = await tx.select().from(trainingSessions).where(inArray(trainingSessions.id, sessionIds));
  let total = 0;
  let k = 0;
  for (const s of sessions) {
    const started = s.plannedStart <= today;
    if (!started || s.status === 'cancelled') continue;
    const n = Math.max(10, Math.min(s.places, 12));
    const ended = !!s.endReportedAt;
    const end = s.actualEnd ?? s.plannedEnd;
    const rows = [];
    for (let i = 0; i < n; i++, k++) {
      // One unplaced address in the session whose start is still to attest.
      const unplaced = !s.startAttestedAt && i === 0;
      const a = ADDRESSES[k % ADDRESSES.length]!;
      const sex = i % 5 === 1 || i % 5 === 3 || i % 7 === 0 ? 'F' as const : 'M' as const;
      const year = 1994 + (k % 12);
      const first = FIRST[k % FIRST.length]!, last = LAST[(k * 5) % LAST.length]!;
      const left = ended && i === n - 1;
      rows.push({
        sessionId: s.id, organisationId: s.organisationId,
        lastName: last, firstName: first, birthDate: `${year}-0${1 + (k % 9)}-1${k % 9}`, birthYear: String(year),
        email: `${first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}.${last.toLowerCase()}${k}@apprenant.example`, phone: `06 12 34 ${String(10 + (k % 90)).padStart(2, '0')} ${String(10 + ((k * 7) % 90)).padStart(2, '0')}`,
        address: s.endReportAcceptedAt ? null : unplaced ? '4 chemin des Oiseaux, lieu-dit sans nom' : a.address,
        sex, educationLevel: LEVELS[k % LEVELS.length]!, entrySituation: ENTRY[k % ENTRY.length]!, rqth: k % 11 === 0, crousAid: k % 6 === 2,
        placement: unplaced ? 'unplaced' as const : 'placed' as const,
        inseeCode: unplaced ? null : a.inseeCode, commune: unplaced ? null : a.commune, departement: unplaced ? null : a.departement, region: unplaced ? null : a.region,
        qpvCode: unplaced ? null : a.qpvCode, inQpv: unplaced ? null : a.qpvCode !== null, inZrrFrr: unplaced ? null : a.inZrrFrr, geoVersions: unplaced ? null : VERSIONS,
        leftOn: left ? addMonths(s.actualStart ?? s.plannedStart, 2) : null, leftReason: left ? 'A trouvé un emploi avant la fin de la formation.' : null,
        completion: ended ? (left ? 'left' as const : 'completed' as const) : null,
        certification: ended ? (left ? 'not_presented' as const : CERT[k % CERT.length]!) : null,
        situationAtExit: ended ? EXIT[k % EXIT.length]! : null,
        situation3m: ended && addMonths(end, 3) <= today ? M3[k % M3.length]! : null,
        situation6m: ended && addMonths(end, 6) <= today ? M6[k % M6.length]! : null,
        minimisedAt: s.endReportAcceptedAt ?? null,
        createdAt: s.startAttestedAt ?? now, updatedAt: now,
      });
    }
    await tx.insert(learners).values(rows);
    total += rows.length;
  }
  const labelIds = [...new Set(sessions.map((s) => s.labelId))];
  for (const id of labelIds) await refreshObligations(tx, id, now);
  return total;
}

