/** The consultations' mails, in French: requests and reminders to partners and Régions, each with its personal link. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { frenchDay } from './consultations.js';

/** What the mails say of the application. */
export interface AppInfo { trainingTitle: string; organisationName: string; receiptNumber: string | null }

const RENEWED = 'Le lien de notre précédente demande n’est plus valable : voici un nouveau lien personnel, qui remplace l’ancien.';
const SAFE = 'Ce lien vous est personnel : il ne donne accès qu’à cette question. Ne le transmettez pas.';

/** Request (or reminder) to a partner to confirm the partnership and its commitment. */
export function partnerMail(v: { to: string; contactName: string; partnerName: string; app: AppInfo; commitment: string; hiringPromises: number | null; url: string; expiresOn: string; reminder: boolean; renewed?: boolean }): Mail {
  return composeMail({
    template: v.reminder ? 'consultations.partner_reminder' : v.renewed ? 'consultations.partner_new_link' : 'consultations.partner_request',
    to: v.to,
    greeting: v.contactName ? `Bonjour ${v.contactName},` : undefined,
    subject: `${v.reminder ? 'Rappel : ' : v.renewed ? 'Nouveau lien : ' : ''}confirmez votre partenariat avec ${v.app.organisationName}`,
    paragraphs: [
      ...(v.reminder ? ['Nous n’avons pas encore reçu votre réponse à notre demande de la semaine dernière.'] : []),
      ...(v.renewed ? [RENEWED] : []),
      `${v.app.organisationName} a déposé une candidature au label Grande École du Numérique pour la formation « ${v.app.trainingTitle} » et y cite ${v.partnerName} comme partenaire.`,
      `Engagement décrit par l’organisme : « ${v.commitment || 'non précisé'} »${v.hiringPromises ? ` (${v.hiringPromises} promesse(s) d’embauche)` : ''}.`,
      'Pouvez-vous nous confirmer, ou non, ce partenariat et cet engagement ? Cela prend une minute, sans créer de compte.',
    ],
    action: { label: 'Répondre à la demande', url: v.url },
    after: [`Ce lien est valable jusqu’au ${frenchDay(v.expiresOn)}.`, SAFE],
  });
}

/** Request (or reminder) to a Région for its opinion on a training located on its territory. */
export function regionMail(v: { to: string; regionName: string; app: AppInfo; url: string; dueOn: string; reminder: boolean; renewed?: boolean }): Mail {
  return composeMail({
    template: v.reminder ? 'consultations.region_reminder' : v.renewed ? 'consultations.region_new_link' : 'consultations.region_request',
    to: v.to,
    subject: `${v.reminder ? 'Rappel : ' : v.renewed ? 'Nouveau lien : ' : ''}avis de la Région ${v.regionName} sur une candidature au label GEN`,
    paragraphs: [
      ...(v.reminder ? [`L’avis de la Région est attendu avant le ${frenchDay(v.dueOn)} et nous ne l’avons pas encore reçu.`] : []),
      ...(v.renewed ? [`${RENEWED} Le comité attend toujours l’avis de la Région.`] : []),
      `${v.app.organisationName} candidate au label Grande École du Numérique pour la formation « ${v.app.trainingTitle} »${v.app.receiptNumber ? ` (récépissé n° ${v.app.receiptNumber})` : ''}, dont un lieu de formation se trouve en ${v.regionName}.`,
      `Le comité de labellisation souhaite connaître l’avis de la Région (favorable, réservé ou défavorable, avec un commentaire) avant le ${frenchDay(v.dueOn)}.`,
    ],
    action: { label: 'Donner l’avis de la Région', url: v.url },
    after: [SAFE],
  });
}
