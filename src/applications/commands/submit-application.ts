/**
 * "Déposer": server time decides the cut-off in the call's time zone; one submission per
 * deposit (row lock + state check + unique sequence); receipt number; mail in the outbox.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { composeMail } from '../../platform/mail/mail.js';
import { cutoffFor, formatParis } from '../../calls/call.js';
import { findApplication, countSubmissions, insertSubmission, nextReceiptSequence, updateApplicationState } from '../applications.store.js';
import { transition } from '../application.states.js';
import { loadDossier, incompleteParts } from '../dossier.js';
import { dateTimeSeconds } from '../format.js';
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

/** Submits a draft at `now` (server time), with the sworn statement. */
export async function submitApplication(tx: Tx, actor: MemberActor, v: { organisationId: string; applicationId: string; sworn: boolean; baseUrl: string }, now: Date): Promise<SubmitResult> {
  if (!v.sworn) return { ok: false, message: 'Cochez la déclaration sur l’honneur pour déposer la candidature.', errors: { sworn: 'Cochez la déclaration sur l’honneur pour déposer la candidature.' } };
  const app = await findApplication(tx, v.organisationId, v.applicationId, { lock: true });
  if (!app) return { ok: false, message: 'Candidature introuvable.' };
  if (app.state === 'submitted') return { ok: false, already: true, receiptNumber: app.receiptNumber };
  const move = transition(app.state, 'submit');
  if (!move.ok) return { ok: false, message: move.message };
  const dossier = (await loadDossier(tx, v.organisationId, v.applicationId, now))!;
  const { call, cutoffs } = dossier.call;
  if (now < call.opensAt) return { ok: false, message: `L’appel n’est pas encore ouvert : il ouvre le ${formatParis(call.opensAt, call.timezone)} (heure de Paris).` };
  const cutoff = call.closesAt && now > call.closesAt ? null : cutoffFor(cutoffs, now);
  if (!cutoff) {
    const last = [...cutoffs].sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime())[0];
    const when = last ? ` le ${formatParis(last.closesAt, call.timezone)} (heure de Paris)` : '';
    return { ok: false, message: `Le dernier relevé de cet appel est passé${when} : la candidature ne peut plus être déposée. Surveillez l’ouverture du prochain appel à labellisation.` };
  }
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: call.timezone, year: 'numeric' }).format(now));
  const receipt = receiptNumber(year, await nextReceiptSequence(tx, year));
  const sequence = (await countSubmissions(tx, app.id)) + 1;
  const updated = await updateApplicationState(tx, app.id, app.version, { state: move.to, now, cutoffId: cutoff.id, submittedAt: now, submittedBy: actor.id, receiptNumber: app.receiptNumber ?? receipt });
  if (!updated) return { ok: false, already: true, receiptNumber: app.receiptNumber };
  await insertSubmission(tx, {
    applicationId: app.id, sequence, cutoffId: cutoff.id, submittedAt: now, submittedBy: actor.id, receiptNumber: receipt,
    snapshot: {
      trainingTitle: app.trainingTitle,
      sections: Object.fromEntries(Object.entries(dossier.sections).map(([k, s]) => [k, { values: s.reading.values, data: s.reading.data, version: s.version, completed: s.reading.completed }])),
      organisation: { name: dossier.organisation.name, siret: dossier.organisation.siret, nda: dossier.organisation.nda, qualiopiStatus: dossier.organisation.qualiopiStatus, qualiopiValidUntil: dossier.organisation.qualiopiValidUntil, qualiopiAuditDate: dossier.organisation.qualiopiAuditDate },
      documents: dossier.files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName, sha256: f.sha256, size: f.size })),
      precheck: dossier.precheck,
      incomplete: incompleteParts(dossier),
    },
  });
  await recordAudit(tx, actor, {
    action: 'application.submitted', objectType: 'application', objectId: app.id,
    before: { state: move.from }, after: { state: move.to, cutoffId: cutoff.id, receiptNumber: updated.receiptNumber },
    meta: { sequence, cutoffLabel: cutoff.label },
  }, now);
  const url = `${v.baseUrl}/organisations/${v.organisationId}/candidatures/${app.id}`;
  const mailId = await enqueueMail(tx, composeMail({
    template: 'application.submitted', to: actor.email,
    subject: `Candidature déposée : ${app.trainingTitle} (${updated.receiptNumber})`,
    greeting: `Bonjour ${actor.label},`,
    paragraphs: [
      `Votre candidature « ${app.trainingTitle} » à l’appel « ${call.title} » a bien été déposée le ${dateTimeSeconds(now, call.timezone)} (heure de Paris).`,
      `Numéro de récépissé : ${updated.receiptNumber}.`,
      `Elle sera examinée avec les candidatures du ${cutoff.label} (clôture le ${formatParis(cutoff.closesAt, call.timezone)}).`,
      'La candidature n’est plus modifiable. Vous pouvez la retirer tant qu’aucune décision n’a été prise.',
    ],
    action: { label: 'Voir la candidature', url },
  }), false);
  return { ok: true, receiptNumber: updated.receiptNumber!, cutoffLabel: cutoff.label, mailId };
}
