/**
 * Personal data of learners (RGPD): audited roster views and exports, the purge at the end of the
 * label plus LEARNER_RETENTION_MONTHS (pseudonymous figures kept), and the right of access (a copy
 * of the learner's data sent by staff, as a PDF attached to an email).
 */
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { recordAudit, SYSTEM, type AuditActor } from '../../platform/audit/audit.store.js';
import { renderPdf, parisDateTime } from '../../platform/pdf/pdf.js';
import { composeMail } from '../../platform/mail/mail.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { addMonths, CERTIFICATION_LABELS, COMPLETION_LABELS, EDUCATION_LABELS, ENTRY_SITUATION_LABELS, EXIT_SITUATION_LABELS, SEX_LABELS } from '../learners.js';
import { eraseSession, sessionsToPurge, type LearnerRow, type SessionContext } from '../learners.store.js';
import type { LearnerActor } from '../learners.policy.js';

/** Records that someone saw a roster (who, which session, how many learners, from where). */
export async function auditRosterView(tx: DbOrTx, actor: AuditActor, sessionId: string, count: number, side: 'organisation' | 'staff', now: Date): Promise<void> {
  await recordAudit(tx, actor, { action: 'learners.roster_viewed', objectType: 'training_session', objectId: sessionId, meta: { count, side } }, now);
}

/** Records an export of personal data. */
export async function auditExport(tx: DbOrTx, actor: AuditActor, sessionId: string, count: number, format: string, now: Date): Promise<void> {
  await recordAudit(tx, actor, { action: 'learners.exported', objectType: 'training_session', objectId: sessionId, meta: { count, format } }, now);
}

/**
 * Erases the personal fields of learners whose label ended more than `months` months before today
 * (YYYY-MM-DD). Idempotent; the number of learners erased.
 */
export async function purgeExpiredLearners(db: Db, months: number, today: string, now: Date): Promise<number> {
  // Label end + months < today  ⇔  label end < today − months (month ends clamped).
  const endedBefore = addMonths(today, -months);
  const due = await sessionsToPurge(db, endedBefore);
  let total = 0;
  for (const s of due) {
    total += await db.transaction(async (tx) => {
      const n = await eraseSession(tx, s.sessionId, now);
      await recordAudit(tx, SYSTEM, { action: 'learners.erased', objectType: 'training_session', objectId: s.sessionId, meta: { count: n, labelEnd: s.labelEnd, retentionMonths: months } }, now);
      return n;
    });
  }
  return total;
}

/** The rows of a learner's data, as the copy shows them. */
export function learnerDataRows(l: LearnerRow): [string, string][] {
  const yn = (b: boolean | null) => (b === null ? 'non déterminé' : b ? 'oui' : 'non');
  return [
    ['Nom', l.lastName ?? '(effacé)'], ['Prénom', l.firstName ?? '(effacé)'], ['Sexe', SEX_LABELS[l.sex]],
    ['Date de naissance', l.birthDate ?? '(effacée)'], ['Courriel', l.email ?? '—'], ['Téléphone', l.phone ?? '—'],
    ['Adresse', l.address ?? (l.minimisedAt ? '(réduite à la commune)' : '—')], ['Commune', l.commune ?? '—'],
    ['Résidence en QPV', yn(l.inQpv) + (l.qpvCode ? ` (${l.qpvCode})` : '')], ['Résidence en ZRR ou FRR', yn(l.inZrrFrr)],
    ['Géographies utilisées', l.geoVersions ?? '—'],
    ['Niveau de formation', EDUCATION_LABELS[l.educationLevel]], ['Situation à l’entrée', ENTRY_SITUATION_LABELS[l.entrySituation]],
    ['RQTH', yn(l.rqth)], ['Aide CROUS demandée', yn(l.crousAid)],
    ['Sortie anticipée', l.leftOn ? `${l.leftOn}${l.leftReason ? ` : ${l.leftReason}` : ''}` : '—'],
    ['Fin de parcours', l.completion ? COMPLETION_LABELS[l.completion] : '—'],
    ['Certification', l.certification ? CERTIFICATION_LABELS[l.certification] : '—'],
    ['Situation à la sortie', l.situationAtExit ? EXIT_SITUATION_LABELS[l.situationAtExit] : '—'],
    ['Situation à 3 mois', l.situation3m ? EXIT_SITUATION_LABELS[l.situation3m] : '—'],
    ['Situation à 6 mois', l.situation6m ? EXIT_SITUATION_LABELS[l.situation6m] : '—'],
  ];
}

/** Right of access: sends the learner a PDF copy of their data; the mail id to dispatch after commit. */
export async function sendAccessCopy(
  tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, learner: LearnerRow, smtp: boolean, now: Date,
): Promise<{ ok: true; mailId: string } | { ok: false; message: string }> {
  if (learner.erasedAt || !learner.email) return { ok: false, message: learner.erasedAt ? 'Les données de cet apprenant sont effacées : il n’y a plus rien à transmettre.' : 'Aucun courriel n’est connu pour cet apprenant : transmettez la copie par un autre moyen.' };
  const pdf = await renderPdf({
    title: 'Copie de vos données personnelles', subject: 'Droit d’accès (article 15 du RGPD)', createdAt: now,
    footer: 'Label Grande École du Numérique — droit d’accès',
    blocks: [
      { kind: 'title', text: 'Copie de vos données personnelles' },
      { kind: 'paragraph', text: `Formation « ${ctx.trainingTitle} » (label ${ctx.labelNumber}), session « ${ctx.session.name} », organisme ${ctx.organisationName}. Document établi le ${parisDateTime(now)}.` },
      { kind: 'fields', rows: learnerDataRows(learner) },
      { kind: 'heading', text: 'Finalités et durée de conservation' },
      { kind: 'paragraph', text: 'Ces données servent au suivi des formations labellisées par la Grande École du Numérique (attestation de démarrage, bilans, indicateurs). L’adresse est réduite à la commune une fois le bilan de fin de session accepté ; les données personnelles sont effacées au terme du label augmenté de la durée de conservation, seules des statistiques sans nom sont gardées.' },
    ],
  });
  const mail = composeMail({
    template: 'learners.access_copy', to: learner.email, subject: 'Copie de vos données personnelles (label GEN)',
    greeting: `Bonjour ${learner.firstName ?? ''},`.replace(' ,', ','),
    paragraphs: [
      `Vous avez demandé à accéder aux données vous concernant, déclarées par ${ctx.organisationName} pour la formation « ${ctx.trainingTitle} ».`,
      'Vous les trouverez dans le document PDF joint. Pour les faire rectifier, adressez-vous à l’organisme de formation ou répondez par le formulaire de contact de la plateforme.',
    ],
    attachments: [{ fileName: 'mes-donnees-label-gen.pdf', contentType: 'application/pdf', content: pdf }],
  });
  const mailId = await enqueueMail(tx, mail, smtp);
  await recordAudit(tx, actor, { action: 'learners.access_copy_sent', objectType: 'learner', objectId: learner.id, meta: { sessionId: ctx.session.id, to: learner.email } }, now);
  return { ok: true, mailId };
}
