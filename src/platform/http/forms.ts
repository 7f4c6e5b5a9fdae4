/**
 * One result type for every form, and the parsing of a submitted form through its zod schema:
 * field errors keep which field failed, values are kept for the re-display.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './context.js';

/** Values as typed by the user, by field name. */
export type FormValues = Record<string, string | string[] | undefined>;

/** The outcome of a form submission. */
export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: Record<string, string>; values: FormValues };

/** Reads the submitted fields (url-encoded or multipart) as strings; files are left out. */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Validates values with a schema; the first message of each field is kept, in French. */
export function validate<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '_form');
    if (!errors[key]) errors[key] = issue.message;
  }
  return { ok: false, errors, values };
}

/** readForm + validate. */
export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<z.infer<S>>> {
  return validate(schema, await readForm(c));
}
