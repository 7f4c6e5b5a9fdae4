/** The zod schema of each account form, with French messages, and the new-password check. */
import { z } from 'zod';
import { email, requiredText } from '../platform/http/fields.js';
import { validate, type FormResult, type FormValues } from '../platform/http/forms.js';
import { passwordProblem } from '../platform/auth/passwords.js';

const secret = (message: string) => z.string({ error: message }).min(1, message).max(1000, 'Ce champ est trop long.');

/** Sign-up: name, email, password twice. */
export const signUpForm = z.object({
  fullName: requiredText('vos prénom et nom', 120),
  email,
  password: secret('Renseignez un mot de passe.'),
  passwordConfirm: z.string().optional().default(''),
});

/** Login: email and password. */
export const loginForm = z.object({
  email,
  password: secret('Renseignez votre mot de passe.'),
});

/** Second step: a 6-digit code or a recovery code. */
export const codeForm = z.object({
  code: z.string({ error: 'Renseignez le code.' }).trim().min(1, 'Renseignez le code à 6 chiffres ou un code de secours.').max(40, 'Ce code est trop long.'),
});

/** Just an email (resend confirmation, forgotten password). */
export const emailForm = z.object({ email });

/** New password twice (reset). */
export const newPasswordForm = z.object({
  password: secret('Renseignez un nouveau mot de passe.'),
  passwordConfirm: z.string().optional().default(''),
});

/** Password change: the current one, then the new one twice. */
export const changePasswordForm = z.object({
  currentPassword: secret('Renseignez votre mot de passe actuel.'),
  password: secret('Renseignez un nouveau mot de passe.'),
  passwordConfirm: z.string().optional().default(''),
});

/** Change of address: the new one, and the current password. */
export const changeEmailForm = z.object({
  newEmail: email,
  currentPassword: secret('Renseignez votre mot de passe actuel.'),
});

/** An administrator resets someone's second factor: why. */
export const resetSecondFactorForm = z.object({
  motivation: requiredText('la motivation de la réinitialisation', 1000),
});

/**
 * Validates a form holding `password` and `passwordConfirm`, adding the password policy and the
 * confirmation check to the schema's field errors, so every problem is shown at once.
 */
export function validateWithNewPassword<S extends z.ZodType>(schema: S, values: FormValues, context: { email?: string; name?: string } = {}): FormResult<z.infer<S>> {
  const base = validate(schema, values);
  const errors: Record<string, string> = base.ok ? {} : { ...base.errors };
  const pw = typeof values.password === 'string' ? values.password : '';
  const confirm = typeof values.passwordConfirm === 'string' ? values.passwordConfirm : '';
  const mail = context.email ?? (typeof values.email === 'string' ? values.email : undefined);
  if (pw && !errors.password) {
    const problem = passwordProblem(pw, { email: mail, name: context.name });
    if (problem) errors.password = problem;
  }
  if (pw && !errors.password && confirm !== pw) {
    errors.passwordConfirm = confirm ? 'Les deux mots de passe ne sont pas identiques.' : 'Confirmez le mot de passe.';
  }
  if (base.ok && Object.keys(errors).length === 0) return base;
  return { ok: false, errors, values };
}
