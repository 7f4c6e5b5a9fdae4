/** The monitoring's mails to an organisation's admins, in French. */
import { composeMail, type Mail } from '../platform/mail/mail.js';
import { OBLIGATION_KIND_LABELS, type ObligationKind, type ReminderStage } from './obligations.js';
import { frDay } from './sessions.js';

/** What a reminder names. */
export interface ReminderFacts {
  to: string;
  kind: ObligationKind;
  year: number | null;
  dueOn: string;
  labelNumber: string;
  trainingTitle: string;
  sessionName: string | null;
  url: string;
}

const SUBJECT: Record<ReminderStage, string> = { 'J-7': 'Échéance dans 7 jours', J0: 'Échéance aujourd’hui', 'J+7': 'Échéance dépassée' };

/** A reminder J-7, J0 or J+7 of an obligation not yet done. */
export function reminderMail(f: ReminderFacts, stage: ReminderStage): Mail {
  const what = `${OBLIGATION_KIND_LABELS[f.kind]}${f.year ? ` ${f.year}` : ''}`;
  const of = `de la formation « ${f.trainingTitle} » (label ${f.labelNumber})${f.sessionName ? `, session « ${f.sessionName} »` : ''}`;
  const when = stage === 'J-7' ? `est à transmettre au plus tard le ${frDay(f.dueOn)}, dans 7 jours.`
    : stage === 'J0' ? `est à transmettre aujourd’hui, ${frDay(f.dueOn)}.`
    : `était à transmettre le ${frDay(f.dueOn)} et n’est toujours pas faite : l’obligation est en retard.`;
  return composeMail({
    template: `sessions.reminder.${stage}`, to: f.to,
    subject: `${SUBJECT[stage]} : ${what} – ${f.trainingTitle}`,
    paragraphs: [`${what} ${of} ${when}`, stage === 'J+7' ? 'Un retard répété peut conduire la Grande École du Numérique à engager une procédure de sanction.' : 'Vous trouverez toutes les échéances de votre organisme dans son calendrier.'],
    action: { label: 'Voir le calendrier des échéances', url: f.url },
  });
}
