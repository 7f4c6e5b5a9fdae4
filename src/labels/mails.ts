/** The labels domain's mails, in French: to an organisation's admins, and to the staff who countersign. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { frenchDay } from './label.js';
import type { LabelEvent } from './label.states.js';

/** What every label mail names. */
export interface MailLabel { to: string; number: string; trainingTitle: string; url: string }

const ref = (l: MailLabel) => `« ${l.trainingTitle} » (label ${l.number})`;

/** The convention is fully signed: the label is active. */
export function activatedMail(l: MailLabel, v: { validFrom: string; validUntil: string; firstSessionBy: string }): Mail {
  return composeMail({
    template: 'labels.activated', to: l.to,
    subject: `Label actif : ${l.trainingTitle}`,
    paragraphs: [
      `La convention de labellisation de la formation ${ref(l)} est signée par les deux parties : le label est actif.`,
      `Il est valable du ${frenchDay(v.validFrom)} au ${frenchDay(v.validUntil)} inclus.`,
      `La première session doit démarrer au plus tard le ${frenchDay(v.firstSessionBy)}.`,
    ],
    action: { label: 'Voir le label et la convention signée', url: l.url },
  });
}

/**
 * To staff who countersign: the organisation's admin has signed the convention, the label awaits
 * the GEN's countersignature to become active (the link opens the label's staff page).
 */
export function toCountersignMail(l: MailLabel & { organisationName: string }, v: { signerName: string; signedAt: string }): Mail {
  return composeMail({
    template: 'labels.to_countersign', to: l.to,
    subject: `Convention à contresigner : ${l.trainingTitle} (${l.number})`,
    paragraphs: [
      `${v.signerName}, pour ${l.organisationName}, a signé le ${v.signedAt} la convention de labellisation de la formation ${ref(l)}.`,
      'Le label ne devient actif qu’avec la contresignature de la Grande École du Numérique : sa durée de validité et le délai de démarrage de la première session courent à partir de cette date.',
      'Relisez la convention signée puis contresignez-la depuis la page du label.',
    ],
    action: { label: 'Contresigner la convention', url: l.url },
  });
}

const STATUS_SUBJECT: Partial<Record<LabelEvent, string>> = {
  suspend: 'Label suspendu', reinstate: 'Label rétabli', withdraw: 'Label retiré', terminate: 'Convention résiliée',
};
const STATUS_TEXT: Partial<Record<LabelEvent, string>> = {
  suspend: 'La Grande École du Numérique a suspendu le label de la formation',
  reinstate: 'La Grande École du Numérique a rétabli le label de la formation',
  withdraw: 'La Grande École du Numérique a retiré le label de la formation',
  terminate: 'La convention de labellisation est résiliée pour la formation',
};

/** A staff decision on the label's status, with its motivation. */
export function statusMail(l: MailLabel, event: LabelEvent, motivation: string): Mail {
  return composeMail({
    template: `labels.${event}`, to: l.to,
    subject: `${STATUS_SUBJECT[event] ?? 'Label modifié'} : ${l.trainingTitle}`,
    paragraphs: [`${STATUS_TEXT[event] ?? 'Le statut du label a changé pour la formation'} ${ref(l)}.`, `Motivation : ${motivation}`],
    action: { label: 'Voir le label', url: l.url },
  });
}

/** The amicable termination the organisation asked for is refused. */
export function terminationRefusedMail(l: MailLabel, motivation: string): Mail {
  return composeMail({
    template: 'labels.termination_refused', to: l.to,
    subject: `Demande de résiliation refusée : ${l.trainingTitle}`,
    paragraphs: [`Votre demande de résiliation amiable de la convention de la formation ${ref(l)} n’est pas acceptée : le label reste actif.`, `Motivation : ${motivation}`],
    action: { label: 'Voir le label', url: l.url },
  });
}

/** Six months before the end: apply again to renew the label. */
export function renewalMail(l: MailLabel, v: { validUntil: string; renewUrl: string }): Mail {
  return composeMail({
    template: 'labels.renewal_invitation', to: l.to,
    subject: `Renouvellement du label : ${l.trainingTitle}`,
    paragraphs: [
      `Le label de la formation ${ref(l)} prend fin le ${frenchDay(v.validUntil)}.`,
      'Pour continuer à former sous le label Grande École du Numérique, déposez une nouvelle candidature pour cette formation : le renouvellement est ouvert au terme de la convention.',
    ],
    action: { label: 'Préparer la candidature de renouvellement', url: v.renewUrl },
  });
}
