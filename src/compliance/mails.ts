/** Mails of compliance to an organisation's admins, in French. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { MEASURE_LABELS, frDate, type SanctionMeasure } from './sanctions.js';

interface To { to: string; trainingTitle: string; number: string; url: string }

/** A contradictory procedure is opened: grounds, measure considered, answer period. */
export function noticeMail(t: To, v: { measure: SanctionMeasure; grounds: string; answerDueOn: string }): Mail {
  return composeMail({
    template: 'compliance.notice', to: t.to,
    subject: `Procédure contradictoire : ${t.trainingTitle}`,
    paragraphs: [
      `La Grande École du Numérique envisage la mesure suivante pour la formation « ${t.trainingTitle} » (label ${t.number}) : ${MEASURE_LABELS[v.measure].toLowerCase()}.`,
      `Griefs : ${v.grounds}`,
      `Vous pouvez répondre sur la plateforme jusqu’au ${frDate(v.answerDueOn)} inclus. Aucune décision ne sera prise avant votre réponse ou l’expiration de ce délai.`,
    ],
    action: { label: 'Répondre aux griefs', url: t.url },
  });
}

/** The decision closing a procedure. */
export function decisionMail(t: To, v: { measure: SanctionMeasure; applied: boolean; motivation: string }): Mail {
  return composeMail({
    template: 'compliance.decision', to: t.to,
    subject: `Décision de la procédure contradictoire : ${t.trainingTitle}`,
    paragraphs: [
      v.applied ? `La mesure « ${MEASURE_LABELS[v.measure]} » est prononcée pour la formation « ${t.trainingTitle} » (label ${t.number}).`
        : `La procédure contradictoire ouverte pour la formation « ${t.trainingTitle} » (label ${t.number}) est close sans mesure.`,
      `Motivation : ${v.motivation}`,
    ],
    action: { label: 'Voir la procédure', url: t.url },
  });
}

/** Staff returned an annual report: what to complete. */
export function reportReturnedMail(t: To, v: { year: number; motivation: string }): Mail {
  return composeMail({
    template: 'compliance.report_returned', to: t.to,
    subject: `Bilan annuel ${v.year} à compléter : ${t.trainingTitle}`,
    paragraphs: [
      `L’équipe de la Grande École du Numérique vous renvoie le bilan annuel ${v.year} de la formation « ${t.trainingTitle} » (label ${t.number}) pour compléments.`,
      `Motivation : ${v.motivation}`,
      'Le bilan reste à transmettre : complétez-le puis transmettez-le de nouveau.',
    ],
    action: { label: 'Compléter le bilan', url: t.url },
  });
}
