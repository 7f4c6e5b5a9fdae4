/** Routes of seed grants: the staff list and export, one label's grant and its decisions. */
import type { Context } from 'hono';
import type { Module } from '../platform/http/app.js';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import type { DbOrTx } from '../platform/db/index.js';
import { isUuid } from '../platform/http/access.js';
import { readForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { recordAudit } from '../platform/audit/audit.store.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import type { FormState } from '../platform/views/ui.js';
import { parisDay } from '../sessions/index.js';
import { areaOfPostcode } from '../review/region.js';
import { allClawbacks, allTranches, clawbacksOfLabel, fundingOf, grantLabel, sessionsOfLabels, tranchesOfLabel, type GrantLabel } from './grants.store.js';
import { parseClawback, parseDecision, planOf, rankedSessions, sessionsCovered, totals, TRANCHE_STATES, type TrancheState } from './grants.js';
import { decideTranche, grantMail, recordClawback, refreshTranches, remainingPaid } from './commands/tranches.js';
import { grantAccess, grantActor, grantMay } from './grants.policy.js';
import { grantsCsv } from './export.js';
import { StaffGrantLabelPage, StaffGrantsPage, type GrantFilters, type GrantListLine } from './views/staff-pages.js';

/** Labels whose place is unknown are grouped under this région. */
export const UNLOCATED = 'Non localisée';

/** The région of each label: its first session's place, else the organisation's postcode. */
async function regionsOf(db: DbOrTx, labels: { id: string; postcode: string }[]): Promise<Map<string, string>> {
  const sessions = await sessionsOfLabels(db, [...new Set(labels.map((l) => l.id))]);
  const out = new Map<string, string>();
  for (const l of labels) {
    if (out.has(l.id)) continue;
    const first = rankedSessions(sessions.filter((s) => s.labelId === l.id)).find((s) => s.region);
    out.set(l.id, first?.region ?? areaOfPostcode(l.postcode)?.regionName ?? UNLOCATED);
  }
  return out;
}

function filtersOf(c: Context<AppEnv>): GrantFilters {
  const state = c.req.query('etat') ?? '';
  return { state: TRANCHE_STATES.includes(state as TrancheState) ? state : '', region: (c.req.query('region') ?? '').slice(0, 100) };
}

/** The list's data for the filters of the request. */
async function listData(c: Context<AppEnv>) {
  const db = c.get('deps').database.db;
  const filters = filtersOf(c);
  const rows = await allTranches(db);
  const clawbacks = await allClawbacks(db);
  const labelInfo = new Map(rows.map((r) => [r.tranche.labelId, r]));
  const regionOf = await regionsOf(db, rows.map((r) => ({ id: r.tranche.labelId, postcode: r.postcode })));
  const regions = [...new Set(regionOf.values())].sort((a, b) => a.localeCompare(b, 'fr'));
  const inRegion = (labelId: string) => !filters.region || regionOf.get(labelId) === filters.region;
  const lines: GrantListLine[] = rows.filter((r) => inRegion(r.tranche.labelId) && (!filters.state || r.tranche.state === filters.state))
    .map((r) => ({ tranche: r.tranche, labelNumber: r.labelNumber, trainingTitle: r.trainingTitle, organisationName: r.organisationName, region: regionOf.get(r.tranche.labelId) ?? UNLOCATED }));
  const claws = clawbacks.filter((x) => inRegion(x.labelId) && labelInfo.has(x.labelId)).map((x) => {
    const i = labelInfo.get(x.labelId)!;
    return { clawback: x, labelNumber: i.labelNumber, trainingTitle: i.trainingTitle, organisationName: i.organisationName, region: regionOf.get(x.labelId) ?? UNLOCATED };
  });
  return { filters, regions, lines, claws, totals: totals(lines.map((l) => l.tranche), claws.map((x) => x.clawback)) };
}

function exportQuery(f: GrantFilters): string {
  const p = new URLSearchParams();
  if (f.state) p.set('etat', f.state);
  if (f.region) p.set('region', f.region);
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function labelOf(c: Context<AppEnv>): Promise<GrantLabel | null> {
  const id = c.req.param('labelId');
  return isUuid(id) ? grantLabel(c.get('deps').database.db, id.toLowerCase()) : null;
}

async function labelPage(c: Context<AppEnv>, label: GrantLabel, forms: { state?: FormState; clawbackState?: FormState } = {}, status = 200) {
  const deps = c.get('deps');
  const db = deps.database.db;
  const tranches = await tranchesOfLabel(db, label.id);
  const clawbacks = await clawbacksOfLabel(db, label.id);
  return render(c, <StaffGrantLabelPage ctx={pageContext(c)} label={label} plan={planOf(label.rules)} sessions={sessionsCovered(await fundingOf(db, label.applicationId))}
    tranches={tranches} clawbacks={clawbacks} totals={totals(tranches, clawbacks)} remainingCents={remainingPaid(tranches, clawbacks)}
    may={{ decide: grantMay(c.get('actor'), 'grants.decide') }} today={parisDay(deps.now())} {...forms} />, status);
}

/** Routes of the grants domain. */
export const grantsModule: Module = (r) => {
  r.get('/gestion/subventions', grantAccess('grants.view'), async (c) => {
    const d = await listData(c);
    return render(c, <StaffGrantsPage ctx={pageContext(c)} lines={d.lines} totals={d.totals} filters={d.filters} regions={d.regions} exportQuery={exportQuery(d.filters)} />);
  });

  r.get('/gestion/subventions/export.csv', grantAccess('grants.view'), async (c) => {
    const deps = c.get('deps');
    const d = await listData(c);
    await recordAudit(deps.database.db, grantActor(c), { action: 'grant.exported', objectType: 'grant', objectId: 'subventions', meta: { format: 'csv', filters: d.filters, rows: d.lines.length + d.claws.length } }, deps.now());
    return new Response(grantsCsv(d.lines, d.claws), { headers: {
      'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="subventions-amorcage-${parisDay(deps.now())}.csv"`, 'cache-control': 'no-store',
    } });
  });

  r.get('/gestion/subventions/:labelId', grantAccess('grants.view'), async (c) => {
    const label = await labelOf(c);
    return label ? labelPage(c, label) : renderErrorPage(c, 404);
  });

  r.post('/gestion/subventions/:labelId/verifier', grantAccess('grants.decide'), async (c) => {
    const label = await labelOf(c);
    if (!label) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => refreshTranches(tx, deps.now(), grantMail(deps), label.id));
    await dispatchMails(deps, res.mailIds);
    const n = res.payable.length;
    return redirectWith(c, `/gestion/subventions/${label.id}`, n === 0 ? 'Aucune nouvelle condition remplie.' : n === 1 ? 'Une tranche est devenue à verser.' : `${n} tranches sont devenues à verser.`);
  });

  r.post('/gestion/subventions/:labelId/decision', grantAccess('grants.decide'), async (c) => {
    const label = await labelOf(c);
    if (!label) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const parsed = parseDecision(values, parisDay(deps.now()));
    if (!parsed.ok) return labelPage(c, label, { state: { errors: parsed.errors, values } }, 422);
    const res = await deps.database.db.transaction((tx) => decideTranche(tx, grantActor(c), label.id, parsed.decision, deps.now(), grantMail(deps)));
    if (!res.ok) return labelPage(c, label, { state: { errors: { [res.field ?? '_form']: res.message }, values } }, 422);
    await dispatchMails(deps, res.mailIds);
    const done = { pay: 'Le versement de la tranche est enregistré.', withhold: 'La tranche est retenue ; l’organisme en est informé.', release: 'La tranche retenue est rétablie.' }[parsed.decision.kind];
    return redirectWith(c, `/gestion/subventions/${label.id}`, done);
  });

  r.post('/gestion/subventions/:labelId/reprise', grantAccess('grants.decide'), async (c) => {
    const label = await labelOf(c);
    if (!label) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const db = deps.database.db;
    const values = await readForm(c);
    const remaining = remainingPaid(await tranchesOfLabel(db, label.id), await clawbacksOfLabel(db, label.id));
    const parsed = parseClawback(values, remaining, parisDay(deps.now()));
    if (!parsed.ok) return labelPage(c, label, { clawbackState: { errors: parsed.errors, values } }, 422);
    const res = await db.transaction((tx) => recordClawback(tx, grantActor(c), label.id, parsed, deps.now()));
    if (!res.ok) return labelPage(c, label, { clawbackState: { errors: { [res.field ?? '_form']: res.message }, values } }, 422);
    return redirectWith(c, `/gestion/subventions/${label.id}`, 'La reprise est enregistrée.');
  });
};
