/** The mails of the support desk, composed in French; every mail to the requester carries a fresh private link. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { TOPIC_SHORT, LINK_DAYS_AFTER_CLOSE, type Topic } from './support.js';

/** What a mail needs to know of the ticket. */
interface TicketInfo { number: string; subject: string; email: string; topic: Topic }

const followLink = (baseUrl: string, token: string) => `${baseUrl}/demande/${token}`;

/** Acknowledgement: the ticket number and the private link. */
export function acknowledgementMail(t: TicketInfo, baseUrl: string, token: string, dueLabel: string): Mail {
  return composeMail({
    template: 'support.acknowledgement',
    to: t.email,
    subject: `Votre demande ${t.number} a bien été reçue`,
    paragraphs: [
      `Nous avons bien reçu votre demande « ${t.subject} » (${TOPIC_SHORT[t.topic].toLowerCase()}). Son numéro est ${t.number} : rappelez-le si vous nous écrivez.`,
      `L’équipe de la Grande École du Numérique vous répondra au plus tard le ${dueLabel} (jours ouvrés).`,
      'Le lien ci-dessous vous permet de suivre votre demande et d’y répondre sans créer de compte. Ne le transmettez pas : toute personne qui l’a peut lire la demande.',
    ],
    action: { label: 'Suivre ma demande', url: followLink(baseUrl, token) },
    after: [`Ce lien reste valable jusqu’à ${LINK_DAYS_AFTER_CLOSE} jours après la clôture de la demande.`],
  });
}

/** A staff reply, quoted in full, with the link to answer. */
export function replyMail(t: TicketInfo, baseUrl: string, token: string, body: string, inbound = false): Mail {
  return composeMail({
    template: 'support.reply',
    to: t.email,
    subject: `Réponse à votre demande ${t.number}`,
    paragraphs: [`L’équipe de la Grande École du Numérique a répondu à votre demande « ${t.subject} » :`, ...body.split(/\n{2,}/).map((p) => p.replace(/\n/g, ' '))],
    action: { label: 'Voir la demande et répondre', url: followLink(baseUrl, token) },
    after: inbound ? [`Vous pouvez aussi répondre directement à ce courriel, depuis l’adresse ${t.email}, en gardant le numéro ${t.number} dans l’objet : votre réponse sera ajoutée à la demande.`] : undefined,
  });
}

/** The ticket is resolved: the requester may still answer (it reopens). */
export function resolvedMail(t: TicketInfo, baseUrl: string, token: string): Mail {
  return composeMail({
    template: 'support.resolved',
    to: t.email,
    subject: `Votre demande ${t.number} est résolue`,
    paragraphs: [`Nous considérons votre demande « ${t.subject} » comme résolue.`, 'Si ce n’est pas le cas, répondez depuis le lien ci-dessous : la demande sera rouverte.'],
    action: { label: 'Voir la demande', url: followLink(baseUrl, token) },
  });
}

/** The ticket is closed: the satisfaction question. */
export function closedMail(t: TicketInfo, baseUrl: string, token: string): Mail {
  return composeMail({
    template: 'support.closed',
    to: t.email,
    subject: `Votre demande ${t.number} est clôturée : votre avis nous intéresse`,
    paragraphs: [`Votre demande « ${t.subject} » est clôturée.`, 'Êtes-vous satisfait de la réponse apportée ? Une question, un clic, et un commentaire si vous le souhaitez.'],
    action: { label: 'Donner mon avis', url: `${followLink(baseUrl, token)}#avis` },
    after: [`Ce lien reste valable ${LINK_DAYS_AFTER_CLOSE} jours. Pour une nouvelle question, écrivez-nous depuis la page de contact.`],
  });
}

/** The duplicate was merged into another ticket. */
export function mergedMail(t: TicketInfo, into: string, baseUrl: string, token: string): Mail {
  return composeMail({
    template: 'support.merged',
    to: t.email,
    subject: `Votre demande ${t.number} est regroupée avec la demande ${into}`,
    paragraphs: [`Votre demande « ${t.subject} » portait sur le même sujet que la demande ${into}. Nous les avons regroupées pour vous répondre une seule fois.`],
    action: { label: 'Suivre la demande', url: followLink(baseUrl, token) },
  });
}

/** Notice to the assignee that the requester answered. */
export function requesterAnsweredMail(to: string, t: TicketInfo, baseUrl: string, ticketId: string): Mail {
  return composeMail({
    template: 'support.requester_answered',
    to,
    subject: `Nouvelle réponse du demandeur : ${t.number}`,
    paragraphs: [`Le demandeur a répondu à la demande ${t.number} « ${t.subject} » qui vous est attribuée.`],
    action: { label: 'Ouvrir la demande', url: `${baseUrl}/gestion/support/${ticketId}` },
  });
}
