/** Routes of the contradictory procedure: staff notify and decide, the organisation answers. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import type { AppDeps } from '../platform/http/context.js';
import { ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { readForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import type { FormState } from '../platform/views/ui.js';
import { organisationName } from '../sessions/sessions.store.js';
import { parisDay } from '../sessions/index.js';
import { findProcedure, listProcedures, sanctionableLabels } from './compliance.store.js';
import { decisionRefusal, mayAnswer, parseAnswer, parseNotice, MEASURE_LABELS } from './sanctions.js';
import { openProcedure, answerProcedure, decideProcedure } from './commands/sanctions.js';
import { complianceAccess, complianceActor, complianceNamedActor } from './compliance.policy.js';
import { StaffSanctionsPage, StaffSanctionPage, OrgSanctionsPage, OrgSanctionPage, type SanctionItem } from './views/sanction-pages.js';

const orgIdOf = (c: Context<AppEnv>) => c.req.param('orgId')!.toLowerCase();
const mailSettings = (deps: AppDeps) => ({ baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL });

/** The procedure of the URL with its label (restricted to the organisation of the URL when given); null → 404. */
async function itemOf(c: Context<AppEnv>, orgId?: string): Promise<SanctionItem | null> {
  const id = c.req.param('procedureId');
  if (!isUuid(id)) return null;
  const db = c.get('deps').database.db;
  const p = await findProcedure(db, id.toLowerCase(), { orgId });
  if (!p) return null;
  return (await listProcedures(db, p.organisationId)).find((i) => i.procedure.id === p.id) ?? null;
}

async function staffListPage(c: Context<AppEnv>, state: FormState = {}, status = 200) {
  const db = c.get('deps').database.db;
  return render(c, <StaffSanctionsPage ctx={pageContext(c)} items={await listProcedures(db)} labels={await sanctionableLabels(db)} state={state} />, status);
}

function staffPage(c: Context<AppEnv>, item: SanctionItem, state: FormState = {}, status = 200) {
  const today = parisDay(c.get('deps').now());
  const refusal = decisionRefusal(item.procedure, today, 'motivation suffisante');
  return render(c, <StaffSanctionPage ctx={pageContext(c)} item={item} state={state} decidable={refusal?.message ?? null} />, status);
}

function orgPage(c: Context<AppEnv>, item: SanctionItem, state: FormState = {}, status = 200) {
  const may = mayAnswer(item.procedure, parisDay(c.get('deps').now())) === null;
  return render(c, <OrgSanctionPage ctx={pageContext(c)} orgId={orgIdOf(c)} item={item} state={state} mayAnswer={may} />, status);
}

/** Registers the routes of sanctions. */
export function registerSanctionRoutes(r: Router): void {
  const access = complianceAccess('compliance.sanction');

  r.get('/gestion/conformite/sanctions', access, (c) => staffListPage(c));

  r.post('/gestion/conformite/sanctions', access, async (c) => {
    const deps = c.get('deps');
    const values = await readForm(c);
    const parsed = parseNotice(values);
    if (!parsed.ok) return staffListPage(c, { errors: parsed.errors, values }, 422);
    const res = await deps.database.db.transaction((tx) => openProcedure(tx, complianceNamedActor(c), parsed, deps.now(), mailSettings(deps)));
    if (!res.ok) return staffListPage(c, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/conformite/sanctions/${res.procedure.id}`, `Les griefs sont notifiés à l’organisme ; il peut répondre jusqu’au ${res.procedure.answerDueOn.split('-').reverse().join('/')} inclus.`);
  });

  r.get('/gestion/conformite/sanctions/:procedureId', access, async (c) => {
    const item = await itemOf(c);
    return item ? staffPage(c, item) : renderErrorPage(c, 404);
  });

  r.post('/gestion/conformite/sanctions/:procedureId/decision', access, async (c) => {
    const item = await itemOf(c);
    if (!item) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const errors: Record<string, string> = {};
    if (values.decision !== 'apply' && values.decision !== 'abandon') errors.decision = 'Choisissez de prononcer la mesure ou de clore la procédure sans mesure.';
    const motivation = typeof values.motivation === 'string' ? values.motivation : '';
    if (Object.keys(errors).length) return staffPage(c, item, { errors, values }, 422);
    const res = await deps.database.db.transaction((tx) => decideProcedure(tx, complianceNamedActor(c), { procedureId: item.procedure.id, version: Number(values.version), apply: values.decision === 'apply', motivation }, deps.now(), mailSettings(deps)));
    if (!res.ok) return staffPage(c, (await itemOf(c)) ?? item, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/conformite/sanctions/${item.procedure.id}`, res.procedure.status === 'applied' ? `Mesure prononcée : ${MEASURE_LABELS[item.procedure.measure].toLowerCase()}.` : 'La procédure est close sans mesure.');
  });

  r.get('/organisations/:orgId/conformite/sanctions', ORG_MEMBER, async (c) => {
    const db = c.get('deps').database.db;
    const orgName = await organisationName(db, orgIdOf(c));
    if (!orgName) return renderErrorPage(c, 404);
    return render(c, <OrgSanctionsPage ctx={pageContext(c)} orgId={orgIdOf(c)} orgName={orgName} items={await listProcedures(db, orgIdOf(c))} />);
  });

  r.get('/organisations/:orgId/conformite/sanctions/:procedureId', ORG_MEMBER, async (c) => {
    const item = await itemOf(c, orgIdOf(c));
    return item ? orgPage(c, item) : renderErrorPage(c, 404);
  });

  r.post('/organisations/:orgId/conformite/sanctions/:procedureId/reponse', ORG_MEMBER, async (c) => {
    const item = await itemOf(c, orgIdOf(c));
    if (!item) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const parsed = parseAnswer(values);
    if (!parsed.ok) return orgPage(c, item, { errors: parsed.errors, values }, 422);
    const res = await deps.database.db.transaction((tx) => answerProcedure(tx, complianceActor(c), { procedureId: item.procedure.id, organisationId: orgIdOf(c), answer: parsed.answer }, deps.now()));
    if (!res.ok) return orgPage(c, (await itemOf(c, orgIdOf(c))) ?? item, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    return redirectWith(c, `/organisations/${orgIdOf(c)}/conformite/sanctions/${item.procedure.id}`, 'Votre réponse est transmise à l’équipe GEN ; elle en tiendra compte dans sa décision.');
  });
}
