/** Routes of calls: the public list and pages, and the admin pages that change a call's figures. */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Module } from '../platform/http/app.js';
import type { AppEnv } from '../platform/http/context.js';
import type { DbOrTx } from '../platform/db/index.js';
import { isUuid } from '../platform/http/access.js';
import { readForm, validate, type FormValues } from '../platform/http/forms.js';
import { requiredText } from '../platform/http/fields.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { auditActorOf } from '../staff/audit-actor.js';
import { callAccess } from './calls.policy.js';
import { isCallOpen, cutoffFor } from './call.js';
import { listCallsWithCutoffs, getCallBySlug, getCallById, type CallDetails } from './calls.store.js';
import { parseRulesForm, parseCutoffsForm, parseWeightsForm, type Parsed } from './call-forms.js';
import { changeCallRules, type CallChangeResult } from './commands/update-call-rules.js';
import { changeCutoffs } from './commands/update-cutoffs.js';
import { changeSelectionWeights } from './commands/update-selection-weights.js';
import { CallsListPage } from './views/calls-list.js';
import { CallPage } from './views/call-page.js';
import { AdminCallsPage } from './views/admin-calls.js';
import { AdminCallPage, type CallForm } from './views/admin-call.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

async function loadAdminCall(c: Context<AppEnv>): Promise<CallDetails | null> {
  const id = c.req.param('callId');
  return isUuid(id) ? getCallById(c.get('deps').database.db, id.toLowerCase()) : null;
}

/** One admin form of a call: its motivation field, how it reads the values, which command runs. */
interface CallEdit<T> {
  form: CallForm;
  motivation: string;
  parse: (values: FormValues, details: CallDetails) => Parsed<T>;
  run: (c: Context<AppEnv>, details: CallDetails, data: T, motivation: string) => Promise<CallChangeResult>;
  done: string;
}

function editRoute<T>(edit: CallEdit<T>) {
  const motivationSchema = z.object({ [edit.motivation]: requiredText('la motivation de la modification', 1000) });
  return async (c: Context<AppEnv>): Promise<Response> => {
    const details = await loadAdminCall(c);
    if (!details) return renderErrorPage(c, 404);
    const values = await readForm(c);
    const parsed = edit.parse(values, details);
    const motivation = validate(motivationSchema, values);
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(motivation.ok ? {} : motivation.errors) };
    const again = (errs: Record<string, string>) =>
      render(c, <AdminCallPage ctx={pageContext(c)} details={details} sent={{ form: edit.form, state: { values, errors: errs } }} />, 422);
    if (!parsed.ok || !motivation.ok) return again(errors);
    const res = await edit.run(c, details, parsed.data, String(motivation.data[edit.motivation]));
    if (!res.ok) return again(res.errors ?? { _form: res.message ?? 'Modification refusée.' });
    return redirectWith(c, `/gestion/appels/${details.call.id}`, edit.done);
  };
}

/** Routes of calls. */
export const callsModule: Module = (r) => {
  const read = callAccess('calls.read');
  const manage = callAccess('calls.manage');

  r.get('/appels', read, async (c) => {
    const now = c.get('deps').now();
    const all = await listCallsWithCutoffs(c.get('deps').database.db);
    const calls = all.map(({ call, cutoffs }) => ({
      slug: call.slug, title: call.title, opensAt: call.opensAt,
      open: isCallOpen(call, cutoffs, now), nextCutoff: cutoffFor(cutoffs, now)?.closesAt ?? null,
    }));
    return render(c, <CallsListPage ctx={pageContext(c)} calls={calls} />);
  });

  r.get('/appels/:slug', read, async (c) => {
    const slug = c.req.param('slug') ?? '';
    const details = SLUG.test(slug) ? await getCallBySlug(c.get('deps').database.db, slug) : null;
    if (!details) return renderErrorPage(c, 404);
    return render(c, <CallPage ctx={pageContext(c)} details={details} open={isCallOpen(details.call, details.cutoffs, c.get('deps').now())} />);
  });

  r.get('/gestion/appels', manage, async (c) => {
    const now = c.get('deps').now();
    const all = await listCallsWithCutoffs(c.get('deps').database.db);
    const calls = all.map(({ call, cutoffs }) => ({ id: call.id, slug: call.slug, title: call.title, opensAt: call.opensAt, open: isCallOpen(call, cutoffs, now), cutoffCount: cutoffs.length }));
    return render(c, <AdminCallsPage ctx={pageContext(c)} calls={calls} />);
  });

  r.get('/gestion/appels/:callId', manage, async (c) => {
    const details = await loadAdminCall(c);
    return details ? render(c, <AdminCallPage ctx={pageContext(c)} details={details} />) : renderErrorPage(c, 404);
  });

  const tx = <T,>(c: Context<AppEnv>, f: (t: DbOrTx) => Promise<T>) => c.get('deps').database.db.transaction((t) => f(t));

  r.post('/gestion/appels/:callId/regles', manage, editRoute({
    form: 'regles', motivation: 'motivationRegles', done: 'Les durées et objectifs de l’appel ont été mis à jour.',
    parse: (values, d) => parseRulesForm(values, d.call.rules),
    run: (c, d, rules, motivation) => tx(c, (t) => changeCallRules(t, auditActorOf(c), { callId: d.call.id, rules, motivation }, c.get('deps').now())),
  }));

  r.post('/gestion/appels/:callId/releves', manage, editRoute({
    form: 'releves', motivation: 'motivationReleves', done: 'Le calendrier de l’appel a été mis à jour.',
    parse: (values, d) => parseCutoffsForm(values, d.cutoffs, d.call.opensAt),
    run: (c, d, cutoffs, motivation) => tx(c, (t) => changeCutoffs(t, auditActorOf(c), { callId: d.call.id, cutoffs, motivation }, c.get('deps').now())),
  }));

  r.post('/gestion/appels/:callId/ponderations', manage, editRoute({
    form: 'ponderations', motivation: 'motivationPonderations', done: 'Les pondérations des critères de sélection ont été mises à jour.',
    parse: (values, d) => parseWeightsForm(values, d.selection),
    run: (c, d, weights, motivation) => tx(c, (t) => changeSelectionWeights(t, auditActorOf(c), { callId: d.call.id, weights, motivation }, c.get('deps').now())),
  }));
};
