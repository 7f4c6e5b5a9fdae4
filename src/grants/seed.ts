/**
 * Demo seed grants, so /gestion/subventions is alive with a tranche in every state. Runs after the
 * demo labels (whose activation planned the tranches of labels with a grant) and sessions:
 * - the active label in its first year gets a grant of 18 000 € on its first two sessions (the
 *   demo's committee decision did not grant one): first tranche paid, the others planned;
 * - "Développeur web et web mobile – Montreuil": first tranche paid, second payable;
 * - the suspended label: first tranche paid, second withheld, and a clawback.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import type { AppDeps } from '../platform/http/context.js';
import { users } from '../platform/auth/auth.schema.js';
import { labels } from '../labels/labels.schema.js';
import { committeeDecisions } from '../review/review.schema.js';
import { applicationSections } from '../applications/applications.schema.js';
import { addMonths, parisDay } from '../sessions/index.js';
import { grantsDaily, decideTranche, planTranches, recordClawback } from './commands/tranches.js';
import { tranchesOfLabel } from './grants.store.js';

/** Seeds the demo grants (no-op when a piece of the demo is missing). */
export async function seedDemoGrants(tx: Tx, deps: AppDeps, now: Date): Promise<void> {
  const [samir] = await tx.select().from(users).where(eq(users.email, 'suivi@demo.label-gen.fr'));
  if (!samir) return;
  const actor = { id: samir.id, label: `${samir.fullName} <${samir.email}>`, ip: null };
  const mail = { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL };
  const today = parisDay(now);
  const byTitle = async (title: string) => (await tx.select().from(labels).where(eq(labels.trainingTitle, title)))[0] ?? null;

  // A grant on the first two sessions for the label in its first year.
  const first = await byTitle('Technicien supérieur systèmes et réseaux');
  if (first && first.status === 'active') {
    await tx.update(committeeDecisions).set({ seedGrant: 18000 }).where(eq(committeeDecisions.id, first.decisionId));
    const [funding] = await tx.select().from(applicationSections).where(and(eq(applicationSections.applicationId, first.applicationId), eq(applicationSections.sectionKey, 'funding')));
    if (funding) {
      await tx.update(applicationSections).set({ data: { ...(funding.data as Record<string, unknown>), seedGrantRequested: 'oui', seedGrantAmount: 18000, seedGrantSessions: 'first_two' } })
        .where(and(eq(applicationSections.applicationId, first.applicationId), eq(applicationSections.sectionKey, 'funding')));
    }
    await planTranches(tx, actor, first.id, now);
  }
  // Conditions met by the demo sessions: those tranches become payable.
  await grantsDaily(tx, now, mail);

  const pay = async (labelId: string, position: number, paidOn: string, reference: string) => {
    const t = (await tranchesOfLabel(tx, labelId)).find((x) => x.sessionRank === 1 && x.position === position && x.state === 'payable');
    if (t) await decideTranche(tx, actor, labelId, { kind: 'pay', trancheId: t.id, paidOn: paidOn > today ? today : paidOn, reference, motivation: '' }, now, mail);
  };
  if (first) await pay(first.id, 1, addMonths(today, -5), 'MANDAT-2026-0311');

  const montreuil = await byTitle('Développeur web et web mobile – Montreuil');
  if (montreuil?.validFrom) await pay(montreuil.id, 1, addMonths(montreuil.validFrom, 2), 'MANDAT-2024-0142');

  const suspended = await byTitle('Analyste de données');
  if (suspended?.validFrom) {
    await pay(suspended.id, 1, addMonths(suspended.validFrom, 2), 'MANDAT-2025-0087');
    const second = (await tranchesOfLabel(tx, suspended.id)).find((x) => x.position === 2 && (x.state === 'payable' || x.state === 'planned'));
    if (second) {
      await decideTranche(tx, actor, suspended.id, { kind: 'withhold', trancheId: second.id, motivation: 'Bilan annuel non remis et label suspendu : la tranche est retenue jusqu’à régularisation.' }, now, mail);
    }
    await recordClawback(tx, actor, suspended.id, { amountCents: 150000, decidedOn: addMonths(today, -1), motivation: 'Deux apprenants déclarés dans l’attestation de démarrage n’ont jamais suivi la formation : part correspondante reprise.' }, now);
  }
}
