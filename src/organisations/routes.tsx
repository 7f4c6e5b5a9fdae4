/** Routes of the organisations: list and choice of the current one, creation, page, edition. */
import type { Module } from '../platform/http/app.js';
import { SIGNED_IN, ORG_MEMBER, ORG_ADMIN } from '../platform/http/access.js';
import { parseForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { setCurrentOrganisation } from '../platform/auth/session.store.js';
import { listOrganisationsOf, getOrganisation } from './organisations.store.js';
import { can } from './organisations.policy.js';
import { newOrganisationForm, organisationDetailsForm } from './organisation.form.js';
import { createOrganisation } from './commands/create-organisation.js';
import { updateOrganisation } from './commands/update-organisation.js';
import { acting, orgIdOf, renderOrganisationPage } from './http.js';
import { OrganisationsListPage } from './views/organisations-list.js';
import { OrganisationFormPage } from './views/organisation-form.js';
import { memberRoutes } from './members.routes.js';

/** Routes of the organisations domain. */
export const organisationsModule: Module = (r, deps) => {
  const db = deps.database.db;

  r.get('/organisations', SIGNED_IN, async (c) => {
    const actor = c.get('actor')!;
    const rows = await listOrganisationsOf(db, actor.userId);
    const items = rows.map((o) => ({ ...o, current: o.id === actor.currentOrgId, mayChoose: can(actor, o.id, 'choose') }));
    return render(c, <OrganisationsListPage ctx={pageContext(c)} items={items} />);
  });

  r.get('/organisations/nouvelle', SIGNED_IN, (c) => render(c, <OrganisationFormPage ctx={pageContext(c)} />));

  r.post('/organisations/nouvelle', SIGNED_IN, async (c) => {
    const form = await parseForm(c, newOrganisationForm);
    if (!form.ok) return render(c, <OrganisationFormPage ctx={pageContext(c)} state={form} />, 422);
    const who = acting(c);
    const res = await db.transaction((tx) => createOrganisation(tx, who, form.data, deps.now()));
    if (!res.ok) return render(c, <OrganisationFormPage ctx={pageContext(c)} state={{ errors: res.errors ?? { _form: res.message ?? '' }, values: form.values }} />, 422);
    const note = res.warning ? ` Attention : ${res.warning}` : '';
    return redirectWith(c, `/organisations/${res.organisationId}`, `L’organisme a été créé et vous en êtes administrateur.${note}`);
  });

  r.get('/organisations/:orgId', ORG_MEMBER, (c) => renderOrganisationPage(c, orgIdOf(c)));

  r.post('/organisations/:orgId/choisir', ORG_MEMBER, async (c) => {
    const orgId = orgIdOf(c);
    const actor = c.get('actor')!;
    await setCurrentOrganisation(db, actor.sessionId, orgId);
    const name = actor.memberships.find((m) => m.organisationId === orgId)?.organisationName ?? '';
    return redirectWith(c, '/organisations', `Vous agissez désormais pour l’organisme « ${name} ».`);
  });

  r.get('/organisations/:orgId/modifier', ORG_ADMIN, async (c) => {
    const org = await getOrganisation(db, orgIdOf(c));
    if (!org) return renderErrorPage(c, 404);
    const values = {
      ...org, qualiopiValidUntil: org.qualiopiValidUntil ?? '', qualiopiAuditDate: org.qualiopiAuditDate ?? '',
      createdBy: undefined, createdAt: undefined, updatedAt: undefined,
    };
    return render(c, <OrganisationFormPage ctx={pageContext(c)} state={{ values }} edit={{ orgId: org.id, name: org.name, siret: org.siret }} />);
  });

  r.post('/organisations/:orgId/modifier', ORG_ADMIN, async (c) => {
    const org = await getOrganisation(db, orgIdOf(c));
    if (!org) return renderErrorPage(c, 404);
    const edit = { orgId: org.id, name: org.name, siret: org.siret };
    const form = await parseForm(c, organisationDetailsForm);
    if (!form.ok) return render(c, <OrganisationFormPage ctx={pageContext(c)} state={form} edit={edit} />, 422);
    const who = acting(c);
    const res = await db.transaction((tx) => updateOrganisation(tx, who, org.id, form.data, deps.now()));
    if (!res.ok) return render(c, <OrganisationFormPage ctx={pageContext(c)} state={{ errors: res.errors ?? { _form: res.message ?? '' }, values: form.values }} edit={edit} />, 422);
    const note = res.warning ? ` Attention : ${res.warning}` : '';
    return redirectWith(c, `/organisations/${org.id}`, `Les informations de l’organisme ont été enregistrées.${note}`);
  });

  memberRoutes(r, deps);
};
