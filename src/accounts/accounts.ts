/** Pure rules of accounts: where to go after login, when to refuse attempts, recovery codes, link lifetimes. */
import crypto from 'node:crypto';
import type { Config } from '../platform/config.js';
import { base32Encode } from '../platform/auth/totp.js';
import type { AuditActor } from '../platform/audit/audit.store.js';

/** How long an email-confirmation link stays valid. */
export const CONFIRMATION_TTL_MS = 24 * 3600_000;
/** How long a password-reset link stays valid. */
export const RESET_TTL_MS = 3600_000;
/** At most this many links of one kind are mailed to one account per hour (no mailbox flooding). */
export const MAX_LINKS_PER_HOUR = 3;
/** Failed logins from one address in the window before that address is paused. */
export const IP_MAX_FAILURES = 30;
/** Number of recovery codes handed out at once. */
export const RECOVERY_CODE_COUNT = 10;
/** Lifetime of the pending second step between the password and the code. */
export const SECOND_STEP_TTL_MS = 10 * 60_000;

/** What a command needs from its surroundings besides the transaction. */
export interface CommandContext {
  config: Config;
  now: Date;
  ip: string;
  userAgent?: string;
}

/**
 * A return path that can only lead inside the platform: a local absolute path, never
 * `//host`, `/\host`, a scheme or control characters. Anything else gives the fallback.
 */
export function safeReturnPath(value: string | undefined | null, fallback = '/'): string {
  if (!value || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const u = new URL(value, 'http://local.invalid');
    const out = u.pathname + u.search + u.hash;
    // Normalisation may turn "/..//host" into "//host": check the result again.
    if (u.origin !== 'http://local.invalid' || out.startsWith('//')) return fallback;
    return out;
  } catch {
    return fallback;
  }
}

/** Failed attempts counted in the current window. */
export interface AttemptCounts { account: number; ip: number }

/** Whether to refuse a login attempt before checking the password, and why. */
export type ThrottleDecision = { blocked: false } | { blocked: true; scope: 'account' | 'ip' };

/** Refuses once the account key or the address reached its limit in the window. */
export function throttleDecision(counts: AttemptCounts, limits: { account: number; ip: number }): ThrottleDecision {
  if (counts.account >= limits.account) return { blocked: true, scope: 'account' };
  if (counts.ip >= limits.ip) return { blocked: true, scope: 'ip' };
  return { blocked: false };
}

/** The key under which password failures of an email are counted (the address itself is not stored). */
export function accountKey(email: string): string {
  return crypto.createHash('sha256').update(`login:${email.trim().toLowerCase()}`).digest('hex');
}

/** The key under which second-factor failures of a user are counted. */
export function codeKey(userId: string): string {
  return crypto.createHash('sha256').update(`code:${userId}`).digest('hex');
}

/** A new recovery code, e.g. "K7QW2-MXR4P" (50 random bits). */
export function newRecoveryCode(): string {
  const s = base32Encode(crypto.randomBytes(7)).slice(0, 10);
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** A typed recovery code in canonical form (case, spaces and dashes do not matter). */
export function normaliseRecoveryCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether a typed second-factor value looks like a recovery code rather than a 6-digit code. */
export function looksLikeRecoveryCode(typed: string): boolean {
  return /^[A-Z2-7]{10}$/.test(normaliseRecoveryCode(typed));
}

/** Keyed hash of a recovery code: without the application secret a stolen table is useless. */
export function hashRecoveryCode(code: string, appSecret: string): string {
  return crypto.createHmac('sha256', `recovery:${appSecret}`).update(normaliseRecoveryCode(code)).digest('hex');
}

/** State of a one-time link at an instant. */
export type LinkState = 'valid' | 'expired' | 'used' | 'unknown';

/** Whether a one-time token row can still be used. */
export function linkState(row: { expiresAt: Date; usedAt: Date | null } | null, now: Date): LinkState {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** French explanation of a link that cannot be used. */
export const LINK_MESSAGES: Record<Exclude<LinkState, 'valid'>, string> = {
  unknown: 'Ce lien n’est pas valide. Vérifiez que vous avez copié l’adresse complète reçue par courriel.',
  expired: 'Ce lien a expiré. Demandez-en un nouveau ci-dessous.',
  used: 'Ce lien a déjà été utilisé. Chaque lien ne fonctionne qu’une seule fois.',
};

/** The person acting on their own account, for the audit log. */
export function selfActor(user: { id: string; email: string }, ip: string): AuditActor {
  return { id: user.id, label: user.email, ip };
}

/** Someone not signed in (failed logins, requests by email): no address in clear. */
export function anonymousActor(ip: string): AuditActor {
  return { id: null, label: 'anonyme', ip };
}

/** Absolute link to a path of the platform, for mails. */
export function link(config: Pick<Config, 'baseUrl'>, path: string): string {
  return `${config.baseUrl}${path}`;
}
