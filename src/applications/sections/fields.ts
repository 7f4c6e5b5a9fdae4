/**
 * The field vocabulary of application sections and its zod rules with French messages: French
 * numbers ("1 200,5"), no negatives, dates typed either way, bounded texts. An empty field is
 * valid here (a draft may be incomplete); completeness is judged separately.
 */
import { z } from 'zod';

/** Kinds of fields a section may hold. */
export type FieldKind = 'text' | 'textarea' | 'number' | 'integer' | 'percent' | 'date' | 'choice' | 'email' | 'phone';

/** One option of a choice. */
export interface Option { value: string; label: string }

/** A field of a section (or of a repeatable row). */
export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  /** Required for completeness (default true). */
  required?: boolean;
  /** Required only when another field of the section has one of these values. */
  requiredIf?: { field: string; in: string[] };
  /** Maximum length of a text (defaults: 200 for text, 5,000 for textarea). */
  max?: number;
  /** Options of a choice; 'jobFamilies' takes the call's families. */
  options?: Option[] | 'jobFamilies';
  /** Unit shown after numbers, e.g. "heures". */
  unit?: string;
}

/** What a section's fields may depend on: the call's job families. */
export interface FieldContext { jobFamilies: Option[] }

/** Yes / no options. */
export const YES_NO: Option[] = [{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }];

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Parses a number typed the French way ("1 200,5", "1200.5"); null when it is not a number. */
export function parseFrenchNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/^\+/, '');
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/** Parses a date typed as AAAA-MM-JJ (date input) or JJ/MM/AAAA; null when it does not exist. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1900 || y > 2200) return null;
  return dt.toISOString().slice(0, 10);
}

/** Default maximum length of a field. */
export function maxLength(f: FieldDef): number {
  return f.max ?? (f.kind === 'textarea' ? 5000 : 200);
}

function numberRule(f: FieldDef, integer: boolean, maxValue?: number) {
  const what = lower(f.label);
  return z.string().transform((raw, ctx) => {
    const n = parseFrenchNumber(raw);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: `Saisissez ${what} sous forme de nombre${integer ? ' entier' : ''}, par exemple ${integer ? '12' : '1 200,5'}.` });
      return z.NEVER;
    }
    if (n < 0) { ctx.addIssue({ code: 'custom', message: `${f.label} ne peut pas être négatif.` }); return z.NEVER; }
    if (integer && !Number.isInteger(n)) { ctx.addIssue({ code: 'custom', message: `${f.label} doit être un nombre entier.` }); return z.NEVER; }
    if (maxValue !== undefined && n > maxValue) { ctx.addIssue({ code: 'custom', message: `${f.label} ne peut pas dépasser ${maxValue.toLocaleString('fr-FR')}.` }); return z.NEVER; }
    if (n > 1e9) { ctx.addIssue({ code: 'custom', message: `${f.label} est trop grand.` }); return z.NEVER; }
    return n;
  });
}

/** The zod rule of a non-empty value of this field (empty values never reach it). */
export function fieldSchema(f: FieldDef, ctx: FieldContext): z.ZodType<unknown, string> {
  const max = maxLength(f);
  const what = lower(f.label);
  switch (f.kind) {
    case 'number': return numberRule(f, false);
    case 'integer': return numberRule(f, true);
    case 'percent': return numberRule(f, false, 100);
    case 'date': return z.string().transform((raw, c) => {
      const d = parseDate(raw);
      if (!d) { c.addIssue({ code: 'custom', message: `Saisissez ${what} au format JJ/MM/AAAA, par exemple 01/09/2026.` }); return z.NEVER; }
      return d;
    });
    case 'choice': {
      const options = f.options === 'jobFamilies' ? ctx.jobFamilies : (f.options ?? []);
      return z.string().refine((v) => options.some((o) => o.value === v), `Choisissez ${what} dans la liste.`);
    }
    case 'email': return z.string().max(254, 'L’adresse électronique est trop longue.')
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.').transform((v) => v.toLowerCase());
    case 'phone': return z.string().transform((v) => v.replace(/[\s.\-()]/g, ''))
      .refine((v) => /^(0\d{9}|\+\d{8,15})$/.test(v), 'Saisissez un numéro de téléphone valide, par exemple 01 22 33 44 55.');
    default: return z.string().max(max, `${f.label} ne doit pas dépasser ${max.toLocaleString('fr-FR')} caractères.`);
  }
}

/** Whether a length overflow makes the value unsafe to store (it is then refused, not saved). */
export function isOversized(f: FieldDef, raw: string): boolean {
  return raw.length > (f.kind === 'text' || f.kind === 'textarea' ? maxLength(f) : 254);
}
