/** GET /gestion/support/chiffres: figures of the tickets of the topics the actor handles, over a period. */
import type { Router } from '../platform/http/router.js';
import type { AppDeps } from '../platform/http/context.js';
import { render, pageContext } from '../platform/http/render.js';
import { zonedInstant } from '../calls/call.js';
import { supportAccess, visibleTopics } from './support.policy.js';
import { ticketsForFigures } from './tickets.store.js';
import { computeFigures } from './figures.js';
import { addDays, isoDay, parisDayOf } from './working-days.js';
import { FiguresPage } from './views/figures.js';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest period shown at once (days). */
export const MAX_PERIOD_DAYS = 400;

function validDay(v: string | undefined): v is string {
  return !!v && DAY_RE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

/** Registers the figures page (before /gestion/support/:ticketId). */
export function registerFiguresRoutes(r: Router, deps: AppDeps): void {
  const db = deps.database.db;
  r.get('/gestion/support/chiffres', supportAccess('support.inbox'), async (c) => {
    const q = c.req.query();
    const today = parisDayOf(deps.now());
    let to = isoDay(today);
    let from = isoDay(addDays(today, -83));
    const errors: Record<string, string> = {};
    if (q.du !== undefined && q.du !== '') { if (validDay(q.du)) from = q.du; else errors.du = 'Saisissez la date de début au format JJ/MM/AAAA.'; }
    if (q.au !== undefined && q.au !== '') { if (validDay(q.au)) to = q.au; else errors.au = 'Saisissez la date de fin au format JJ/MM/AAAA.'; }
    if (!errors.du && !errors.au) {
      const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
      if (span < 0) errors.au = 'La date de fin doit suivre la date de début.';
      else if (span > MAX_PERIOD_DAYS) errors.au = `Choisissez une période de ${MAX_PERIOD_DAYS} jours au plus.`;
    }
    if (Object.keys(errors).length > 0) {
      to = isoDay(today);
      from = isoDay(addDays(today, -83));
    }
    const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
    const end = addDays({ year: Number(to.slice(0, 4)), month: Number(to.slice(5, 7)), day: Number(to.slice(8, 10)) }, 1);
    const rows = await ticketsForFigures(db, visibleTopics(c.get('actor')),
      zonedInstant({ year: fy, month: fm, day: fd }, 'Europe/Paris'), zonedInstant(end, 'Europe/Paris'));
    const figures = computeFigures(rows, from, to);
    const hasErrors = Object.keys(errors).length > 0;
    return render(c, <FiguresPage ctx={pageContext(c)} figures={figures} from={from} to={to} state={hasErrors ? { errors, values: q } : undefined} />, hasErrors ? 422 : 200);
  });
}
