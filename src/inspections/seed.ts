/** Demo inspections: a complaint about a demo label with an inspection planned, and a past inspection with its report. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { labels } from '../labels/labels.schema.js';
import { isoDay, parisDayOf, seedDemoComplaint } from '../support/index.js';
import { INSPECTABLE_LABEL_STATUSES } from './inspection.js';
import { planInspection, recordReport, type MailSettings } from './commands/inspections.js';

const DAY = 86_400_000;

/** Seeds inspections on the first labels in force (nothing when the demo has none). */
export async function seedDemoInspections(tx: Tx, s: MailSettings & { workingDays: number }, now: Date): Promise<void> {
  const [monitor] = await tx.select().from(users).where(eq(users.email, 'suivi@demo.label-gen.fr'));
  if (!monitor) return;
  const actor = { id: monitor.id, name: monitor.fullName, label: `${monitor.fullName} <${monitor.email}>` };
  const inForce = await tx.select({ id: labels.id }).from(labels).where(inArray(labels.status, [...INSPECTABLE_LABEL_STATUSES])).orderBy(asc(labels.number)).limit(2);
  const first = inForce[0];
  if (!first) return;
  const today = isoDay(parisDayOf(now));
  const complaint = await seedDemoComplaint(tx, `label:${first.id}`, s, now);
  await planInspection(tx, actor, {
    labelId: first.id, kind: 'on_site', plannedOn: isoDay(parisDayOf(new Date(now.getTime() + 12 * DAY))),
    reason: complaint ? `Réclamation ${complaint.number} : période en entreprise non organisée, cours annulés.` : 'Contrôle par sondage.',
    ticketId: complaint?.ticketId ?? null,
  }, today, s, new Date(now.getTime() - 2 * DAY));
  const second = inForce[1] ?? first;
  const past = await planInspection(tx, actor, {
    labelId: second.id, kind: 'remote', plannedOn: isoDay(parisDayOf(new Date(now.getTime() - 40 * DAY))), reason: 'Contrôle annuel par sondage.', ticketId: null,
  }, today, s, new Date(now.getTime() - 60 * DAY));
  if (past.ok) {
    await recordReport(tx, actor, past.inspectionId, 1, {
      findings: 'Listes d’émargement complètes pour la session en cours.\n\nDeux attestations d’entrée en formation signées en retard.',
      conclusion: 'remarks', messageToOrganisation: 'Merci de transmettre les attestations d’entrée dans le mois qui suit le début de la session.',
    }, [], s, new Date(now.getTime() - 38 * DAY));
  }
}
