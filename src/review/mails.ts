/** The review's mails to applicants, in French: inadmissibility notice, correction request, committee decision. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { frenchDate } from './review.js';

/** What every review mail names. */
export interface MailApplication { to: string; trainingTitle: string; receiptNumber: string | null; callTitle: string; url: string }

const ref = (a: MailApplication) => `« ${a.trainingTitle} »${a.receiptNumber ? ` (récépissé ${a.receiptNumber})` : ''}`;

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

/** The committee's decision with its motivation (and the label number when labelled). */
export function decisionMail(a: MailApplication, v: { outcome: 'labelled' | 'rejected'; motivation: string; labelNumber: string | null }): Mail {
  const labelled = v.outcome === 'labelled';
  return composeMail({
    template: labelled ? 'review.labelled' : 'review.rejected', to: a.to,
    subject: labelled ? `Formation labellisée : ${a.trainingTitle}` : `Décision du comité : ${a.trainingTitle}`,
    paragraphs: labelled
      ? [
        `Le comité de labellisation a décidé de labelliser la formation ${ref(a)}, candidate à l’appel « ${a.callTitle} ».`,
        `Numéro de label : ${v.labelNumber}.`,
        `Motivation : ${v.motivation}`,
        'Le label prendra effet à la signature de la convention de labellisation, pour une durée de 3 ans. Vous recevrez prochainement la convention à signer.',
      ]
      : [
        `Le comité de labellisation a examiné la candidature ${ref(a)} à l’appel « ${a.callTitle} » et ne l’a pas retenue.`,
        `Motivation : ${v.motivation}`,
        'Vous pourrez candidater à nouveau lors d’un prochain relevé ou d’un prochain appel.',
      ],
    action: { label: 'Voir la candidature', url: a.url },
  });
}
