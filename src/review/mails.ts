/** The review's mails to applicants, in French: inadmissibility notice, correction request, committee decision. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { frenchDate } from './review.js';

/** What every review mail names. */
export interface MailApplication { to: string; trainingTitle: string; receiptNumber: string | null; callTitle: string; url: string }

const ref = (a: Pick<MailApplication, 'trainingTitle' | 'receiptNumber'>) => `« ${a.trainingTitle} »${a.receiptNumber ? ` (récépissé ${a.receiptNumber})` : ''}`;

/** Notice of inadmissibility naming each unmet criterion and the motivation. */
export function inadmissibleMail(a: MailApplication, v: { unmet: { title: string; comment: string }[]; motivation: string }): Mail {
  return composeMail({
    template: 'review.inadmissible', to: a.to,
    subject: `Candidature irrecevable : ${a.trainingTitle}`,
    paragraphs: [
      `Votre candidature ${ref(a)} à l’appel « ${a.callTitle} » a été examinée : elle est déclarée irrecevable.`,
      'Les critères de recevabilité suivants ne sont pas remplis :',
      ...v.unmet.map((c, i) => `${i + 1}. ${c.title} ${c.comment}`),
      `Motivation : ${v.motivation}`,
      'Tous les critères de recevabilité doivent être remplis pour que la candidature soit examinée par le comité de labellisation. Vous pourrez candidater à nouveau pour un prochain relevé ou un prochain appel.',
    ],
    action: { label: 'Voir la candidature', url: a.url },
  });
}

/** Request to correct named sections before a due date. */
export function correctionMail(a: MailApplication, v: { sections: string[]; message: string; dueOn: string }): Mail {
  return composeMail({
    template: 'review.correction_requested', to: a.to,
    subject: `Corrections demandées : ${a.trainingTitle}`,
    paragraphs: [
      `L’équipe de la Grande École du Numérique demande des corrections sur votre candidature ${ref(a)}.`,
      `Parties à corriger : ${v.sections.join(', ')}.`,
      `Message de l’instructeur : ${v.message}`,
      `Déposez à nouveau la candidature au plus tard le ${frenchDate(v.dueOn)}.`,
    ],
    action: { label: 'Corriger la candidature', url: a.url },
  });
}

/** Template of a decision mail per outcome. */
export const DECISION_TEMPLATES = { labelled: 'review.labelled', rejected: 'review.rejected', deferred: 'review.deferred' } as const;

/** The draft of a decision mail (subject and editable body, paragraphs separated by a blank line). */
export function decisionDraft(a: Omit<MailApplication, 'to' | 'url'>, v: { outcome: 'labelled' | 'rejected' | 'deferred'; motivation: string; labelNumber: string | null; seedGrant: number | null; nextCutoff: string | null }): { subject: string; body: string } {
  const grant = v.seedGrant ? `Le comité vous accorde une subvention d’amorçage de ${v.seedGrant.toLocaleString('fr-FR')} €.` : null;
  const paragraphs = v.outcome === 'labelled'
    ? [
      `Le comité de labellisation a décidé de labelliser la formation ${ref(a)}, candidate à l’appel « ${a.callTitle} ».`,
      `Numéro de label : ${v.labelNumber}.`,
      ...(grant ? [grant] : []),
      `Motivation : ${v.motivation}`,
      'Le label prendra effet à la signature de la convention de labellisation, pour une durée de 3 ans. Vous recevrez prochainement la convention à signer.',
    ]
    : v.outcome === 'deferred'
      ? [
        `Le comité de labellisation a examiné la candidature ${ref(a)} à l’appel « ${a.callTitle} » et a reporté sa décision${v.nextCutoff ? ` au ${v.nextCutoff}` : ''}.`,
        `Motivation : ${v.motivation}`,
        'Votre candidature reste en cours d’examen ; vous serez informé de la décision après la prochaine séance.',
      ]
      : [
        `Le comité de labellisation a examiné la candidature ${ref(a)} à l’appel « ${a.callTitle} » et ne l’a pas retenue.`,
        `Motivation : ${v.motivation}`,
        'Vous pourrez candidater à nouveau lors d’un prochain relevé ou d’un prochain appel.',
      ];
  const subject = v.outcome === 'labelled' ? `Formation labellisée : ${a.trainingTitle}` : v.outcome === 'deferred' ? `Décision reportée : ${a.trainingTitle}` : `Décision du comité : ${a.trainingTitle}`;
  return { subject, body: paragraphs.join('\n\n') };
}

/** The mail sent from a (possibly edited) draft. */
export function decisionMailFromDraft(d: { subject: string; body: string; outcome: 'labelled' | 'rejected' | 'deferred' }, to: string, url: string): Mail {
  return composeMail({
    template: DECISION_TEMPLATES[d.outcome], to, subject: d.subject,
    paragraphs: d.body.split(/\r?\n\s*\r?\n/).map((x) => x.trim()).filter(Boolean),
    action: { label: 'Voir la candidature', url },
  });
}
