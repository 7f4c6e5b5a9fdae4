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

/**
 * The declaration an assigned reviewer makes before seeing an application: no tie (nothing more to
 * write), or a conflict of interest (its nature required, as on the conflict form).
 */
export const declarationForm = z.object({
  choice: z.enum(['none', 'conflict'], { error: 'Choisissez votre déclaration : aucun lien d’intérêt, ou un conflit d’intérêts.' }),
  reason: optionalText(500),
}).superRefine((v, ctx) => {
  if (v.choice === 'conflict' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Renseignez la nature du lien avec l’organisme ou ses partenaires.' });
});

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

/** A committee decision on one application (motivation always; seed grant in whole euros, labelled only). */
export const committeeDecisionForm = z.object({
  outcome: z.enum(['labelled', 'rejected', 'deferred'], { error: 'Choisissez la décision du comité.' }),
  motivation: requiredText('la motivation de la décision', 5000),
  seedGrant: z.string().optional().default('').transform((v) => v.replace(/[\s\u202f€]/g, '')).refine((v) => v === '' || /^\d{1,9}$/.test(v), 'La subvention d’amorçage est un nombre entier d’euros, par exemple 15000.')
    .transform((v) => (v === '' ? 0 : Number(v))),
});

/** Editing a decision mail of the outbox. */
export const decisionMailForm = z.object({
  subject: requiredText('l’objet du courrier', 200),
  body: requiredText('le texte du courrier', 10_000),
});

/** A reviewer group. */
export const groupForm = z.object({
  name: requiredText('le nom du groupe', 120),
  regions: list.pipe(z.array(z.string().regex(/^\d{2,3}$/, 'Une région choisie n’existe pas.')).min(1, 'Choisissez au moins une région couverte par le groupe.')),
  members: list.pipe(z.array(uuid('Un membre choisi n’existe pas.')).min(1, 'Choisissez au moins un membre.')),
  leadId: z.string().optional().default('').refine((v) => v === '' || isUuid(v), 'Choisissez le responsable parmi les membres.').transform((v) => (v === '' ? null : v.toLowerCase())),
});

const decimal = (label: string, min: number, max: number) => z.string({ error: `Renseignez ${label}.` }).trim().min(1, `Renseignez ${label}.`)
  .transform((v) => Number(v.replace(',', '.'))).refine((n) => Number.isFinite(n) && n >= min && n <= max, `${label[0]!.toUpperCase()}${label.slice(1)} doit être compris entre ${min} et ${max}.`);

/** The review settings of a call. */
export const settingsForm = z.object({
  discussionGap: decimal('l’écart de discussion', 0, 10),
  reviewersPerApplication: decimal('le nombre d’instructeurs par candidature', 1, 5).refine((n) => Number.isInteger(n), 'Le nombre d’instructeurs par candidature est un nombre entier.'),
  seedGrantMaxPercent: decimal('la part maximale du budget', 0, 100),
});

/** A tag of the managed list. */
export const tagForm = z.object({ label: requiredText('le libellé de l’étiquette', 60), colour: z.string({ error: 'Choisissez une couleur.' }).trim().min(1, 'Choisissez une couleur.') });

/** Putting a tag on one application. */
export const applyTagForm = z.object({ tagId: uuid('Choisissez une étiquette.') });

/** Saving the current filters. */
export const viewForm = z.object({ name: requiredText('le nom de la vue', 80), query: z.string().trim().max(2000).optional().default('') });

/** A bulk action on a selection of the workspace. */
export const bulkForm = z.object({
  action: z.enum(['assign', 'auto', 'tag', 'message', 'export'], { error: 'Choisissez une action.' }),
  ids: list.pipe(z.array(uuid('Une candidature choisie n’existe pas.')).min(1, 'Cochez au moins une candidature.')),
  reviewerId: z.string().optional().default(''),
  tagId: z.string().optional().default(''),
  body: optionalText(5000),
  back: z.string().optional().default(''),
}).superRefine((v, ctx) => {
  if (v.action === 'assign' && !isUuid(v.reviewerId)) ctx.addIssue({ code: 'custom', path: ['reviewerId'], message: 'Choisissez l’instructeur à affecter.' });
  if (v.action === 'tag' && !isUuid(v.tagId)) ctx.addIssue({ code: 'custom', path: ['tagId'], message: 'Choisissez l’étiquette à poser.' });
  if (v.action === 'message' && v.body === '') ctx.addIssue({ code: 'custom', path: ['body'], message: 'Écrivez le message à envoyer.' });
});
