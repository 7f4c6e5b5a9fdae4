/**
 * Anti-spam checks that cost people nothing: a honeypot field that only robots fill, and a signed
 * timestamp telling how long the form has been open (too fast means a robot; a forged or very old
 * stamp is refused). Pure functions; the secret is config.appSecret.
 */
import crypto from 'node:crypto';
import { safeEqual } from '../platform/auth/tokens.js';

/** Name of the honeypot field (robots fill fields that look like a web site). */
export const HONEYPOT_FIELD = 'site_web';
/** Name of the signed timestamp field. */
export const STAMP_FIELD = 'horodatage';
/** A person needs at least this long to fill the contact form. */
export const MIN_FILL_SECONDS = 4;
/** A stamp older than this is refused (the page must be reloaded). */
export const MAX_STAMP_HOURS = 24;

function sign(secret: string, purpose: string, ms: number): string {
  return crypto.createHmac('sha256', secret).update(`${purpose}:${ms}`).digest('base64url');
}

/** A stamp for a form shown now: "<ms>.<hmac>". */
export function issueStamp(secret: string, purpose: string, now: Date): string {
  const ms = now.getTime();
  return `${ms}.${sign(secret, purpose, ms)}`;
}

/** Verdict of the anti-spam checks. */
export type SpamVerdict = 'ok' | 'honeypot' | 'forged' | 'too_fast' | 'expired';

/** Checks the honeypot and the stamp of a submitted form. */
export function checkSubmission(secret: string, purpose: string, values: { honeypot?: string; stamp?: string }, now: Date): SpamVerdict {
  if ((values.honeypot ?? '').trim() !== '') return 'honeypot';
  const m = /^(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(values.stamp ?? '');
  if (!m) return 'forged';
  const ms = Number(m[1]);
  if (!safeEqual(m[2]!, sign(secret, purpose, ms))) return 'forged';
  const age = now.getTime() - ms;
  if (age < MIN_FILL_SECONDS * 1000) return 'too_fast';
  if (age > MAX_STAMP_HOURS * 3_600_000) return 'expired';
  return 'ok';
}

/** The French message shown when a submission is refused (the values are kept on the page). */
export function spamMessage(v: Exclude<SpamVerdict, 'ok'>): string {
  if (v === 'expired') return 'Le formulaire était ouvert depuis trop longtemps. Vérifiez votre message puis envoyez-le à nouveau.';
  if (v === 'too_fast') return 'Votre message a été envoyé trop vite après l’ouverture de la page, ce qui ressemble à un envoi automatique. Vérifiez-le puis envoyez-le à nouveau.';
  return 'Votre message n’a pas pu être vérifié et n’a pas été envoyé. Vérifiez-le puis envoyez-le à nouveau.';
}
