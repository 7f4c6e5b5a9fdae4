/** Zod schemas of the review's forms, with French messages; each keeps which field failed. */
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../platform/http/fields.js';
import { isUuid } from '../platform/http/access.js';
import { areCorrectionParts } from './correction-parts.js';

const uuid = (message: string) => z.string({ error: message }).trim().refine((v) => isUuid(v), message).transform((v) => v.toLowerCase());
const list = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ''));

/** Assigning a reviewer. */
export const assignForm = z.object({ reviewerId: uuid('Choisissez un instructeur.') });

/** Declaring a conflict of interest. */
export const conflictForm = z.object({ reason: requiredText('la nature du lien avec l’organisme', 500) });

/** The admissibility outcome; the fields each outcome needs are checked together. */
export function admissibilityDecisionForm(today: string) {
  return z.object({
    outcome: z.enum(['admissible', 'inadmissible', 'correction'], { error: 'Choisissez une décision.' }),
    motivation: optionalText(5000),
    sections: list,
    message: optionalText(5000),
    dueOn: z.string().optional().default(''),
    version: z.coerce.number().int().nonnegative(),
  }).superRefine((v, ctx) => {
    if (v.outcome === 'inadmissible' && v.motivation === '') ctx.addIssue({ code: 'custom', path: ['motivation'], message: 'Motivez la décision d’irrecevabilité : ce texte figurera dans la notification.' });
    if (v.outcome !== 'correction') return;
    if (v.sections.length === 0) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'Cochez au moins une partie à corriger.' });
    else if (!areCorrectionParts(v.sections)) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'Une partie cochée n’existe pas.' });
    if (v.message === '') ctx.addIssue({ code: 'custom', path: ['message'], message: 'Expliquez au porteur ce qu’il doit corriger.' });
    const due = isoDate('la date limite').safeParse(v.dueOn);
    if (!due.success) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: due.error.issues[0]!.message });
    else if (v.dueOn <= today) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'La date limite doit être postérieure à aujourd’hui.' });
  });
}

/** Creating a committee meeting. */
export const meetingForm = z.object({
  cutoffId: uuid('Choisissez le relevé examiné.'),
  heldOn: isoDate('la date de la séance'),
  place: optionalText(300),
  members: list.pipe(z.array(uuid('Un membre choisi n’existe pas.')).min(1, 'Choisissez au moins un membre du comité.')),
});

/** A committee decision on one application. */
export const committeeDecisionForm = z.object({
  outcome: z.enum(['labelled', 'rejected'], { error: 'Choisissez la décision du comité.' }),
  motivation: requiredText('la motivation de la décision', 5000),
});
