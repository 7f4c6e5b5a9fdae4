/** Mails of inspections to the organisation's admins: never the reason (it may name a complainant). */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { CONCLUSION_LABELS, KIND_LABELS, frenchDay, type Conclusion, type InspectionKind } from './inspection.js';

/** What a mail needs. */
interface Info { number: string; trainingTitle: string; kind: InspectionKind; plannedOn: string }

const page = (baseUrl: string, orgId: string) => `${baseUrl}/organisations/${orgId}/inspections`;

/** An inspection was planned. */
export function plannedMail(to: string, i: Info, baseUrl: string, orgId: string): Mail {
  return composeMail({
    template: 'inspections.planned', to,
    subject: `Inspection prévue le ${frenchDay(i.plannedOn)} : formation labellisée ${i.number}`,
    paragraphs: [
      `L’équipe de suivi-évaluation de la Grande École du Numérique prévoit une inspection (${KIND_LABELS[i.kind].toLowerCase()}) de la formation « ${i.trainingTitle} » (label ${i.number}) le ${frenchDay(i.plannedOn)}.`,
      'Elle vous contactera pour en préciser les modalités et les documents à tenir à disposition (listes d’émargement, attestations, supports de cours).',
    ],
    action: { label: 'Voir les inspections de l’organisme', url: page(baseUrl, orgId) },
  });
}

/** The report was recorded: its conclusion. */
export function reportedMail(to: string, i: Info, conclusion: Conclusion, message: string, baseUrl: string, orgId: string): Mail {
  return composeMail({
    template: 'inspections.reported', to,
    subject: `Conclusion de l’inspection du ${frenchDay(i.plannedOn)} : ${CONCLUSION_LABELS[conclusion]}`,
    paragraphs: [
      `L’inspection de la formation « ${i.trainingTitle} » (label ${i.number}) du ${frenchDay(i.plannedOn)} conclut : ${CONCLUSION_LABELS[conclusion]}.`,
      ...(message ? [message] : []),
    ],
    action: { label: 'Voir la conclusion', url: page(baseUrl, orgId) },
  });
}

/** The inspection was cancelled. */
export function cancelledMail(to: string, i: Info, baseUrl: string, orgId: string): Mail {
  return composeMail({
    template: 'inspections.cancelled', to,
    subject: `Inspection du ${frenchDay(i.plannedOn)} annulée : label ${i.number}`,
    paragraphs: [`L’inspection de la formation « ${i.trainingTitle} » (label ${i.number}) prévue le ${frenchDay(i.plannedOn)} est annulée.`],
    action: { label: 'Voir les inspections de l’organisme', url: page(baseUrl, orgId) },
  });
}
