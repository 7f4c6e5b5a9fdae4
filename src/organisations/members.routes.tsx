/** Routes of the members of an organisation: invitations, roles, removal, leaving, accepting a link. */
import type { Context } from 'hono';
import type { Module } from '../platform/http/app.js';
import type { AppEnv } from '../platform/http/context.js';
import { PUBLIC, SIGNED_IN, ORG_MEMBER, ORG_ADMIN, isUuid } from '../platform/http/access.js';
import { parseForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { sha256 } from '../platform/auth/tokens.js';
import { getOrganisation, findInvitationByTokenHash } from './organisations.store.js';
import { invitationForm, roleForm } from './organisation.form.js';
import { invitationState, normaliseEmail, INVITATION_MESSAGES } from './organisation.js';
import { inviteMember } from './commands/invite-member.js';
import { revokeInvitation } from './commands/revoke-invitation.js';
import { changeMemberRole } from './commands/change-member-role.js';
import { removeMember } from './commands/remove-member.js';
import { leaveOrganisation } from './commands/leave-organisation.js';
import { acceptInvitation } from './commands/accept-invitation.js';
import { acting, orgIdOf, renderOrganisationPage } from './http.js';
import { InvitePage } from './views/invite-page.js';
import { InvitationPage, type InvitationView } from './views/invitation-page.js';

const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/** Routes managing the members of an organisation and answering invitations. */
export const memberRoutes: Module = (r, deps) => {
  const db = deps.database.db;
  const mail = { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL };

  r.get('/organisations/:orgId/inviter', ORG_ADMIN, async (c) => {
    const org = await getOrganisation(db, orgIdOf(c));
    if (!org) return renderErrorPage(c, 404);
    return render(c, <InvitePage ctx={pageContext(c)} org={org} state={{ values: { role: 'member' } }} />);
  });

  r.post('/organisations/:orgId/inviter', ORG_ADMIN, async (c) => {
    const org = await getOrganisation(db, orgIdOf(c));
    if (!org) return renderErrorPage(c, 404);
    const form = await parseForm(c, invitationForm);
    if (!form.ok) return render(c, <InvitePage ctx={pageContext(c)} org={org} state={form} />, 422);
    const who = acting(c);
    const res = await db.transaction((tx) => inviteMember(tx, who, org.id, form.data, mail, deps.now()));
    if (!res.ok) return render(c, <InvitePage ctx={pageContext(c)} org={org} state={{ errors: res.errors ?? { email: res.message ?? '' }, values: form.values }} />, 422);
    await dispatchMails(deps, [res.mailId]);
    const verb = res.renewed ? 'renvoyée (le lien précédent ne fonctionne plus)' : 'envoyée';
    return redirectWith(c, `/organisations/${org.id}`, `Invitation ${verb} à ${form.data.email}.`);
  });

  r.post('/organisations/:orgId/invitations/:invitationId/annuler', ORG_ADMIN, async (c) => {
    const orgId = orgIdOf(c);
    const invitationId = c.req.param('invitationId');
    if (!isUuid(invitationId)) return renderErrorPage(c, 404);
    const who = acting(c);
    const res = await db.transaction((tx) => revokeInvitation(tx, who, orgId, invitationId.toLowerCase(), deps.now()));
    if (!res.ok) return renderOrganisationPage(c, orgId, res.message);
    return redirectWith(c, `/organisations/${orgId}`, 'L’invitation a été annulée : son lien ne fonctionne plus.');
  });

  r.post('/organisations/:orgId/membres/:userId/role', ORG_ADMIN, async (c) => {
    const orgId = orgIdOf(c);
    const userId = c.req.param('userId');
    if (!isUuid(userId)) return renderErrorPage(c, 404);
    const form = await parseForm(c, roleForm);
    if (!form.ok) return renderOrganisationPage(c, orgId, form.errors.role);
    const who = acting(c);
    const res = await db.transaction((tx) => changeMemberRole(tx, who, orgId, userId.toLowerCase(), form.data.role, deps.now()));
    if (!res.ok) return renderOrganisationPage(c, orgId, res.message);
    return redirectWith(c, `/organisations/${orgId}`, form.data.role === 'admin' ? 'Le membre est désormais administrateur.' : 'Le membre n’est plus administrateur.');
  });

  r.post('/organisations/:orgId/membres/:userId/retirer', ORG_ADMIN, async (c) => {
    const orgId = orgIdOf(c);
    const userId = c.req.param('userId');
    if (!isUuid(userId)) return renderErrorPage(c, 404);
    const who = acting(c);
    const res = await db.transaction((tx) => removeMember(tx, who, orgId, userId.toLowerCase(), deps.now()));
    if (!res.ok) return renderOrganisationPage(c, orgId, res.message);
    return redirectWith(c, `/organisations/${orgId}`, 'La personne a été retirée de l’organisme.');
  });

  r.post('/organisations/:orgId/quitter', ORG_MEMBER, async (c) => {
    const orgId = orgIdOf(c);
    const who = acting(c);
    const res = await db.transaction((tx) => leaveOrganisation(tx, who, orgId, deps.now()));
    if (!res.ok) return renderOrganisationPage(c, orgId, res.message);
    return redirectWith(c, '/organisations', 'Vous avez quitté l’organisme.');
  });

  r.get('/invitations/:token', PUBLIC, async (c) => {
    const { view, status } = await invitationView(c);
    return render(c, <InvitationPage ctx={pageContext(c)} view={view} />, status);
  });

  r.post('/invitations/:token', SIGNED_IN, async (c) => {
    const token = c.req.param('token') ?? '';
    if (!TOKEN.test(token)) return render(c, <InvitationPage ctx={pageContext(c)} view={{ kind: 'closed', message: INVITATION_MESSAGES.unknown }} />, 404);
    const who = acting(c);
    const res = await db.transaction((tx) => acceptInvitation(tx, who, sha256(token), deps.now()));
    if (!res.ok) {
      const { view } = await invitationView(c);
      return render(c, <InvitationPage ctx={pageContext(c)} view={view} error={res.message} />, 422);
    }
    const org = await getOrganisation(db, res.organisationId);
    return redirectWith(c, `/organisations/${res.organisationId}`, `Vous avez rejoint l’organisme « ${org?.name ?? ''} ».`);
  });

  /** What the visitor of an invitation link sees, from the link's state and who they are. */
  async function invitationView(c: Context<AppEnv>): Promise<{ view: InvitationView; status: number }> {
    const token = c.req.param('token') ?? '';
    const found = TOKEN.test(token) ? await findInvitationByTokenHash(db, sha256(token)) : null;
    if (!found) return { view: { kind: 'closed', message: INVITATION_MESSAGES.unknown }, status: 404 };
    const inv = found.invitation;
    const state = invitationState(inv, deps.now());
    if (state !== 'pending') return { view: { kind: 'closed', message: INVITATION_MESSAGES[state] }, status: 410 };
    const actor = c.get('actor');
    const organisationName = found.organisationName;
    if (!actor) return { view: { kind: 'signedOut', organisationName, role: inv.role, email: inv.email, returnTo: `/invitations/${token}` }, status: 200 };
    if (normaliseEmail(actor.email) !== normaliseEmail(inv.email)) return { view: { kind: 'otherAccount', organisationName, accountEmail: actor.email }, status: 200 };
    return { view: { kind: 'acceptable', organisationName, role: inv.role, expiresAt: inv.expiresAt, action: `/invitations/${token}` }, status: 200 };
  }
};
