/** Zod schemas of the consultation forms, with French messages. */
import { z } from 'zod';
import { email, isoDate, optionalText, requiredText } from '../platform/http/fields.js';
import { OPINIONS } from './consultations.js';

const yesNo = (message: string) => z.enum(['oui', 'non'], { error: message }).transform((v) => v === 'oui');

/** The partner's answer through the link. */
export const partnerAnswerForm = z.object({
  partnership: yesNo('Indiquez si vous êtes partenaire de cette formation.'),
  commitment: yesNo('Indiquez si vous confirmez l’engagement décrit.'),
  comment: optionalText(2000),
});

/** A phone answer recorded by a reviewer. */
export const phoneAnswerForm = z.object({
  partnerKey: z.string({ error: 'Choisissez le partenaire.' }).trim().min(1, 'Choisissez le partenaire.'),
  partnership: yesNo('Indiquez si le partenaire confirme le partenariat.'),
  commitment: yesNo('Indiquez si le partenaire confirme l’engagement.'),
  comment: optionalText(2000),
  motivation: requiredText('le motif de l’enregistrement par téléphone', 1000),
});

/** Asking the Régions, with a due date after today. */
export function regionRequestForm(today: string) {
  return z.object({
    dueOn: isoDate('la date d’échéance').refine((v) => v > today, 'La date d’échéance doit être postérieure à aujourd’hui.'),
  });
}

/** The Région's opinion; a reserved or unfavourable opinion needs a comment. */
export const regionAnswerForm = z.object({
  opinion: z.enum(OPINIONS as [string, ...string[]], { error: 'Choisissez l’avis de la Région.' }),
  respondentName: requiredText('vos nom et fonction', 200),
  comment: optionalText(3000),
}).superRefine((v, ctx) => {
  if (v.opinion !== 'favourable' && v.comment === '') ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Expliquez en commentaire la raison d’un avis réservé ou défavorable.' });
});

/** Sending a partner a new link: which request, an optional corrected address, an optional motivation. */
export const partnerResendForm = z.object({
  resendPartner: z.string({ error: 'Choisissez le partenaire.' }).trim().min(1, 'Choisissez le partenaire.'),
  resendEmail: z.string().trim().optional().default('').pipe(z.union([z.literal(''), email])),
  resendMotivation: optionalText(1000),
});

/** Asking a Région again: which request, a new due date after today, an optional motivation. */
export function regionResendForm(today: string) {
  return z.object({
    resendRegion: z.string({ error: 'Choisissez la Région.' }).trim().min(1, 'Choisissez la Région.'),
    resendDueOn: isoDate('la nouvelle date d’échéance').refine((v) => v > today, 'La nouvelle échéance doit être postérieure à aujourd’hui.'),
    regionResendMotivation: optionalText(1000),
  });
}
