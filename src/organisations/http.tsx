/** Request helpers shared by the organisation routes: who acts, and the data of the organisation page. */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import { clientIp } from '../platform/http/security.js';
import { render, pageContext } from '../platform/http/render.js';
import { getOrganisation, listMembers, listPendingInvitations } from './organisations.store.js';
import { permissionsOn } from './organisations.policy.js';
import { keepsAnAdmin, qualiopiWarning, parisDay, type Acting } from './organisation.js';
import { OrganisationPage } from './views/organisation-page.js';
import { renderErrorPage } from '../platform/views/error-page.js';

/** The signed-in actor as commands and the audit log see them (routes with a signed-in access only). */
export function acting(c: Context<AppEnv>): Acting {
  const actor = c.get('actor');
  if (!actor) throw new Error('acting() used on a route that does not require a signed-in user');
  const { config } = c.get('deps');
  return { id: actor.userId, label: actor.email, ip: clientIp(c, config.TRUST_PROXY), name: actor.fullName, email: actor.email, sessionId: actor.sessionId };
}

/** The :orgId of the route, lower-cased (the router has already checked membership). */
export function orgIdOf(c: Context<AppEnv>): string {
  return c.req.param('orgId')!.toLowerCase();
}

/** Renders the organisation page, optionally with a refused action's message (then status 422). */
export async function renderOrganisationPage(c: Context<AppEnv>, orgId: string, error?: string): Promise<Response> {
  const { database, now } = c.get('deps');
  const db = database.db;
  const org = await getOrganisation(db, orgId);
  if (!org) return renderErrorPage(c, 404);
  const actor = c.get('actor');
  const may = permissionsOn(actor, orgId);
  const rows = await listMembers(db, orgId);
  const members = rows.map((m) => ({
    userId: m.userId, fullName: m.fullName, email: m.email, role: m.role,
    isSelf: m.userId === actor?.userId,
    mayPromote: may.manageMembers && m.role === 'member',
    mayDemote: may.manageMembers && m.role === 'admin' && keepsAnAdmin(rows, m.userId, 'member'),
    mayRemove: may.manageMembers && m.userId !== actor?.userId && keepsAnAdmin(rows, m.userId, null),
  }));
  const mayLeave = may.leave && !!actor && keepsAnAdmin(rows, actor.userId, null);
  const invitations = await listPendingInvitations(db, orgId, now());
  return render(c, (
    <OrganisationPage ctx={pageContext(c)} org={org} current={actor?.currentOrgId === orgId}
      qualiopiWarning={qualiopiWarning({ status: org.qualiopiStatus, validUntil: org.qualiopiValidUntil }, parisDay(now()))}
      members={members} invitations={invitations} may={{ ...may, leave: mayLeave }} error={error} />
  ), error ? 422 : 200);
}
