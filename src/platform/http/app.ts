/** Assembles the Hono application: middleware in a fixed order, static assets, then domain routes. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppDeps, AppEnv } from './context.js';
import { Router } from './router.js';
import { securityHeaders, csrfProtection } from './security.js';
import { loadActor } from '../auth/session.store.js';
import { sessionCookieName } from '../auth/cookies.js';
import { renderErrorPage } from '../views/error-page.js';
import { log } from '../log.js';

/** A domain contributes its routes through one function. */
export type Module = (router: Router, deps: AppDeps) => void;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DSFR_DIST = path.join(ROOT, 'node_modules/@gouvfr/dsfr/dist');
const PUBLIC_DIR = path.join(ROOT, 'public');

/** Paths of the open API: no session cookie, no CSRF, JSON errors. */
export const isApiPath = (p: string) => p.startsWith('/api/');

const WRITE_LISTENERS = 'http.writeListeners';

/**
 * Calls `listener` after every request that may have written (any method but GET, HEAD, OPTIONS),
 * once its handler is done (its transaction committed): in-process caches drop what they hold.
 */
export function onWriteRequest(deps: AppDeps, listener: () => void): void {
  const list = (deps.services[WRITE_LISTENERS] ??= []) as (() => void)[];
  list.push(listener);
}

/** Builds the application with its routes; returns the app and the route registry. */
export function createApp(deps: AppDeps, modules: Module[]): { app: Hono<AppEnv>; router: Router } {
  const app = new Hono<AppEnv>();
  const { config } = deps;

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('actor', null);
    c.set('csrfToken', '');
    c.set('requestId', crypto.randomUUID());
    await next();
    const m = c.req.method;
    if (m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS') for (const f of (deps.services[WRITE_LISTENERS] ?? []) as (() => void)[]) f();
  });
  app.use('*', securityHeaders(config.isProduction && config.baseUrl.startsWith('https:')));
  app.use('/dsfr/*', serveStatic({ root: DSFR_DIST, rewriteRequestPath: (p) => p.replace(/^\/dsfr/, ''), onFound: (_p, c) => { c.header('Cache-Control', 'public, max-age=86400'); } }));
  app.use('/static/*', serveStatic({ root: PUBLIC_DIR, rewriteRequestPath: (p) => p.replace(/^\/static/, '') }));
  app.use('*', bodyLimit({
    maxSize: Math.round(config.MAX_BODY_MB * 1024 * 1024),
    onError: (c) => (isApiPath(c.req.path)
      ? c.json({ error: 'Le contenu envoyé est trop volumineux.' }, 413)
      : renderErrorPage(c as never, 413)),
  }));
  app.use('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    const token = getCookie(c, sessionCookieName(config.secureCookies));
    if (token && token.length < 200) {
      c.set('actor', await loadActor(deps.database.db, token, deps.now(), config.SESSION_TTL_HOURS));
    }
    return next();
  });
  app.use('*', csrfProtection({ secure: config.secureCookies, origin: new URL(config.baseUrl).origin, isApi: isApiPath }));

  app.get('/healthz', async (c) => {
    try {
      await deps.database.raw.query('select 1');
      return c.json({ status: 'ok', database: deps.database.kind });
    } catch {
      return c.json({ status: 'error', database: deps.database.kind }, 503);
    }
  });

  const router = new Router(app);
  for (const m of modules) m(router, deps);

  app.notFound((c) => (isApiPath(c.req.path) ? c.json({ error: 'Ressource introuvable.' }, 404) : renderErrorPage(c, 404)));
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const s = err.status;
      if (s === 413 || s === 404 || s === 403 || s === 429) return isApiPath(c.req.path) ? c.json({ error: err.message }, s) : renderErrorPage(c, s);
      if (s === 400) return isApiPath(c.req.path) ? c.json({ error: 'Requête invalide.' }, 400) : renderErrorPage(c, 404);
    }
    log.error('request failed', { path: c.req.path, method: c.req.method, requestId: c.get('requestId'), error: err instanceof Error ? err.stack : String(err) });
    return isApiPath(c.req.path) ? c.json({ error: 'Erreur interne du service.' }, 500) : renderErrorPage(c, 500);
  });
  return { app, router };
}
