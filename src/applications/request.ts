/** What every application route reads from its request: the organisation and the application of the URL. */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import { isUuid } from '../platform/http/access.js';
import { loadDossier } from './dossier.js';

/** The base path of an organisation's applications. */
export const BASE = '/organisations/:orgId/candidatures';

/** The organisation id of the URL (lower-cased; membership is checked by the route's access). */
export const orgOf = (c: Context<AppEnv>) => c.req.param('orgId')!.toLowerCase();

/** Loads the application of the URL for this organisation; null (→ 404) when malformed or someone else's. */
export async function dossierOf(c: Context<AppEnv>) {
  const appId = c.req.param('appId');
  if (!isUuid(appId)) return null;
  const deps = c.get('deps');
  return loadDossier(deps.database.db, orgOf(c), appId.toLowerCase(), deps.now());
}
