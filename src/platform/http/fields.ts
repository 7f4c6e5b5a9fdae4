/** Reusable zod field rules with French messages. */
import { z } from 'zod';

/** A required trimmed text of at most `max` characters. */
export const requiredText = (label: string, max = 200) =>
  z.string({ error: `Renseignez ${label}.` }).trim().min(1, `Renseignez ${label}.`).max(max, `${capitalize(label)} ne doit pas dépasser ${max} caractères.`);

/** An optional trimmed text ('' allowed). */
export const optionalText = (max = 2000) => z.string().trim().max(max, `Ce texte ne doit pas dépasser ${max} caractères.`).optional().default('');

/** An email address. */
export const email = z
  .string({ error: 'Renseignez une adresse électronique.' })
  .trim()
  .min(1, 'Renseignez une adresse électronique.')
  .max(254, 'L’adresse électronique est trop longue.')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.')
  .transform((v) => v.toLowerCase());

/** A date typed as YYYY-MM-DD (the format of <input type=date>). */
export const isoDate = (label: string) =>
  z.string({ error: `Renseignez ${label}.` }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, `Saisissez ${label} au format JJ/MM/AAAA.`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${capitalize(label)} n’existe pas.`);

/** A French phone number (10 digits, or +33…). */
export const phone = z.string({ error: 'Renseignez un numéro de téléphone.' }).trim()
  .transform((v) => v.replace(/[\s.\-()]/g, ''))
  .refine((v) => /^(0\d{9}|\+\d{8,15})$/.test(v), 'Saisissez un numéro de téléphone valide, par exemple 01 22 33 44 55.');

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
