/** Security middleware: headers (CSP without inline script), CSRF, body size, client address. */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './context.js';
import { newToken, safeEqual } from '../auth/tokens.js';

/** Security headers; HSTS only when served over HTTPS in production. */
export function securityHeaders(hsts: boolean): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: hsts ? 'max-age=63072000; includeSubDomains' : false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/** Name of the CSRF cookie (__Host- prefix when the cookie is secure). */
export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-gen_csrf' : 'gen_csrf';
}

/**
 * CSRF protection by double submit: a random token in a cookie must come back in the form field
 * `_csrf` (or the header X-CSRF-Token); cross-origin requests are refused on their Origin header too.
 */
export function csrfProtection(opts: { secure: boolean; origin: string; isApi: (path: string) => boolean }): MiddlewareHandler<AppEnv> {
  const name = csrfCookieName(opts.secure);
  return async (c, next) => {
    if (opts.isApi(c.req.path)) {
      c.set('csrfToken', '');
      return next();
    }
    let token = getCookie(c, name);
    if (!token || token.length < 20) {
      token = newToken();
      setCookie(c, name, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: opts.secure });
    }
    c.set('csrfToken', token);
    const m = c.req.method;
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return next();
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    if (origin && origin !== 'null' && origin !== opts.origin && origin !== own) return csrfFailure(c);
    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const ct = c.req.header('content-type') ?? '';
      if (ct.includes('application/x-www-form-urlencoded') || ct.includes('multipart/form-data')) {
        const body = await c.req.parseBody();
        sent = typeof body._csrf === 'string' ? body._csrf : undefined;
      }
    }
    if (!sent || !safeEqual(sent, getCookie(c, name) ?? '')) return csrfFailure(c);
    return next();
  };
}

function csrfFailure(c: Context<AppEnv>): Response {
  return c.html(
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Erreur : formulaire expiré – Label GEN</title></head>' +
      '<body><main><h1>Formulaire expiré</h1><p>Pour votre sécurité, ce formulaire n’a pas été accepté : il a expiré ou provient d’un autre site. ' +
      'Revenez à la page précédente, rechargez-la et envoyez le formulaire à nouveau.</p><p><a href="/">Retour à l’accueil</a></p></main></body></html>',
    403,
  );
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'inconnue';
  } catch {
    return 'inconnue';
  }
}
