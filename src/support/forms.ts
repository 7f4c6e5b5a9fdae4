/** The zod schemas of the support forms, with the French message of each field. */
import { z } from 'zod';
import { requiredText, optionalText, email } from '../platform/http/fields.js';
import { REQUESTER_KINDS, TOPICS, PRIORITIES } from './support.js';
import { EVENT_LABELS, type TicketEvent } from './support.states.js';

const version = z.coerce.number({ error: 'Rechargez la page.' }).int().min(1);

/** Step 1 of the contact page: who writes and about what. */
export const contactStepForm = z.object({
  profil: z.enum(REQUESTER_KINDS, { error: 'Indiquez qui vous êtes.' }),
  sujet: z.enum(TOPICS, { error: 'Choisissez le sujet de votre demande.' }),
});

/** Step 2: the message itself (the anti-spam fields are checked apart). */
export const contactForm = contactStepForm.extend({
  objet: requiredText('l’objet de votre demande', 150),
  message: requiredText('votre message', 5000),
  email,
  nom: optionalText(120),
  formation: z.string().trim().max(60).optional().default(''),
  formation_libre: optionalText(300),
  partage_identite: z.string().optional().transform((v) => v === 'oui'),
});

/** A message written through the private link or the requester's space. */
export const requesterReplyForm = z.object({ message: requiredText('votre message', 5000) });

/** A staff reply. */
export const staffReplyForm = z.object({
  reponse: requiredText('la réponse', 10000),
  apres: z.enum(['await_requester', 'resolve', 'keep'], { error: 'Choisissez ce que devient la demande après l’envoi.' }),
  version,
});

/** An internal note. */
export const noteForm = z.object({ note: requiredText('la note interne', 5000) });

/** A status change by button. */
export const statusForm = z.object({
  evenement: z.enum(Object.keys(EVENT_LABELS) as [TicketEvent, ...TicketEvent[]], { error: 'Action inconnue.' }),
  version,
});

/** Priority, assignee and topic. */
export const triageForm = z.object({
  priorite: z.enum(PRIORITIES, { error: 'Choisissez une priorité.' }),
  responsable: z.union([z.literal(''), z.uuid({ error: 'Choisissez une personne de la liste.' })]).default(''),
  sujet: z.enum(TOPICS, { error: 'Choisissez un sujet.' }),
  version,
});

/** Merging a duplicate into another ticket. */
export const mergeForm = z.object({
  cible: z.string({ error: 'Indiquez le numéro de la demande à conserver.' }).trim()
    .regex(/^GEN-T-\d{4}-\d{5}$/i, 'Indiquez le numéro de la demande à conserver, par exemple GEN-T-2025-00012.'),
  version,
});

/** The satisfaction question. */
export const satisfactionForm = z.object({
  note: z.coerce.number({ error: 'Choisissez une réponse.' }).int().min(1, 'Choisissez une réponse.').max(5, 'Choisissez une réponse.'),
  commentaire: optionalText(2000),
});

/** A help-centre article. */
export const articleForm = z.object({
  titre: requiredText('le titre', 150),
  adresse: z.string({ error: 'Renseignez l’adresse de l’article.' }).trim().toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'L’adresse ne peut contenir que des lettres sans accent, des chiffres et des tirets, par exemple « deposer-une-candidature ».').max(80, 'L’adresse ne doit pas dépasser 80 caractères.'),
  sujet: z.enum(TOPICS, { error: 'Choisissez le sujet de l’article.' }),
  contenu: requiredText('le contenu', 20000),
  publie: z.string().optional().transform((v) => v === 'oui'),
  ordre: z.coerce.number({ error: 'L’ordre est un nombre entier.' }).int('L’ordre est un nombre entier.').min(0).max(1000).default(100),
});

/** A saved reply. */
export const macroForm = z.object({ titre: requiredText('le titre', 120), contenu: requiredText('le texte', 10000) });
