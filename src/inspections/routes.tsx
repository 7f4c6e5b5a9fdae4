/** Routes of inspections: staff list, planning, one inspection (report, cancellation, documents); the organisation's page. */
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import type { Module } from '../platform/http/app.js';
import type { AppEnv } from '../platform/http/context.js';
import { isUuid } from '../platform/http/access.js';
import { parseForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import { fileServices } from '../platform/files/files.js';
import { organisations } from '../organisations/organisations.schema.js';
import { complaintsAboutLabels, findSupportTicket, parisDayOf, isoDay } from '../support/index.js';
import { INSPECTION_STATUSES, type InspectionStatus } from './inspection.js';
import { inspectionAccess } from './inspections.policy.js';
import { planForm, reportForm, cancelForm } from './forms.js';
import { findInspection, findInspectionFile, filesOf, inspectableLabels, labelIdsOfOrganisation, labelInfo, listInspections, type InspectionRow } from './inspections.store.js';
import { cancelInspection, planInspection, recordReport } from './commands/inspections.js';
import { discardDocuments, readDocuments, staffActor } from './http.js';
import { InspectionPage, InspectionsListPage, PlanInspectionPage } from './views/staff.js';
import { OrganisationInspectionsPage } from './views/organisation.js';
import type { FormState } from '../platform/views/ui.js';

const MANAGE = inspectionAccess('inspections.manage');
const ORG = inspectionAccess('inspections.organisation.read');

/** Routes of the inspections domain. */
export const inspectionsModule: Module = (r, deps) => {
  const db = deps.database.db;
  const mail = () => ({ baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL });
  const today = () => isoDay(parisDayOf(deps.now()));

  /** A complaint ticket usable for an inspection (a complaint), or null. */
  const complaintOf = async (id: string | undefined) => {
    if (!isUuid(id)) return null;
    const t = await findSupportTicket(db, id.toLowerCase());
    return t && t.topic === 'complaint' ? t : null;
  };

  const renderPlan = async (c: Context<AppEnv>, state: FormState, complaintId: string | undefined, status = 200) => {
    const complaint = await complaintOf(complaintId);
    return render(c, <PlanInspectionPage ctx={pageContext(c)} labels={await inspectableLabels(db)} complaint={complaint} state={state} />, status);
  };

  const inspectionOf = async (c: Context<AppEnv>): Promise<InspectionRow | null> => {
    const id = c.req.param('inspectionId');
    return isUuid(id) ? findInspection(db, id.toLowerCase()) : null;
  };

  const renderInspection = async (c: Context<AppEnv>, i: InspectionRow, state?: FormState) => {
    const [label, files, history, complaint] = await Promise.all([
      labelInfo(db, i.labelId), filesOf(db, i.id), objectHistory(db, 'inspection', i.id), i.ticketId ? findSupportTicket(db, i.ticketId) : null,
    ]);
    return render(c, (
      <InspectionPage ctx={pageContext(c)} inspection={i} label={label!} files={files} state={state}
        complaint={complaint ? { id: complaint.id, number: complaint.number, subject: complaint.subject } : null}
        history={history.map((h) => ({ at: new Date(h.at), actor: h.actorLabel, action: h.action }))} />
    ), state ? 422 : 200);
  };

  r.get('/gestion/inspections', MANAGE, async (c) => {
    const q = c.req.query();
    const status = (INSPECTION_STATUSES as readonly string[]).includes(q.statut ?? '') ? (q.statut as InspectionStatus) : undefined;
    const label = isUuid(q.label) ? await labelInfo(db, q.label.toLowerCase()) : null;
    const [items, labels] = await Promise.all([listInspections(db, { status, labelId: label?.id }), inspectableLabels(db)]);
    return render(c, <InspectionsListPage ctx={pageContext(c)} items={items} status={status ?? ''} label={label} labels={labels} />);
  });

  r.get('/gestion/inspections/nouvelle', MANAGE, async (c) => {
    const q = c.req.query();
    const complaint = await complaintOf(q.demande);
    const fromComplaint = complaint?.trainingRef?.startsWith('label:') ? complaint.trainingRef.slice(6) : '';
    const values = { label: isUuid(q.label) ? q.label.toLowerCase() : fromComplaint, motif: complaint ? `Réclamation ${complaint.number} : ${complaint.subject}` : '' };
    return renderPlan(c, { values }, q.demande);
  });

  r.post('/gestion/inspections/nouvelle', MANAGE, async (c) => {
    const form = await parseForm(c, planForm);
    const demande = typeof form.values.demande === 'string' ? form.values.demande : undefined;
    if (!form.ok) return renderPlan(c, form, demande, 422);
    const d = form.data;
    const complaint = d.demande ? await complaintOf(d.demande) : null;
    if (d.demande && !complaint) return renderErrorPage(c, 404);
    const res = await db.transaction((tx) => planInspection(tx, staffActor(c), {
      labelId: d.label.toLowerCase(), kind: d.type, plannedOn: d.date, reason: d.motif, ticketId: complaint?.id ?? null,
    }, today(), mail(), deps.now()));
    if (!res.ok) return renderPlan(c, { errors: res.errors ?? { _form: res.message }, values: form.values }, demande, 422);
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/inspections/${res.inspectionId}`, 'L’inspection est planifiée ; l’organisme en est informé par courriel.');
  });

  r.get('/gestion/inspections/:inspectionId', MANAGE, async (c) => {
    const i = await inspectionOf(c);
    return i ? renderInspection(c, i) : renderErrorPage(c, 404);
  });

  r.post('/gestion/inspections/:inspectionId/rapport', MANAGE, async (c) => {
    const i = await inspectionOf(c);
    if (!i) return renderErrorPage(c, 404);
    const form = await parseForm(c, reportForm);
    if (!form.ok) return renderInspection(c, i, form);
    const docs = await readDocuments(c, i.id);
    if (!docs.ok) return renderInspection(c, i, { errors: { documents: docs.message }, values: form.values });
    const d = form.data;
    const res = await db.transaction((tx) => recordReport(tx, staffActor(c), i.id, d.version, { findings: d.constats, conclusion: d.conclusion, messageToOrganisation: d.message }, docs.files, mail(), deps.now()))
      .catch(async (e: unknown) => { await discardDocuments(c, docs.files); throw e; });
    if (!res.ok) {
      await discardDocuments(c, docs.files);
      return renderInspection(c, (await inspectionOf(c)) ?? i, { errors: { _form: res.message }, values: form.values });
    }
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/inspections/${i.id}`, 'Le rapport est enregistré ; l’organisme est informé de la conclusion.');
  });

  r.post('/gestion/inspections/:inspectionId/annulation', MANAGE, async (c) => {
    const i = await inspectionOf(c);
    if (!i) return renderErrorPage(c, 404);
    const form = await parseForm(c, cancelForm);
    if (!form.ok) return renderInspection(c, i, form);
    const res = await db.transaction((tx) => cancelInspection(tx, staffActor(c), i.id, form.data.version, form.data.motif_annulation, mail(), deps.now()));
    if (!res.ok) return renderInspection(c, (await inspectionOf(c)) ?? i, { errors: { _form: res.message }, values: form.values });
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/inspections/${i.id}`, 'L’inspection est annulée ; l’organisme en est informé.');
  });

  r.get('/gestion/inspections/:inspectionId/pieces/:fileId', MANAGE, async (c) => {
    const i = await inspectionOf(c);
    const fileId = c.req.param('fileId');
    const file = i && isUuid(fileId) ? await findInspectionFile(db, i.id, fileId.toLowerCase()) : null;
    const bytes = file ? await fileServices(deps).storage.get(file.storageKey) : null;
    if (!file || !bytes) return renderErrorPage(c, 404);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store',
      },
    });
  });

  r.get('/organisations/:orgId/inspections', ORG, async (c) => {
    const orgId = (c.req.param('orgId') ?? '').toLowerCase();
    const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId));
    if (!org) return renderErrorPage(c, 404);
    const items = (await listInspections(db, { organisationId: orgId })).map((i) => ({
      id: i.id, kind: i.kind, plannedOn: i.plannedOn, status: i.status, label: i.label,
      conclusion: i.status === 'reported' ? i.conclusion : null, messageToOrganisation: i.status === 'reported' ? i.messageToOrganisation : null,
    }));
    const complaints = await complaintsAboutLabels(db, await labelIdsOfOrganisation(db, orgId));
    return render(c, <OrganisationInspectionsPage ctx={pageContext(c)} orgId={orgId} orgName={org.name} items={items} complaints={complaints} />);
  });
};
