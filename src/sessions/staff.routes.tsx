/** The staff compliance dashboard (/gestion/suivi) and its exports. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { render, pageContext } from '../platform/http/render.js';
import { isUuid } from '../platform/http/access.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { recordAudit } from '../platform/audit/audit.store.js';
import { complianceInputs, latestCallRules, sessionsOfLabel, obligationsOfLabel } from './sessions.store.js';
import { compliance, filterInputs, type ComplianceFilters } from './compliance.js';
import { complianceCsv, complianceXlsx } from './compliance-export.js';
import { parisDay } from './obligations.js';
import { monitoringAccess, sessionActor } from './sessions.policy.js';
import { CompliancePage } from './views/compliance-page.js';
import { StaffLabelPage } from './views/staff-label-page.js';

function filtersOf(c: Context<AppEnv>): ComplianceFilters & { region: string; status: string; q: string; risk: boolean } {
  return { region: c.req.query('region') ?? '', status: c.req.query('statut') ?? '', q: (c.req.query('q') ?? '').slice(0, 100), risk: c.req.query('risque') === '1' };
}

/** The dashboard's data for the filters of the request. */
async function dashboard(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const db = deps.database.db;
  const today = parisDay(deps.now());
  const filters = filtersOf(c);
  const all = await complianceInputs(db);
  const rules = await latestCallRules(db);
  const full = compliance(all, today, rules);
  const regionOf = new Map(full.labels.map((l) => [l.id, l.region]));
  const regions = [...new Set(full.labels.map((l) => l.region))].sort((a, b) => a.localeCompare(b, 'fr'));
  const data = compliance(filterInputs(all, (l) => regionOf.get(l.id) ?? '', filters), today, rules);
  return { data, filters, regions, today };
}

function exportQuery(f: { region: string; status: string; q: string; risk: boolean }): string {
  const p = new URLSearchParams();
  if (f.region) p.set('region', f.region);
  if (f.status) p.set('statut', f.status);
  if (f.q) p.set('q', f.q);
  if (f.risk) p.set('risque', '1');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Registers the staff monitoring routes. */
export function registerComplianceRoutes(r: Router): void {
  r.get('/gestion/suivi', monitoringAccess('monitoring.view'), async (c) => {
    const d = await dashboard(c);
    return render(c, <CompliancePage ctx={pageContext(c)} data={d.data} filters={d.filters} regions={d.regions} today={d.today} exportQuery={exportQuery(d.filters)}
      staffSessionPages={r.entries.some((e) => e.method === 'GET' && e.path === '/gestion/suivi/sessions/:sessionId/apprenants')} />);
  });

  r.get('/gestion/suivi/labels/:labelId', monitoringAccess('monitoring.view'), async (c) => {
    const id = c.req.param('labelId');
    if (!isUuid(id)) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const db = deps.database.db;
    const today = parisDay(deps.now());
    const input = (await complianceInputs(db)).find((l) => l.id === id.toLowerCase());
    if (!input) return renderErrorPage(c, 404);
    const line = compliance([input], today, null).labels[0]!;
    return render(c, <StaffLabelPage ctx={pageContext(c)} line={line} validFrom={input.validFrom} validUntil={input.validUntil}
      sessions={await sessionsOfLabel(db, input.id)} obligations={await obligationsOfLabel(db, input.id)} today={today}
      staffSessionPages={r.entries.some((e) => e.method === 'GET' && e.path === '/gestion/suivi/sessions/:sessionId/apprenants')} />);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(`/gestion/suivi/export.${format}`, monitoringAccess('monitoring.export'), async (c) => {
      const deps = c.get('deps');
      const d = await dashboard(c);
      const lines = d.filters.risk ? d.data.labels.filter((l) => l.atRisk) : d.data.labels;
      await recordAudit(deps.database.db, sessionActor(c), { action: 'monitoring.exported', objectType: 'monitoring', objectId: 'suivi', meta: { format, filters: d.filters, rows: lines.length } }, deps.now());
      const name = `suivi-labels-${d.today}.${format}`;
      if (format === 'csv') {
        return new Response(complianceCsv(lines), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' } });
      }
      return new Response(new Uint8Array(await complianceXlsx(lines)), { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' } });
    });
  }
}
