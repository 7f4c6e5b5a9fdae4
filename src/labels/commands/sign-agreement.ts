/**
 * Signing the convention: the organisation's admin signs in the platform, staff countersign; or
 * staff record a copy signed on paper. The full signature activates the label (sign_agreement):
 * valid from the signature day for the call's labelYears. Each step audited in its transaction.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { findLabel, organisationAdminEmails, staffEmailsWithRoles, updateLabel, type FoundLabel } from '../labels.store.js';
import { insertSignature, signaturesOf } from '../agreement.store.js';
import { countersignatureProblem, organisationSignatureProblem, signedCopyProblem } from '../agreement.js';
import { labelTransition } from '../label.states.js';
import { dayIn, firstSessionDeadline, validity } from '../label.js';
import { activatedMail, toCountersignMail } from '../mails.js';
import { parisDateTime } from '../../platform/pdf/pdf.js';
import type { StoredDocument } from '../agreement.documents.js';
import { COUNTERSIGN_ROLES, type LabelActor } from '../labels.policy.js';
import { planTranches } from '../../grants/commands/tranches.js';

/** Outcome of a label command. */
export type LabelResult<T = object> = ({ ok: true } & T) | { ok: false; message: string; field?: string };

/** Where mails link to and whether SMTP is on. */
export interface MailSettings { baseUrl: string; smtp: boolean }

const NOT_FOUND = { ok: false as const, message: 'Label introuvable.' };

/**
 * The organisation's admin signs the convention (the checkbox "je signe" was ticked). The staff who
 * may countersign (COUNTERSIGN_ROLES) are told by mail, enqueued in this transaction; `mailIds` to
 * dispatch after the commit.
 */
export async function signAsOrganisation(tx: Tx, actor: LabelActor, v: { labelId: string; organisationId: string; document: StoredDocument }, now: Date, mail: MailSettings): Promise<LabelResult<{ mailIds: string[] }>> {
  const found = await findLabel(tx, v.labelId, { lock: true });
  if (!found || found.label.organisationId !== v.organisationId) return NOT_FOUND;
  const problem = organisationSignatureProblem(found.label.status, await signaturesOf(tx, v.labelId));
  if (problem) return { ok: false, message: problem };
  const row = await insertSignature(tx, { labelId: v.labelId, kind: 'organisation', signerId: actor.id, signerName: actor.name, signerEmail: actor.email, signedAt: now, ...v.document });
  if (!row) return { ok: false, message: 'La convention a déjà été signée par l’organisme.' };
  const recipients = await staffEmailsWithRoles(tx, COUNTERSIGN_ROLES);
  await recordAudit(tx, actor, {
    action: 'label.agreement_signed', objectType: 'label', objectId: v.labelId,
    after: { by: 'organisation', signer: actor.name, email: actor.email, sha256: v.document.sha256, signedAt: now.toISOString(), countersignersNotified: recipients },
  }, now);
  const url = `${mail.baseUrl}/gestion/labels/${v.labelId}`;
  const mailIds: string[] = [];
  for (const to of recipients) {
    mailIds.push(await enqueueMail(tx, toCountersignMail(
      { to, number: found.label.number, trainingTitle: found.label.trainingTitle, url, organisationName: found.organisationName },
      { signerName: actor.name, signedAt: parisDateTime(now) },
    ), mail.smtp));
  }
  return { ok: true, mailIds };
}

/** Staff countersign after the organisation: the label becomes active from today. */
export async function countersign(tx: Tx, actor: LabelActor, v: { labelId: string; document: StoredDocument }, now: Date, mail: MailSettings): Promise<LabelResult<{ mailIds: string[] }>> {
  const found = await findLabel(tx, v.labelId, { lock: true });
  if (!found) return NOT_FOUND;
  const problem = countersignatureProblem(found.label.status, await signaturesOf(tx, v.labelId));
  if (problem) return { ok: false, message: problem };
  const row = await insertSignature(tx, { labelId: v.labelId, kind: 'countersignature', signerId: actor.id, signerName: actor.name, signerEmail: actor.email, signedAt: now, ...v.document });
  if (!row) return { ok: false, message: 'La convention est déjà signée par les deux parties.' };
  await recordAudit(tx, actor, {
    action: 'label.agreement_countersigned', objectType: 'label', objectId: v.labelId,
    after: { signer: actor.name, email: actor.email, sha256: v.document.sha256, signedAt: now.toISOString() },
  }, now);
  return activate(tx, actor, found, signingDay(found, now), now, mail);
}

/** Staff record a copy of the convention signed on paper on `signedOn`: the label becomes active from that day. */
export async function recordSignedCopy(tx: Tx, actor: LabelActor, v: { labelId: string; signedOn: string; document: StoredDocument }, now: Date, mail: MailSettings): Promise<LabelResult<{ mailIds: string[] }>> {
  const found = await findLabel(tx, v.labelId, { lock: true });
  if (!found) return NOT_FOUND;
  const problem = signedCopyProblem(found.label.status, await signaturesOf(tx, v.labelId), v.signedOn, signingDay(found, now), dayIn(found.decidedAt, found.timezone));
  if (problem) return { ok: false, ...problem };
  const row = await insertSignature(tx, { labelId: v.labelId, kind: 'signed_copy', signerId: actor.id, signerName: actor.name, signerEmail: actor.email, signedAt: now, signedOn: v.signedOn, ...v.document });
  if (!row) return { ok: false, message: 'La convention est déjà signée par les deux parties.' };
  await recordAudit(tx, actor, {
    action: 'label.agreement_copy_recorded', objectType: 'label', objectId: v.labelId,
    after: { signedOn: v.signedOn, fileName: v.document.fileName, sha256: v.document.sha256, recordedBy: actor.name },
  }, now);
  return activate(tx, actor, found, v.signedOn, now, mail);
}

/** The day a signature made at `now` counts for, in the call's time zone. */
export function signingDay(found: Pick<FoundLabel, 'timezone'>, now: Date): string {
  return dayIn(now, found.timezone);
}

/** The validity a signature on `signedOn` gives this label. */
export function validityOf(found: Pick<FoundLabel, 'rules'>, signedOn: string) {
  return validity(signedOn, found.rules.durations.labelYears);
}

async function activate(tx: Tx, actor: LabelActor, found: FoundLabel, signedOn: string, now: Date, mail: MailSettings): Promise<LabelResult<{ mailIds: string[] }>> {
  const move = labelTransition(found.label.status, 'sign_agreement');
  if (!move.ok) return { ok: false, message: move.message };
  const v = validityOf(found, signedOn);
  const updated = await updateLabel(tx, found.label.id, found.label.version, {
    status: move.to, agreementSignedAt: now, validFrom: v.validFrom, validUntil: v.validUntil, statusChangedAt: now, statusReason: null,
  });
  if (!updated) return { ok: false, message: 'Le label a changé entre-temps : rechargez la page.' };
  await recordAudit(tx, actor, {
    action: 'label.activated', objectType: 'label', objectId: found.label.id,
    before: { status: move.from }, after: { status: move.to, validFrom: v.validFrom, validUntil: v.validUntil },
  }, now);
  // A seed grant is paid in tranches planned from the call's data (src/grants).
  await planTranches(tx, actor, found.label.id, now);
  const firstSessionBy = firstSessionDeadline(v.validFrom, found.rules.durations.firstSessionWithinMonths);
  const url = `${mail.baseUrl}/organisations/${found.label.organisationId}/labels/${found.label.id}`;
  const mailIds: string[] = [];
  for (const to of await organisationAdminEmails(tx, found.label.organisationId)) {
    mailIds.push(await enqueueMail(tx, activatedMail({ to, number: found.label.number, trainingTitle: found.label.trainingTitle, url }, { ...v, firstSessionBy }), mail.smtp));
  }
  return { ok: true, mailIds };
}
