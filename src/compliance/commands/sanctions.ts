/**
 * The contradictory procedure: staff notify grounds and measure, the organisation answers within
 * the answer period, staff decide with a motivation. Suspension and withdrawal go through the
 * labels domain's status change (the catalogue then unpublishes the training). Each step is
 * audited in its transaction; mails are queued and returned for dispatch after commit.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { parisDay } from '../../sessions/index.js';
import { findLabel, labelCan } from '../../labels/index.js';
import { changeLabelStatus } from '../../labels/commands/change-status.js';
import { findProcedure, insertProcedure, organisationAdminEmails, updateProcedure, type SanctionRow } from '../compliance.store.js';
import { answerDueOn, decisionRefusal, mayAnswer, type SanctionMeasure } from '../sanctions.js';
import { decisionMail, noticeMail } from '../mails.js';
import { withholdForSanction } from '../../grants/commands/tranches.js';

export interface MailSettings { baseUrl: string; smtp: boolean }
type Actor = AuditActor & { id: string; email: string; name: string };
type Result = { ok: true; procedure: SanctionRow; mailIds: string[] } | { ok: false; message: string; field?: string };

const LABEL_EVENT: Partial<Record<SanctionMeasure, 'suspend' | 'withdraw'>> = { suspension: 'suspend', withdrawal: 'withdraw' };

async function mailAdmins(tx: Tx, p: SanctionRow, mail: MailSettings, make: (to: { to: string; trainingTitle: string; number: string; url: string }) => Parameters<typeof enqueueMail>[1]): Promise<string[]> {
  const found = await findLabel(tx, p.labelId);
  if (!found) return [];
  const url = `${mail.baseUrl}/organisations/${p.organisationId}/conformite/sanctions/${p.id}`;
  const ids: string[] = [];
  for (const to of await organisationAdminEmails(tx, p.organisationId)) {
    ids.push(await enqueueMail(tx, make({ to, trainingTitle: found.label.trainingTitle, number: found.label.number, url }), mail.smtp));
  }
  return ids;
}

/** Staff open a procedure: notice with grounds, answer period of 15 days from today. */
export async function openProcedure(tx: Tx, actor: Actor, v: { labelId: string; measure: SanctionMeasure; grounds: string }, now: Date, mail: MailSettings): Promise<Result> {
  const found = await findLabel(tx, v.labelId);
  if (!found) return { ok: false, field: 'labelId', message: 'Label introuvable.' };
  const event = LABEL_EVENT[v.measure];
  if (event && !labelCan(found.label.status, event)) return { ok: false, field: 'measure', message: 'Cette mesure n’est pas possible pour un label dans cet état.' };
  if (!['active', 'suspended'].includes(found.label.status)) return { ok: false, field: 'labelId', message: 'Une procédure ne peut viser qu’un label actif ou suspendu.' };
  const noticeOn = parisDay(now);
  const p = await insertProcedure(tx, {
    labelId: found.label.id, organisationId: found.label.organisationId, measure: v.measure, grounds: v.grounds, noticeOn, answerDueOn: answerDueOn(noticeOn),
    noticedBy: actor.id, createdAt: now, updatedAt: now,
  });
  await recordAudit(tx, actor, { action: 'sanction.noticed', objectType: 'sanction_procedure', objectId: p.id, after: { labelId: p.labelId, measure: p.measure, grounds: p.grounds, answerDueOn: p.answerDueOn } }, now);
  const mailIds = await mailAdmins(tx, p, mail, (t) => noticeMail(t, p));
  return { ok: true, procedure: p, mailIds };
}

/** The organisation answers the grounds within the answer period. */
export async function answerProcedure(tx: Tx, actor: AuditActor & { id: string }, v: { procedureId: string; organisationId: string; answer: string }, now: Date): Promise<Result> {
  const p = await findProcedure(tx, v.procedureId, { orgId: v.organisationId, lock: true });
  if (!p) return { ok: false, message: 'Procédure introuvable.' };
  const refusal = mayAnswer(p, parisDay(now));
  if (refusal) return { ok: false, message: refusal };
  const updated = await updateProcedure(tx, p.id, p.version, { status: 'answered', answer: v.answer, answeredAt: now, answeredBy: actor.id }, now);
  if (!updated) return { ok: false, message: 'La procédure a changé entre-temps : rechargez la page.' };
  await recordAudit(tx, actor, { action: 'sanction.answered', objectType: 'sanction_procedure', objectId: p.id, before: { status: p.status }, after: { status: 'answered' } }, now);
  return { ok: true, procedure: updated, mailIds: [] };
}

/** Staff decide, with a motivation: the measure is applied (label status changed for suspension and withdrawal) or abandoned. */
export async function decideProcedure(tx: Tx, actor: Actor, v: { procedureId: string; version: number; apply: boolean; motivation: string }, now: Date, mail: MailSettings): Promise<Result> {
  const p = await findProcedure(tx, v.procedureId, { lock: true });
  if (!p) return { ok: false, message: 'Procédure introuvable.' };
  const refusal = decisionRefusal(p, parisDay(now), v.motivation);
  if (refusal) return { ok: false, ...refusal };
  if (p.version !== v.version) return { ok: false, message: 'La procédure a changé entre-temps : rechargez la page.' };
  const motivation = v.motivation.trim();
  const mailIds: string[] = [];
  const event = LABEL_EVENT[p.measure];
  if (v.apply && event) {
    const found = await findLabel(tx, p.labelId, { lock: true });
    if (!found) return { ok: false, message: 'Label introuvable.' };
    const changed = await changeLabelStatus(tx, actor, { labelId: p.labelId, event, motivation, version: found.label.version }, now, mail);
    if (!changed.ok) return { ok: false, message: changed.message };
    mailIds.push(...changed.mailIds);
  }
  const updated = await updateProcedure(tx, p.id, p.version, { status: v.apply ? 'applied' : 'abandoned', decisionMotivation: motivation, decidedAt: now, decidedBy: actor.id }, now);
  if (!updated) return { ok: false, message: 'La procédure a changé entre-temps : rechargez la page.' };
  await recordAudit(tx, actor, {
    action: v.apply ? 'sanction.applied' : 'sanction.abandoned', objectType: 'sanction_procedure', objectId: p.id,
    before: { status: p.status }, after: { status: updated.status, measure: p.measure }, meta: { reason: motivation, answered: !!p.answeredAt },
  }, now);
  mailIds.push(...await mailAdmins(tx, updated, mail, (t) => decisionMail(t, { measure: p.measure, applied: v.apply, motivation })));
  if (v.apply && p.measure === 'seed_grant_withheld') {
    // The not-yet-paid tranches of the seed grant are withheld (src/grants).
    mailIds.push(...(await withholdForSanction(tx, actor, { labelId: p.labelId, sanctionId: p.id, motivation }, now, mail)).mailIds);
  }
  return { ok: true, procedure: updated, mailIds };
}
