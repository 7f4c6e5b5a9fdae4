/** Routes of change requests: the organisation files them, staff approve or reject them. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_ADMIN, ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { readForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import type { FormState } from '../platform/views/ui.js';
import { discardStoredUploads, readStoredUploads } from '../platform/files/form-files.js';
import { fileServices } from '../platform/files/files.js';
import { organisationName } from '../sessions/sessions.store.js';
import { findSession, plannedSessionsOfOrganisation } from '../sessions/index.js';
import { type ChangeRequestItem, activeLabelsOf, filesOfChangeRequest, findChangeRequestFile, findChangeRequestItem, listChangeRequests, sectionsOfApplication, versionsOf } from './change-requests.store.js';
import { flattenSections, parseChangeRequest } from './change-requests.js';
import { submitChangeRequest, decideChangeRequest } from './commands/change-requests.js';
import { complianceAccess, complianceActor } from './compliance.policy.js';
import { OrgChangeRequestsPage, OrgChangeRequestPage, StaffChangeRequestsPage, StaffChangeRequestPage, type RequestSession } from './views/change-request-pages.js';

const orgIdOf = (c: Context<AppEnv>) => c.req.param('orgId')!.toLowerCase();

/** The fields of the current training records of the organisation's active labels. */
async function fieldKeysOf(c: Context<AppEnv>, labels: { id: string; applicationId: string }[]): Promise<string[]> {
  const db = c.get('deps').database.db;
  const keys = new Set<string>();
  for (const l of labels) {
    const last = (await versionsOf(db, l.id)).at(-1);
    const data = last ? last.data : flattenSections(await sectionsOfApplication(db, l.applicationId));
    for (const k of Object.keys(data)) if (!k.startsWith('modifications.')) keys.add(k);
  }
  return [...keys].sort();
}

async function orgListPage(c: Context<AppEnv>, state: FormState = {}, status = 200) {
  const db = c.get('deps').database.db;
  const orgId = orgIdOf(c);
  const orgName = await organisationName(db, orgId);
  if (!orgName) return renderErrorPage(c, 404);
  const labels = await activeLabelsOf(db, orgId);
  const isAdmin = !!c.get('actor')?.memberships.some((m) => m.organisationId === orgId && m.role === 'admin');
  return render(c, <OrgChangeRequestsPage ctx={pageContext(c)} orgId={orgId} orgName={orgName} items={await listChangeRequests(db, orgId)} labels={labels}
    fieldKeys={await fieldKeysOf(c, labels)} sessions={await plannedSessionsOfOrganisation(db, orgId)} isAdmin={isAdmin} state={state} />, status);
}

/** The form pre-filled from the query (the session page's link for a postponement beyond the allowed delay). */
function prefill(c: Context<AppEnv>): FormState {
  const values: Record<string, string> = {};
  for (const k of ['type', 'labelId', 'sessionId', 'newStart', 'newEnd', 'requestedOn']) {
    const v = c.req.query(k);
    if (v && v.length <= 100) values[k] = v;
  }
  return Object.keys(values).length ? { values } : {};
}

async function itemOf(c: Context<AppEnv>, orgId?: string) {
  const id = c.req.param('requestId');
  if (!isUuid(id)) return null;
  return findChangeRequestItem(c.get('deps').database.db, id.toLowerCase(), orgId);
}

async function staffPage(c: Context<AppEnv>, item: NonNullable<Awaited<ReturnType<typeof itemOf>>>, state: FormState = {}, status = 200) {
  const db = c.get('deps').database.db;
  const versions = await versionsOf(db, item.request.labelId);
  const files = await filesOfChangeRequest(db, item.request.id);
  return render(c, <StaffChangeRequestPage ctx={pageContext(c)} item={item} versions={versions} files={files} state={state} session={await sessionOfRequest(c, item)} />, status);
}

/** The session a session-dates request moves, as the request's pages show it. */
async function sessionOfRequest(c: Context<AppEnv>, item: ChangeRequestItem): Promise<RequestSession | null> {
  if (!item.request.sessionId) return null;
  const s = await findSession(c.get('deps').database.db, item.request.sessionId);
  return s ? { id: s.id, labelId: s.labelId, name: s.name, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, initialStart: s.initialStart, status: s.status } : null;
}

/** Sends an attachment of the request (404 when the request or the file is not there). */
async function downloadFile(c: Context<AppEnv>, item: Awaited<ReturnType<typeof itemOf>>) {
  const deps = c.get('deps');
  const fileId = c.req.param('fileId');
  const file = item && isUuid(fileId) ? await findChangeRequestFile(deps.database.db, item.request.id, fileId.toLowerCase()) : null;
  const bytes = file ? await fileServices(deps).storage.get(file.storageKey) : null;
  if (!file || !bytes) return renderErrorPage(c, 404);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store',
    },
  });
}

/** Registers the routes of change requests. */
export function registerChangeRequestRoutes(r: Router): void {
  const orgBase = '/organisations/:orgId/conformite/modifications';

  r.get(orgBase, ORG_MEMBER, (c) => orgListPage(c, prefill(c)));

  r.post(orgBase, ORG_ADMIN, async (c) => {
    const deps = c.get('deps');
    const db = deps.database.db;
    const orgId = orgIdOf(c);
    if (!(await organisationName(db, orgId))) return renderErrorPage(c, 404);
    const values = await readForm(c);
    const parsed = parseChangeRequest(values, await fieldKeysOf(c, await activeLabelsOf(db, orgId)));
    if (!parsed.ok) return orgListPage(c, { errors: parsed.errors, values }, 422);
    const uploads = await readStoredUploads(c, { field: 'pieces', max: 5, prefix: 'change-requests', noun: 'pièces' });
    if (!uploads.ok) return orgListPage(c, { errors: { pieces: uploads.message }, values }, 422);
    const res = await db.transaction((tx) => submitChangeRequest(tx, complianceActor(c), { organisationId: orgId, ...parsed, files: uploads.files }, deps.now()))
      .catch(async (e: unknown) => { await discardStoredUploads(deps, uploads.files); throw e; });
    if (!res.ok) {
      await discardStoredUploads(deps, uploads.files);
      return orgListPage(c, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    }
    return redirectWith(c, `/organisations/${orgId}/conformite/modifications/${res.request.id}`, 'Votre demande de modification est transmise à l’équipe GEN.');
  });

  r.get(`${orgBase}/:requestId`, ORG_MEMBER, async (c) => {
    const item = await itemOf(c, orgIdOf(c));
    if (!item) return renderErrorPage(c, 404);
    const db = c.get('deps').database.db;
    const versions = await versionsOf(db, item.request.labelId);
    return render(c, <OrgChangeRequestPage ctx={pageContext(c)} orgId={orgIdOf(c)} item={item} versions={versions} files={await filesOfChangeRequest(db, item.request.id)} session={await sessionOfRequest(c, item)} />);
  });

  r.get(`${orgBase}/:requestId/pieces/:fileId`, ORG_MEMBER, async (c) => downloadFile(c, await itemOf(c, orgIdOf(c))));
  r.get('/gestion/conformite/modifications/:requestId/pieces/:fileId', complianceAccess('compliance.view'), async (c) => downloadFile(c, await itemOf(c)));

  r.get('/gestion/conformite/modifications', complianceAccess('compliance.view'), async (c) => {
    return render(c, <StaffChangeRequestsPage ctx={pageContext(c)} items={await listChangeRequests(c.get('deps').database.db)} />);
  });

  r.get('/gestion/conformite/modifications/:requestId', complianceAccess('compliance.view'), async (c) => {
    const item = await itemOf(c);
    return item ? staffPage(c, item) : renderErrorPage(c, 404);
  });

  r.post('/gestion/conformite/modifications/:requestId/decision', complianceAccess('compliance.review'), async (c) => {
    const item = await itemOf(c);
    if (!item) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const approve = values.decision === 'approve' ? true : values.decision === 'reject' ? false : null;
    const motivation = typeof values.motivation === 'string' ? values.motivation : '';
    const res = await deps.database.db.transaction((tx) => decideChangeRequest(tx, complianceActor(c), { requestId: item.request.id, version: Number(values.version), approve, motivation }, deps.now(),
      { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL }));
    if (!res.ok) return staffPage(c, (await itemOf(c)) ?? item, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/conformite/modifications/${item.request.id}`, approve ? 'La modification est approuvée ; la fiche de la formation est mise à jour.' : 'La modification est refusée ; l’organisme en est informé.');
  });
}
