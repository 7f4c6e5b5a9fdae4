/**
 * "Déposer" and "Redéposer": server time decides the cut-off in the call's time zone; one
 * submission per deposit (row lock + state check + unique sequence); receipt number and receipt
 * PDF; mail with the receipt in the outbox; the review row is opened or refreshed in the same
 * transaction. A resubmission (after corrections) stays on the cut-off it was examined for.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { composeMail } from '../../platform/mail/mail.js';
import { cutoffFor, formatParis } from '../../calls/call.js';
import { syncReviews } from '../../review/index.js';
import { findApplication, countSubmissions, insertSubmission, nextReceiptSequence, updateApplicationState, latestCorrection, findCutoff } from '../applications.store.js';
import { transition } from '../application.states.js';
import { loadDossier, incompleteParts, dateIn } from '../dossier.js';
import { dateTimeSeconds } from '../format.js';
import { renderReceipt, type ReceiptFacts } from '../pdf.js';
import type { SubmissionSnapshot } from '../receipt.js';
import type { MemberActor } from '../applications.policy.js';

/** Outcome of a submission. */
export type SubmitResult =
  | { ok: true; receiptNumber: string; cutoffLabel: string; mailId: string }
  | { ok: false; already: true; receiptNumber: string | null }
  | { ok: false; already?: false; message: string; errors?: Record<string, string> };

/** The receipt number of the n-th submission of a year. */
export function receiptNumber(year: number, seq: number): string {
  return `GEN-${year}-${String(seq).padStart(5, '0')}`;
}

const SWORN = 'Cochez la déclaration sur l’honneur pour déposer la candidature.';

/** Submits a draft (or resubmits after corrections) at `now` (server time), with the sworn statement. */
export async function submitApplication(tx: Tx, actor: MemberActor, v: { organisationId: string; applicationId: string; sworn: boolean; baseUrl: string; resubmit?: boolean; smtp?: boolean }, now: Date): Promise<SubmitResult> {
  if (!v.sworn) return { ok: false, message: SWORN, errors: { sworn: SWORN } };
  const app = await findApplication(tx, v.organisationId, v.applicationId, { lock: true });
  if (!app) return { ok: false, message: 'Candidature introuvable.' };
  if (app.state === 'submitted') return { ok: false, already: true, receiptNumber: app.receiptNumber };
  const event = v.resubmit ? 'resubmit' : 'submit';
  const move = transition(app.state, event);
  if (!move.ok) return { ok: false, message: move.message };
  const dossier = (await loadDossier(tx, v.organisationId, v.applicationId, now))!;
  const { call, cutoffs } = dossier.call;
  let cutoff: { id: string; label: string; closesAt: Date } | null;
  const correction = v.resubmit ? await latestCorrection(tx, app.id) : null;
  if (v.resubmit) {
    cutoff = app.cutoffId ? await findCutoff(tx, app.cutoffId) : null;
    if (!cutoff) return { ok: false, message: 'Le relevé de cette candidature est introuvable : contactez la GEN.' };
  } else {
    if (now < call.opensAt) return { ok: false, message: `L’appel n’est pas encore ouvert : il ouvre le ${formatParis(call.opensAt, call.timezone)} (heure de Paris).` };
    cutoff = call.closesAt && now > call.closesAt ? null : cutoffFor(cutoffs, now);
    if (!cutoff) {
      const last = [...cutoffs].sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime())[0];
      const when = last ? ` le ${formatParis(last.closesAt, call.timezone)} (heure de Paris)` : '';
      return { ok: false, message: `Le dernier relevé de cet appel est passé${when} : la candidature ne peut plus être déposée. Surveillez l’ouverture du prochain appel à labellisation.` };
    }
  }
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: call.timezone, year: 'numeric' }).format(now));
  const receipt = receiptNumber(year, await nextReceiptSequence(tx, year));
  const sequence = (await countSubmissions(tx, app.id)) + 1;
  const updated = await updateApplicationState(tx, app.id, app.version, { state: move.to, now, cutoffId: cutoff.id, submittedAt: now, submittedBy: actor.id, receiptNumber: app.receiptNumber ?? receipt });
  if (!updated) return { ok: false, already: true, receiptNumber: app.receiptNumber };
  const o = dossier.organisation;
  const snapshot: SubmissionSnapshot = {
    trainingTitle: app.trainingTitle,
    sections: Object.fromEntries(Object.entries(dossier.sections).map(([k, s]) => [k, { values: s.reading.values, data: s.reading.data, version: s.version, completed: s.reading.completed }])),
    organisation: { name: o.name, siret: o.siret, nda: o.nda, qualiopiStatus: o.qualiopiStatus, qualiopiValidUntil: o.qualiopiValidUntil, qualiopiAuditDate: o.qualiopiAuditDate },
    documents: dossier.files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName, sha256: f.sha256, size: f.size })),
    precheck: dossier.precheck,
    incomplete: incompleteParts(dossier),
    ...(correction ? { correctionRequestId: correction.id } : {}),
  };
  await insertSubmission(tx, { applicationId: app.id, sequence, cutoffId: cutoff.id, submittedAt: now, submittedBy: actor.id, receiptNumber: receipt, snapshot });
  const late = correction ? dateIn(now, call.timezone) > correction.dueOn : false;
  await recordAudit(tx, actor, {
    action: v.resubmit ? 'application.resubmitted' : 'application.submitted', objectType: 'application', objectId: app.id,
    before: { state: move.from }, after: { state: move.to, cutoffId: cutoff.id, receiptNumber: receipt },
    meta: { sequence, cutoffLabel: cutoff.label, ...(correction ? { correctionRequestId: correction.id, late } : {}) },
  }, now);
  await syncReviews(tx, { applicationId: app.id });

  const facts: ReceiptFacts = {
    receiptNumber: receipt, sequence, submittedAt: now, submittedByName: actor.label, timezone: call.timezone,
    organisation: { name: o.name, siret: o.siret, nda: o.nda }, trainingTitle: app.trainingTitle, callTitle: call.title,
    cutoff: { label: cutoff.label, closesAt: cutoff.closesAt }, precheck: dossier.precheck, incomplete: snapshot.incomplete, documents: snapshot.documents,
  };
  const pdf = await renderReceipt(facts);
  const url = `${v.baseUrl}/organisations/${v.organisationId}/candidatures/${app.id}`;
  const mailId = await enqueueMail(tx, composeMail({
    template: v.resubmit ? 'application.resubmitted' : 'application.submitted', to: actor.email,
    subject: `${v.resubmit ? 'Candidature déposée à nouveau' : 'Candidature déposée'} : ${app.trainingTitle} (${receipt})`,
    greeting: `Bonjour ${actor.label},`,
    paragraphs: [
      v.resubmit
        ? `Votre candidature « ${app.trainingTitle} » corrigée a bien été déposée à nouveau le ${dateTimeSeconds(now, call.timezone)} (heure de Paris) : la GEN reprend son examen.`
        : `Votre candidature « ${app.trainingTitle} » à l’appel « ${call.title} » a bien été déposée le ${dateTimeSeconds(now, call.timezone)} (heure de Paris).`,
      `Numéro de récépissé : ${receipt}. Le récépissé est joint à ce message au format PDF.`,
      `Elle sera examinée avec les candidatures du ${cutoff.label} (clôture le ${formatParis(cutoff.closesAt, call.timezone)}).`,
      'La candidature n’est plus modifiable. Vous pouvez la retirer tant qu’aucune décision n’a été prise.',
    ],
    action: { label: 'Voir la candidature', url },
    attachments: [{ fileName: `recepisse-${receipt}.pdf`, contentType: 'application/pdf', content: pdf }],
  }), !!v.smtp);
  return { ok: true, receiptNumber: receipt, cutoffLabel: cutoff.label, mailId };
}
