/**
 * Route registration with a mandatory Access. The registry lets the access-matrix test walk
 * every route; a route cannot be added without saying who may use it.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv } from './context.js';
import { decide, type Access } from './access.js';
import { renderErrorPage } from '../views/error-page.js';

/** One registered route. */
export interface RouteEntry {
  method: 'GET' | 'POST';
  path: string;
  access: Access;
  /** Routes of the open API skip the session cookie and CSRF (they carry no ambient authority). */
  api: boolean;
}

/** A request handler of the platform. */
export type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;

/** Options of a route. */
export interface RouteOptions {
  api?: boolean;
  /**
   * Answers instead of the redirect to the login page when the visitor is not signed in (e.g. a
   * form posted after the session expired keeps its values, then redirects to the login page).
   * It never grants access: the route's handler still runs only for allowed actors.
   */
  onLogin?: Handler;
}

/** Registers routes on the app and records them. */
export class Router {
  readonly entries: RouteEntry[] = [];
  constructor(private readonly app: Hono<AppEnv>) {}

  /** A GET route. */
  get(path: string, access: Access, handler: Handler, opts: RouteOptions = {}): void {
    this.add('GET', path, access, handler, opts);
  }

  /** A POST route (CSRF-checked unless api). */
  post(path: string, access: Access, handler: Handler, opts: RouteOptions = {}): void {
    this.add('POST', path, access, handler, opts);
  }

  private add(method: 'GET' | 'POST', path: string, access: Access, handler: Handler, opts: RouteOptions): void {
    this.entries.push({ method, path, access, api: opts.api ?? false });
    const guarded: Handler = async (c) => {
      const decision = decide(access, c.get('actor'), c.req.param() as Record<string, string>);
      if (decision.ok) return handler(c);
      c.header('X-Denied-By', 'policy');
      if (decision.reason === 'login') {
        if (opts.api) return c.json({ error: 'Authentification requise.' }, 401);
        if (opts.onLogin) return opts.onLogin(c);
        const back = method === 'GET' ? `?retour=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''))}` : '';
        return c.redirect(`/connexion${back}`, 303);
      }
      if (decision.reason === 'second_factor') return c.redirect('/compte/double-authentification', 303);
      if (decision.reason === 'not_found') return renderErrorPage(c, 404);
      return renderErrorPage(c, 403);
    };
    if (method === 'GET') this.app.get(path, guarded);
    else this.app.post(path, guarded);
  }
}
