/** The zod schemas of the inspection forms, with French messages. */
import { z } from 'zod';
import { requiredText, optionalText, isoDate } from '../platform/http/fields.js';
import { CONCLUSIONS, INSPECTION_KINDS } from './inspection.js';

const version = z.coerce.number({ error: 'Rechargez la page.' }).int().min(1);

/** Planning an inspection. */
export const planForm = z.object({
  label: z.uuid({ error: 'Choisissez le label de la formation à inspecter.' }),
  type: z.enum(INSPECTION_KINDS, { error: 'Indiquez si l’inspection a lieu sur site ou à distance.' }),
  date: isoDate('la date de l’inspection'),
  motif: requiredText('le motif de l’inspection', 3000),
  demande: z.union([z.literal(''), z.uuid()]).optional().default(''),
});

/** The report. */
export const reportForm = z.object({
  constats: requiredText('les constats', 20000),
  conclusion: z.enum(CONCLUSIONS, { error: 'Choisissez la conclusion de l’inspection.' }),
  message: optionalText(3000),
  version,
});

/** Cancelling. */
export const cancelForm = z.object({ motif_annulation: requiredText('le motif de l’annulation', 1000), version });
