/**
 * Business actions on seed-grant tranches. Each checks its rule, writes, audits in the same
 * transaction and returns a typed result; mails to the organisation's admins are queued and their
 * ids returned for dispatch after the commit.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, SYSTEM, type AuditActor } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import type { Mail } from '../../platform/mail/mail.js';
import { organisationAdminEmails } from '../../labels/labels.store.js';
import {
  clawbacksOfLabel, findTranche, fundingOf, grantLabel, insertClawback, insertTranches, labelsWithoutTranches, plannedTranches,
  sessionsOfLabels, tranchesOfLabel, unpaidTranches, updateTranche, type ClawbackRow, type GrantLabel, type TrancheRow,
} from '../grants.store.js';
import { conditionMet, eurosFromCents, planOf, planProblem, sessionsCovered, splitGrant, totals, trancheTransition, type TrancheDecision } from '../grants.js';
import { paidMail, payableMail, withheldMail, type GrantMailTo } from '../mails.js';

/** Where mails link to and whether SMTP is on. */
export interface MailSettings { baseUrl: string; smtp: boolean }

/** The mail settings of the platform's configuration. */
export const grantMail = (deps: { config: { baseUrl: string; SMTP_URL?: string } }): MailSettings => ({ baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL });
type Actor = AuditActor & { id: string | null };

/** Outcome of a grant command. */
export type GrantResult<T = object> = ({ ok: true; mailIds: string[] } & T) | { ok: false; message: string; field?: string };

/** Where the organisation reads its grant (inside its label page). */
export const organisationGrantUrl = (baseUrl: string, organisationId: string, labelId: string) => `${baseUrl}/organisations/${organisationId}/labels/${labelId}#subvention`;

async function mailAdmins(tx: Tx, label: Pick<GrantLabel, 'id' | 'organisationId' | 'trainingTitle' | 'number'>, mail: MailSettings, make: (to: GrantMailTo) => Mail): Promise<string[]> {
  const url = organisationGrantUrl(mail.baseUrl, label.organisationId, label.id);
  const ids: string[] = [];
  for (const to of await organisationAdminEmails(tx, label.organisationId)) {
    ids.push(await enqueueMail(tx, make({ to, trainingTitle: label.trainingTitle, number: label.number, url }), mail.smtp));
  }
  return ids;
}

/**
 * Creates the tranches of a label with a seed grant (idempotent: nothing when it has some, or no
 * grant). Called when the label becomes active, and by the daily job for labels activated before.
 */
export async function planTranches(tx: Tx, actor: Actor, labelId: string, now: Date): Promise<TrancheRow[]> {
  const label = await grantLabel(tx, labelId);
  if (!label || !label.seedGrant || label.seedGrant <= 0) return [];
  if ((await tranchesOfLabel(tx, labelId)).length > 0) return [];
  const plan = planOf(label.rules);
  if (planProblem(plan)) return [];
  const sessions = sessionsCovered(await fundingOf(tx, label.applicationId));
  const split = splitGrant(label.seedGrant * 100, sessions, plan);
  const rows = await insertTranches(tx, split.map((s) => ({ ...s, labelId, organisationId: label.organisationId, createdAt: now, updatedAt: now })));
  if (rows.length === 0) return [];
  await recordAudit(tx, actor, {
    action: 'grant.planned', objectType: 'grant', objectId: labelId,
    after: { seedGrantCents: label.seedGrant * 100, sessions, tranches: rows.map((r) => ({ id: r.id, sessionRank: r.sessionRank, title: r.title, condition: r.condition, amountCents: r.amountCents })) },
  }, now);
  return rows;
}

/**
 * Planned tranches whose condition is now met become payable (one label or all), each audited and
 * mailed once: a tranche already payable is not planned any more, so a second run does nothing.
 */
export async function refreshTranches(tx: Tx, now: Date, mail: MailSettings, labelId?: string): Promise<{ payable: TrancheRow[]; mailIds: string[] }> {
  const planned = await plannedTranches(tx, labelId);
  const sessions = await sessionsOfLabels(tx, [...new Set(planned.map((t) => t.labelId))]);
  const payable: TrancheRow[] = [];
  const mailIds: string[] = [];
  for (const t of planned) {
    const met = conditionMet(t, sessions.filter((s) => s.labelId === t.labelId));
    if (!met) continue;
    const move = trancheTransition(t.state, 'condition_met');
    if (!move.ok) continue;
    const updated = await updateTranche(tx, t.id, t.version, { state: move.to, payableAt: now, sessionId: met.sessionId }, now);
    if (!updated) continue;
    await recordAudit(tx, SYSTEM, {
      action: 'grant.tranche_payable', objectType: 'grant_tranche', objectId: t.id,
      before: { state: move.from }, after: { state: move.to, sessionId: met.sessionId, conditionMetAt: met.at.toISOString() }, meta: { labelId: t.labelId },
    }, now);
    payable.push(updated);
    const label = await grantLabel(tx, t.labelId);
    if (label) mailIds.push(...await mailAdmins(tx, label, mail, (to) => payableMail(to, updated)));
  }
  return { payable, mailIds };
}

/** The daily work: tranches of labels activated without them, then conditions met since. */
export async function grantsDaily(tx: Tx, now: Date, mail: MailSettings): Promise<{ planned: number; payable: number; mailIds: string[] }> {
  let planned = 0;
  for (const id of await labelsWithoutTranches(tx)) planned += (await planTranches(tx, SYSTEM, id, now)).length;
  const r = await refreshTranches(tx, now, mail);
  return { planned, payable: r.payable.length, mailIds: r.mailIds };
}

/** Staff pay, withhold or release a tranche of `labelId`. */
export async function decideTranche(tx: Tx, actor: Actor, labelId: string, d: TrancheDecision, now: Date, mail: MailSettings): Promise<GrantResult<{ tranche: TrancheRow }>> {
  const t = await findTranche(tx, d.trancheId, { lock: true });
  if (!t || t.labelId !== labelId) return { ok: false, field: 'tranche', message: 'Tranche introuvable pour ce label.' };
  const label = await grantLabel(tx, labelId);
  if (!label) return { ok: false, message: 'Label introuvable.' };
  const move = trancheTransition(t.state, d.kind);
  if (!move.ok) return { ok: false, field: 'decision', message: move.message };
  const motivation = d.motivation.trim() || null;
  const patch = d.kind === 'pay'
    ? { state: move.to, paidOn: d.paidOn, paymentReference: d.reference, motivation, decidedBy: actor.id }
    : d.kind === 'withhold'
      ? { state: move.to, withheldAt: now, motivation, decidedBy: actor.id }
      : { state: move.to, withheldAt: null, sanctionId: null, payableAt: null, sessionId: null, motivation, decidedBy: actor.id };
  const updated = await updateTranche(tx, t.id, t.version, patch, now);
  if (!updated) return { ok: false, message: 'La tranche a changé entre-temps : rechargez la page.' };
  const action = { pay: 'grant.tranche_paid', withhold: 'grant.tranche_withheld', release: 'grant.tranche_released' }[d.kind];
  await recordAudit(tx, actor, {
    action, objectType: 'grant_tranche', objectId: t.id,
    before: { state: move.from }, after: { state: move.to, ...(d.kind === 'pay' ? { paidOn: d.paidOn, reference: d.reference } : {}), amountCents: t.amountCents },
    meta: { labelId, reason: motivation },
  }, now);
  let mailIds: string[] = [];
  if (d.kind === 'pay') mailIds = await mailAdmins(tx, label, mail, (to) => paidMail(to, updated, { paidOn: d.paidOn, reference: d.reference, motivation: motivation ?? '' }));
  if (d.kind === 'withhold') mailIds = await mailAdmins(tx, label, mail, (to) => withheldMail(to, [updated], motivation ?? ''));
  // A released tranche whose condition is already met is payable again at once.
  if (d.kind === 'release') mailIds = (await refreshTranches(tx, now, mail, labelId)).mailIds;
  return { ok: true, tranche: (await findTranche(tx, t.id)) ?? updated, mailIds };
}

/** What remains paid and not yet taken back (cents). */
export function remainingPaid(tranches: readonly TrancheRow[], clawbacks: readonly ClawbackRow[]): number {
  const t = totals(tranches, clawbacks);
  return t.paid - t.clawedBack;
}

/** Staff record a clawback (reprise) of at most what remains paid. */
export async function recordClawback(tx: Tx, actor: Actor, labelId: string, v: { amountCents: number; decidedOn: string; motivation: string }, now: Date): Promise<GrantResult<{ clawback: ClawbackRow }>> {
  const label = await grantLabel(tx, labelId);
  if (!label) return { ok: false, message: 'Label introuvable.' };
  // Lock the label's tranches so two clawbacks cannot both pass the check.
  const tranches = await tranchesOfLabel(tx, labelId, { lock: true });
  const remaining = remainingPaid(tranches, await clawbacksOfLabel(tx, labelId));
  if (v.amountCents <= 0 || v.amountCents > remaining) {
    return { ok: false, field: 'montant', message: `Le montant repris ne peut pas dépasser ce qui a été versé et non encore repris (${eurosFromCents(remaining)}).` };
  }
  const row = await insertClawback(tx, { labelId, organisationId: label.organisationId, amountCents: v.amountCents, decidedOn: v.decidedOn, motivation: v.motivation, recordedBy: actor.id, createdAt: now });
  await recordAudit(tx, actor, {
    action: 'grant.clawback_recorded', objectType: 'grant', objectId: labelId,
    after: { clawbackId: row.id, amountCents: v.amountCents, decidedOn: v.decidedOn, remainingBeforeCents: remaining }, meta: { reason: v.motivation },
  }, now);
  return { ok: true, clawback: row, mailIds: [] };
}

/**
 * A sanction "retenue de la subvention d’amorçage" was decided: every not-yet-paid tranche of the
 * label becomes withheld, linked to the procedure, with the decision's motivation.
 */
export async function withholdForSanction(tx: Tx, actor: Actor, v: { labelId: string; sanctionId: string; motivation: string }, now: Date, mail: MailSettings): Promise<{ withheld: TrancheRow[]; mailIds: string[] }> {
  const label = await grantLabel(tx, v.labelId);
  if (!label) return { withheld: [], mailIds: [] };
  const withheld: TrancheRow[] = [];
  for (const t of await unpaidTranches(tx, v.labelId)) {
    const move = trancheTransition(t.state, 'withhold');
    if (!move.ok) continue;
    const updated = await updateTranche(tx, t.id, t.version, { state: move.to, withheldAt: now, sanctionId: v.sanctionId, motivation: v.motivation, decidedBy: actor.id }, now);
    if (!updated) continue;
    await recordAudit(tx, actor, {
      action: 'grant.tranche_withheld', objectType: 'grant_tranche', objectId: t.id,
      before: { state: move.from }, after: { state: move.to, amountCents: t.amountCents, sanctionId: v.sanctionId }, meta: { labelId: v.labelId, reason: v.motivation },
    }, now);
    withheld.push(updated);
  }
  const mailIds = withheld.length ? await mailAdmins(tx, label, mail, (to) => withheldMail(to, withheld, v.motivation)) : [];
  return { withheld, mailIds };
}
