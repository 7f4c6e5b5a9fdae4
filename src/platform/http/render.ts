/** Turning JSX into a full HTML response, and the page context every layout needs. */
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from './context.js';
import type { PageContext } from '../views/layout.js';

const FLASH = 'gen_flash';

/** Renders a JSX tree as a complete HTML document with a doctype. */
export async function render(c: Context<AppEnv>, node: unknown, status = 200): Promise<Response> {
  const html = await (node as { toString(): string | Promise<string> }).toString();
  c.header('Cache-Control', 'no-store');
  return c.html(`<!DOCTYPE html>${html}`, status as 200);
}

/** The page context of this request (actor, CSRF token, path, one-time flash message). */
export function pageContext(c: Context<AppEnv>): PageContext {
  const flash = getCookie(c, FLASH);
  if (flash) deleteCookie(c, FLASH, { path: '/' });
  return {
    actor: c.get('actor') ?? null,
    csrfToken: c.get('csrfToken') ?? '',
    path: c.req.path,
    flash: flash ? safeDecode(flash) : null,
  };
}

/** Stores a confirmation message shown once on the next page. */
export function setFlash(c: Context<AppEnv>, message: string): void {
  const secure = c.get('deps')?.config.secureCookies ?? false;
  setCookie(c, FLASH, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: 60 });
}

/** POST → 303 redirect, with an optional flash message. */
export function redirectWith(c: Context<AppEnv>, to: string, flash?: string): Response {
  if (flash) setFlash(c, flash);
  return c.redirect(to, 303);
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v).slice(0, 500);
  } catch {
    return '';
  }
}
