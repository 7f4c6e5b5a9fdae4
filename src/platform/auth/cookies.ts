/** The session cookie: HttpOnly, SameSite=Lax, Secure with the __Host- prefix except on plain-HTTP localhost. */
import type { Context } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';

/** Name of the session cookie. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-gen_session' : 'gen_session';
}

/** Sets the session cookie (session cookie: no Max-Age, the server decides expiry). */
export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, sessionCookieName(secure), token, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure });
}
