/**
 * Between the password and the TOTP code no session exists: the browser holds a short-lived
 * signed cookie naming the user. A half-authenticated person therefore never reaches any page.
 */
import crypto from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SECOND_STEP_TTL_MS } from './accounts.js';

function cookieName(secure: boolean): string {
  return secure ? '__Host-gen_login' : 'gen_login';
}

function mac(payload: string, appSecret: string): string {
  return crypto.createHmac('sha256', `second-step:${appSecret}`).update(payload).digest('base64url');
}

/** Signs "user id, expiry" into a cookie value. */
export function signSecondStep(userId: string, now: Date, appSecret: string): string {
  const payload = `${userId}.${now.getTime() + SECOND_STEP_TTL_MS}`;
  return `${payload}.${mac(payload, appSecret)}`;
}

/** The user id of a valid, unexpired cookie value, or null. */
export function readSecondStep(value: string | undefined, now: Date, appSecret: string): string | null {
  if (!value || value.length > 200) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [userId, exp, sig] = parts as [string, string, string];
  const expected = Buffer.from(mac(`${userId}.${exp}`, appSecret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return Number(exp) > now.getTime() ? userId : null;
}

/** Sets the pending-second-step cookie. */
export function setSecondStepCookie(c: Context, value: string, secure: boolean): void {
  setCookie(c, cookieName(secure), value, { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: SECOND_STEP_TTL_MS / 1000 });
}

/** Reads the pending-second-step cookie. */
export function getSecondStepCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, cookieName(secure));
}

/** Removes the pending-second-step cookie. */
export function clearSecondStepCookie(c: Context, secure: boolean): void {
  deleteCookie(c, cookieName(secure), { path: '/', secure });
}
