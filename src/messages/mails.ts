/** Notifications of a new message, in French: to the organisation's members, or to the staff concerned. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { paragraphs } from './messages.js';

/** What the mails say about the application. */
interface AppInfo { trainingTitle: string; receiptNumber: string | null; organisationName: string }

const ref = (a: AppInfo) => `« ${a.trainingTitle} »${a.receiptNumber ? ` (récépissé n° ${a.receiptNumber})` : ''}`;

/** To a member of the organisation: the GEN team wrote. */
export function staffMessageMail(to: string, a: AppInfo, author: string, body: string, files: number, url: string): Mail {
  return composeMail({
    template: 'messages.from_staff',
    to,
    subject: `Nouveau message de l’équipe GEN : ${a.trainingTitle}`,
    paragraphs: [`${author} vous a écrit au sujet de la candidature ${ref(a)} :`, ...paragraphs(body).map((p) => p.replace(/\n/g, ' ')), ...(files ? [`${files} pièce(s) jointe(s) à consulter sur la plateforme.`] : [])],
    action: { label: 'Lire et répondre', url },
  });
}

/** To a reviewer: the organisation wrote (the body stays on the platform). */
export function organisationMessageMail(to: string, a: AppInfo, author: string, files: number, url: string): Mail {
  return composeMail({
    template: 'messages.from_organisation',
    to,
    subject: `Nouveau message de ${a.organisationName} : ${a.trainingTitle}`,
    paragraphs: [`${author} (${a.organisationName}) a écrit au sujet de la candidature ${ref(a)}${files ? `, avec ${files} pièce(s) jointe(s)` : ''}.`],
    action: { label: 'Lire le message', url },
  });
}
