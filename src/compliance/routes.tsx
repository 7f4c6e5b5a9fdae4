/** Routes of compliance: annual reports (organisation side and staff side). */
import type { Context } from 'hono';
import type { Module } from '../platform/http/app.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { readForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import { parisDateTime } from '../platform/pdf/pdf.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import type { FormState } from '../platform/views/ui.js';
import { organisationName } from '../sessions/sessions.store.js';
import { annualDutiesOfOrganisation, annualDuty, findReport, labelWithCall, reportOf, reportsForStaff, type AnnualReportRow } from './compliance.store.js';
import { parseAnswers, parseReview } from './annual-report.js';
import { computeAnnualFigures, saveAnnualReport, reviewAnnualReport } from './commands/annual-report.js';
import { complianceAccess, complianceActor } from './compliance.policy.js';
import { registerSanctionRoutes } from './sanctions.routes.js';
import { registerChangeRequestRoutes } from './change-requests.routes.js';
import { OrgReportsPage, OrgReportPage, StaffReportsPage, StaffReportPage, type StaffReportItem } from './views/annual-report-pages.js';

const orgIdOf = (c: Context<AppEnv>) => c.req.param('orgId')!.toLowerCase();

const ACTION_LABELS: Record<string, string> = {
  'annual_report.saved': 'Brouillon enregistré',
  'annual_report.submitted': 'Bilan transmis',
  'annual_report.accepted': 'Bilan accepté',
  'annual_report.returned': 'Bilan renvoyé',
};

/** The label (of this organisation) and year of the URL, with the obligation of that year; null → 404. */
async function dutyOf(c: Context<AppEnv>) {
  const labelId = c.req.param('labelId');
  const year = Number(c.req.param('year'));
  if (!isUuid(labelId) || !/^\d{4}$/.test(c.req.param('year') ?? '')) return null;
  const db = c.get('deps').database.db;
  const found = await labelWithCall(db, labelId.toLowerCase(), orgIdOf(c));
  if (!found) return null;
  const duty = await annualDuty(db, found.label.id, year);
  return duty ? { found, duty, year } : null;
}
type Duty = NonNullable<Awaited<ReturnType<typeof dutyOf>>>;

async function orgReportPage(c: Context<AppEnv>, d: Duty, state?: FormState, status = 200) {
  const db = c.get('deps').database.db;
  const report = await reportOf(db, d.found.label.id, d.year);
  const figures = await computeAnnualFigures(db, d.found.label.id, d.year, d.found.rules);
  const frozen = report && (report.status === 'submitted' || report.status === 'accepted') && report.indicators;
  const rows = frozen ? report.indicators! : figures.rows;
  return render(c, <OrgReportPage ctx={pageContext(c)} orgId={orgIdOf(c)} orgName={d.found.organisationName} labelNumber={d.found.label.number} trainingTitle={d.found.label.trainingTitle}
    year={d.year} dueOn={d.duty.dueOn} report={report} sessions={figures.sessions} rows={rows}
    state={state ?? { values: { ...(report?.answers ?? {}) } }} labelId={d.found.label.id} />, status);
}

async function staffItem(c: Context<AppEnv>, r: AnnualReportRow): Promise<StaffReportItem | null> {
  const found = await labelWithCall(c.get('deps').database.db, r.labelId);
  return found ? { report: r, labelNumber: found.label.number, trainingTitle: found.label.trainingTitle, organisationName: found.organisationName } : null;
}

async function staffReportPage(c: Context<AppEnv>, r: AnnualReportRow, state: FormState = {}, status = 200) {
  const item = await staffItem(c, r);
  if (!item) return renderErrorPage(c, 404);
  const history = (await objectHistory(c.get('deps').database.db, 'annual_report', r.id)).map((e) => ({
    at: parisDateTime(new Date(e.at)), actorLabel: e.actorLabel, action: ACTION_LABELS[e.action] ?? e.action, reason: ((e.meta ?? {}) as { reason?: string | null }).reason ?? null,
  }));
  return render(c, <StaffReportPage ctx={pageContext(c)} item={item} state={state} history={history} />, status);
}

async function visibleReport(c: Context<AppEnv>): Promise<AnnualReportRow | null> {
  const id = c.req.param('reportId');
  if (!isUuid(id)) return null;
  const r = await findReport(c.get('deps').database.db, id.toLowerCase());
  return r && r.status !== 'draft' ? r : null;
}

/** Routes of compliance. */
export const complianceModule: Module = (r) => {
  registerSanctionRoutes(r);
  registerChangeRequestRoutes(r);
  const orgBase = '/organisations/:orgId/conformite/bilans';

  r.get(orgBase, ORG_MEMBER, async (c) => {
    const db = c.get('deps').database.db;
    const orgName = await organisationName(db, orgIdOf(c));
    if (!orgName) return renderErrorPage(c, 404);
    const rows = await annualDutiesOfOrganisation(db, orgIdOf(c));
    const items = rows.map((x) => ({ labelId: x.obligation.labelId, labelNumber: x.labelNumber, trainingTitle: x.trainingTitle, year: x.obligation.year!, dueOn: x.obligation.dueOn, status: x.report?.status ?? null }));
    return render(c, <OrgReportsPage ctx={pageContext(c)} orgId={orgIdOf(c)} orgName={orgName} items={items} />);
  });

  r.get(`${orgBase}/:labelId/:year`, ORG_MEMBER, async (c) => {
    const d = await dutyOf(c);
    return d ? orgReportPage(c, d) : renderErrorPage(c, 404);
  });

  r.post(`${orgBase}/:labelId/:year`, ORG_MEMBER, async (c) => {
    const d = await dutyOf(c);
    if (!d) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const submit = values.action === 'submit';
    const parsed = parseAnswers(values, submit);
    if (!parsed.ok) return orgReportPage(c, d, { errors: parsed.errors, values }, 422);
    const version = /^\d+$/.test(String(values.version ?? '')) ? Number(values.version) : null;
    const res = await deps.database.db.transaction((tx) => saveAnnualReport(tx, complianceActor(c), {
      labelId: d.found.label.id, organisationId: d.found.label.organisationId, year: d.year, answers: parsed.answers, submit, version,
    }, deps.now()));
    if (!res.ok) return orgReportPage(c, d, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    return redirectWith(c, `/organisations/${d.found.label.organisationId}/conformite/bilans/${d.found.label.id}/${d.year}`,
      submit ? `Le bilan annuel ${d.year} est transmis à l’équipe GEN.` : 'Le brouillon du bilan est enregistré.');
  });

  r.get('/gestion/conformite/bilans', complianceAccess('compliance.view'), async (c) => {
    const items = await reportsForStaff(c.get('deps').database.db);
    return render(c, <StaffReportsPage ctx={pageContext(c)} items={items} />);
  });

  r.get('/gestion/conformite/bilans/:reportId', complianceAccess('compliance.view'), async (c) => {
    const report = await visibleReport(c);
    return report ? staffReportPage(c, report) : renderErrorPage(c, 404);
  });

  r.post('/gestion/conformite/bilans/:reportId/examen', complianceAccess('compliance.review'), async (c) => {
    const report = await visibleReport(c);
    if (!report) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const parsed = parseReview(values);
    if (!parsed.ok) return staffReportPage(c, report, { errors: parsed.errors, values }, 422);
    const res = await deps.database.db.transaction((tx) => reviewAnnualReport(tx, complianceActor(c), { reportId: report.id, version: Number(values.version), ...parsed }, deps.now(),
      { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL }));
    if (!res.ok) return staffReportPage(c, (await visibleReport(c)) ?? report, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    await dispatchMails(deps, res.mailIds ?? []);
    return redirectWith(c, `/gestion/conformite/bilans/${report.id}`, parsed.decision === 'accept' ? 'Le bilan est accepté.' : 'Le bilan est renvoyé à l’organisme avec votre motivation.');
  });
};
