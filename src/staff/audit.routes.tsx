/** Admin routes of the audit log: the filtered browser and the integrity check. */
import type { Router } from '../platform/http/router.js';
import { render, pageContext } from '../platform/http/render.js';
import { listAudit, verifyChain } from '../platform/audit/audit.store.js';
import { staffAccess } from './staff.policy.js';
import { parseAuditFilters } from './audit-filters.js';
import { AuditPage, IntegrityPage } from './views/audit-log.js';
import { pageParam } from './views/common.js';

const PAGE_SIZE = 25;

/** Registers /gestion/journal and /gestion/journal/integrite. */
export function registerAuditRoutes(r: Router): void {
  const access = staffAccess('audit.browse');

  r.get('/gestion/journal', access, async (c) => {
    const parsed = parseAuditFilters(c.req.query());
    if (!parsed.ok) return render(c, <AuditPage ctx={pageContext(c)} values={parsed.values} errors={parsed.errors} />, 422);
    const page = pageParam(c.req.query('page'));
    const { rows, total } = await listAudit(c.get('deps').database.db, parsed.filter, page, PAGE_SIZE);
    return render(c, <AuditPage ctx={pageContext(c)} values={parsed.values} result={{ rows, total, page, size: PAGE_SIZE }} />);
  });

  // A read-only check, so a GET: it can be bookmarked and re-run without a form.
  r.get('/gestion/journal/integrite', access, async (c) => {
    const check = await verifyChain(c.get('deps').database.db);
    return render(c, <IntegrityPage ctx={pageContext(c)} check={check} />);
  });
}
