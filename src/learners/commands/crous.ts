/**
 * Attendance breaches of CROUS aid recipients: recorded by the organisation and sent to the CROUS
 * as a notice (PDF attached to an email to the office's configurable address), as the decree
 * requires. Platform admins keep the table of CROUS offices.
 */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { renderPdf, parisDateTime } from '../../platform/pdf/pdf.js';
import { composeMail } from '../../platform/mail/mail.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { insertBreach, markNoticeSent, upsertCrousOffice, type CrousOfficeRow, type LearnerRow, type SessionContext } from '../learners.store.js';
import type { LearnerActor } from '../learners.policy.js';

const frDate = (iso: string) => iso.split('-').reverse().join('/');

/** The notice of an attendance breach (PDF). */
export async function breachNoticePdf(ctx: SessionContext, l: LearnerRow, b: { kind: 'classes' | 'exams'; fromDate: string; toDate: string; details: string }, declaredBy: string, now: Date): Promise<Buffer> {
  return renderPdf({
    title: 'Avis de manquement à l’obligation d’assiduité', subject: 'Avis au CROUS', createdAt: now,
    footer: 'Label Grande École du Numérique — avis d’assiduité',
    blocks: [
      { kind: 'title', text: 'Avis de manquement à l’obligation d’assiduité' },
      { kind: 'paragraph', text: 'Bénéficiaire d’une aide du CROUS inscrit dans une formation labellisée Grande École du Numérique.' },
      { kind: 'fields', rows: [
        ['Apprenant', `${l.lastName ?? ''} ${l.firstName ?? ''}`.trim()], ['Date de naissance', l.birthDate ? frDate(l.birthDate) : '—'],
        ['Formation', `${ctx.trainingTitle} (label ${ctx.labelNumber})`], ['Session', ctx.session.name], ['Organisme', ctx.organisationName],
        ['Nature', b.kind === 'exams' ? 'Absences aux examens' : 'Absences aux cours'], ['Période', `du ${frDate(b.fromDate)} au ${frDate(b.toDate)}`],
      ] },
      { kind: 'heading', text: 'Détail' },
      { kind: 'paragraph', text: b.details },
      { kind: 'signature', lines: [`Déclaré par ${declaredBy}`, `le ${parisDateTime(now)}`] },
    ],
  });
}

/** Records a breach and sends the notice to the CROUS; the mail id to dispatch after commit. */
export async function recordBreach(
  tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, learner: LearnerRow, office: CrousOfficeRow,
  b: { kind: 'classes' | 'exams'; fromDate: string; toDate: string; details: string }, smtp: boolean, now: Date,
): Promise<{ ok: true; mailId: string } | { ok: false; message: string; errors?: Record<string, string> }> {
  if (!learner.crousAid) return { ok: false, message: 'Cet apprenant n’a pas demandé d’aide du CROUS.' };
  if (!ctx.session.startAttestedAt) return { ok: false, message: 'Le démarrage de la session n’est pas attesté.' };
  if (b.toDate < b.fromDate) return { ok: false, message: 'La fin de la période précède son début.', errors: { au: 'La fin de la période précède son début.' } };
  const row = await insertBreach(tx, { learnerId: learner.id, sessionId: ctx.session.id, crousOfficeId: office.id, ...b, createdBy: actor.id, createdAt: now });
  const pdf = await breachNoticePdf(ctx, learner, b, `${actor.name} (${ctx.organisationName})`, now);
  const mailId = await enqueueMail(tx, composeMail({
    template: 'learners.crous_notice', to: office.email, subject: `Avis d’assiduité – ${learner.lastName ?? ''} ${learner.firstName ?? ''} – ${ctx.trainingTitle}`,
    greeting: `Madame, Monsieur,`,
    paragraphs: [
      `${ctx.organisationName} signale un manquement à l’obligation d’assiduité d’un bénéficiaire de l’aide du CROUS inscrit en formation labellisée Grande École du Numérique (« ${ctx.trainingTitle} », session « ${ctx.session.name} »).`,
      'L’avis détaillé est joint au format PDF.',
    ],
    attachments: [{ fileName: 'avis-assiduite.pdf', contentType: 'application/pdf', content: pdf }],
  }), smtp);
  await markNoticeSent(tx, row.id, now);
  await recordAudit(tx, actor, { action: 'learners.crous_notice', objectType: 'learner', objectId: learner.id, after: { breachId: row.id, crous: office.name, kind: b.kind }, meta: { sessionId: ctx.session.id } }, now);
  return { ok: true, mailId };
}

/** Adds a CROUS office or changes its notice address (platform admins; audited). */
export async function saveCrousOffice(tx: DbOrTx, actor: LearnerActor, name: string, email: string, now: Date): Promise<CrousOfficeRow> {
  const row = await upsertCrousOffice(tx, name, email, now);
  await recordAudit(tx, actor, { action: 'learners.crous_office_saved', objectType: 'crous_office', objectId: row.id, after: { name, email } }, now);
  return row;
}
