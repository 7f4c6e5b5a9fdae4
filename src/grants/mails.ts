/** Mails of seed grants to the organisation's admins, in French. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { conditionText, eurosFromCents, type TrancheCondition } from './grants.js';

/** Who the mail goes to and about which label. */
export interface GrantMailTo { to: string; trainingTitle: string; number: string; url: string }
/** The tranche a mail is about. */
export interface GrantMailTranche { title: string; sessionRank: number; condition: TrancheCondition; amountCents: number }

const name = (t: GrantMailTranche) => `« ${t.title} » (${conditionText(t).toLowerCase()}) de ${eurosFromCents(t.amountCents)}`;

/** A tranche's condition is met: it will be paid. */
export function payableMail(to: GrantMailTo, t: GrantMailTranche): Mail {
  return composeMail({
    template: 'grants.payable', to: to.to,
    subject: `Subvention d’amorçage : une tranche est à verser – ${to.trainingTitle}`,
    paragraphs: [
      `La condition de la tranche ${name(t)} de la subvention d’amorçage de la formation « ${to.trainingTitle} » (label ${to.number}) est remplie.`,
      'La Grande École du Numérique va procéder au versement ; vous recevrez un courriel avec sa date et sa référence.',
    ],
    action: { label: 'Voir la subvention d’amorçage', url: to.url },
  });
}

/** A tranche was paid. */
export function paidMail(to: GrantMailTo, t: GrantMailTranche, v: { paidOn: string; reference: string; motivation: string }): Mail {
  return composeMail({
    template: 'grants.paid', to: to.to,
    subject: `Subvention d’amorçage : tranche versée – ${to.trainingTitle}`,
    paragraphs: [
      `La tranche ${name(t)} de la subvention d’amorçage de la formation « ${to.trainingTitle} » (label ${to.number}) a été versée le ${v.paidOn.split('-').reverse().join('/')}.`,
      `Référence du paiement : ${v.reference}.`,
      ...(v.motivation ? [`Observation : ${v.motivation}`] : []),
    ],
    action: { label: 'Voir la subvention d’amorçage', url: to.url },
  });
}

/** Tranches were withheld (by a staff decision or a sanction). */
export function withheldMail(to: GrantMailTo, ts: GrantMailTranche[], motivation: string): Mail {
  return composeMail({
    template: 'grants.withheld', to: to.to,
    subject: `Subvention d’amorçage : ${ts.length > 1 ? 'tranches retenues' : 'tranche retenue'} – ${to.trainingTitle}`,
    paragraphs: [
      `La Grande École du Numérique retient ${ts.length > 1 ? 'les tranches suivantes' : 'la tranche suivante'} de la subvention d’amorçage de la formation « ${to.trainingTitle} » (label ${to.number}) :`,
      ...ts.map((t) => `– ${name(t)}`),
      `Motivation : ${motivation}`,
    ],
    action: { label: 'Voir la subvention d’amorçage', url: to.url },
  });
}
