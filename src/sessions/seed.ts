/**
 * Demo sessions of the demo's followed labels (active or suspended, with a start of validity), so
 * that obligations exist in every state: done (attestations given), late (an end-of-session report
 * not given, the suspended label's annual report), due within 7 days (a start attestation) and
 * upcoming (future sessions). Also one breach (a session with too few places). Rosters are seeded
 * by the learners domain for these sessions (see src/learners), then obligations are refreshed.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { recordAudit, SYSTEM } from '../platform/audit/audit.store.js';
import { labels } from '../labels/labels.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import type { SessionPlace } from './sessions.schema.js';
import { insertSession, markObligationDone } from './sessions.store.js';
import { refreshObligations } from './commands/refresh-obligations.js';
import { addDays, addMonths, parisDay } from './obligations.js';

const PLACES: Record<string, SessionPlace> = {
  'Simplon Démo': { address: '55 rue de Vincennes', postcode: '93100', commune: 'Montreuil', inseeCode: '93048', departement: 'Seine-Saint-Denis', region: 'Île-de-France', qpv: null, qpvVersion: 'qpv-2024' },
  'Numérique Solidaire Nord': { address: '2 rue de l’Alma', postcode: '59100', commune: 'Roubaix', inseeCode: '59512', departement: 'Nord', region: 'Hauts-de-France', qpv: 'QN05920M', qpvVersion: 'qpv-2024' },
};
const OTHER_PLACE: SessionPlace = { address: '10 place de la République', postcode: '75011', commune: 'Paris', inseeCode: '75111', departement: 'Paris', region: 'Île-de-France', qpv: null, qpvVersion: 'qpv-2024' };

/** One demo session, relative to today: ended (all given), current, future. */
interface DemoSession { name: string; start: string; end: string; places: number; attested?: boolean; reported?: boolean }

/** Seeds the demo sessions and obligations; returns the ids of the sessions created (for the rosters). */
export async function seedDemoSessions(tx: Tx, now: Date): Promise<string[]> {
  const today = parisDay(now);
  const rows = await tx.select({ label: labels, orgName: organisations.name }).from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(and(inArray(labels.status, ['active', 'suspended']), isNotNull(labels.validFrom))).orderBy(asc(labels.validFrom));
  const ids: string[] = [];
  const stamp = (day: string) => new Date(`${day}T09:00:00Z`);
  for (const { label, orgName } of rows) {
    const from = label.validFrom!;
    const place = PLACES[orgName] ?? OTHER_PLACE;
    const plan: DemoSession[] = [];
    if (label.status === 'suspended') {
      plan.push({ name: 'Première promotion', start: addMonths(from, 1), end: addMonths(from, 8), places: 14, attested: true, reported: true });
      plan.push({ name: 'Promotion d’automne', start: addMonths(today, 2), end: addMonths(today, 9), places: 8 });
    } else if (from < addMonths(today, -24)) {
      // A label in its third year: a session each year.
      plan.push({ name: 'Promotion 1', start: addMonths(from, 1), end: addMonths(from, 8), places: 16, attested: true, reported: true });
      plan.push({ name: 'Promotion 2', start: addMonths(from, 13), end: addMonths(from, 20), places: 15, attested: true, reported: true });
      plan.push({ name: 'Promotion 3', start: addMonths(today, -4), end: addMonths(today, 3), places: 15, attested: true });
    } else {
      // A label in its first year: one session ended (its end report is late), one just started
      // (attestation due within days), one to come.
      plan.push({ name: 'Session de lancement', start: addMonths(from, 1), end: addDays(today, -40), places: 12, attested: true });
      plan.push({ name: 'Session en cours', start: addDays(today, -26), end: addMonths(today, 6), places: 12 });
      plan.push({ name: 'Session à venir', start: addMonths(today, 3), end: addMonths(today, 10), places: 14 });
    }
    for (const p of plan) {
      const ended = p.end < today;
      const s = await insertSession(tx, {
        labelId: label.id, organisationId: label.organisationId, name: p.name, initialStart: p.start, plannedStart: p.start, plannedEnd: p.end,
        place, modality: 'presentiel', places: p.places, workStudy: p.places >= 15,
        status: p.attested ? (ended && p.reported ? 'ended' : 'started') : 'planned',
        actualStart: p.attested ? p.start : null, actualEnd: p.reported ? p.end : null,
        startAttestedAt: p.attested ? stamp(addDays(p.start, 10)) : null,
        endReportedAt: p.reported ? stamp(addDays(p.end, 20)) : null,
        endReportAcceptedAt: p.reported ? stamp(addDays(p.end, 25)) : null,
        createdAt: stamp(addMonths(p.start, -1)), updatedAt: now,
      });
      ids.push(s.id);
      await recordAudit(tx, SYSTEM, { action: 'session.declared', objectType: 'session', objectId: s.id, after: { labelId: label.id, name: p.name, plannedStart: p.start, plannedEnd: p.end, places: p.places }, meta: { demo: true } }, now);
    }
    await refreshObligations(tx, label.id, now);
    // Annual reports of past years are given, except the suspended label's last one (the reason of its suspension).
    const thisYear = Number(today.slice(0, 4));
    for (let y = Number(from.slice(0, 4)); y < thisYear; y++) {
      if (label.status === 'suspended' && y === thisYear - 1) continue;
      if (`${y + 1}-01-31` >= today) continue;
      await markObligationDone(tx, `${label.id}:annual_report:${y}`, stamp(`${y + 1}-01-20`));
    }
  }
  return ids;
}
