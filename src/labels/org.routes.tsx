/** The organisation's label routes: its labels, one label, the convention, signature, termination request. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_ADMIN, ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { readForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { pdfResponse } from '../platform/pdf/pdf.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import type { FormState } from '../platform/views/ui.js';
import { findLabel, listOrganisationLabels, type FoundLabel } from './labels.store.js';
import { labelsWithSignatures, signaturesOf } from './agreement.store.js';
import { organisationSignatureProblem } from './agreement.js';
import { currentConvention, discardDocument, renderConvention, storeConvention } from './agreement.documents.js';
import { signAsOrganisation } from './commands/sign-agreement.js';
import { requestTermination } from './commands/change-status.js';
import { isOrganisationAdmin, labelActor } from './labels.policy.js';
import { labelCan } from './label.states.js';
import { dayIn } from './label.js';
import { OrganisationLabelPage, OrganisationLabelsPage } from './views/org-pages.js';
import { organisationGrantSection } from '../grants/organisation-view.js';

const orgIdOf = (c: Context<AppEnv>) => c.req.param('orgId')!.toLowerCase();

/** The label in the URL, if it belongs to the organisation in the URL (someone else's label is a 404). */
async function labelOf(c: Context<AppEnv>): Promise<FoundLabel | null> {
  const id = c.req.param('labelId');
  if (!isUuid(id)) return null;
  const found = await findLabel(c.get('deps').database.db, id.toLowerCase());
  return found && found.label.organisationId === orgIdOf(c) ? found : null;
}

async function page(c: Context<AppEnv>, found: FoundLabel, state?: FormState, status = 200) {
  const deps = c.get('deps');
  const db = deps.database.db;
  const signatures = await signaturesOf(db, found.label.id);
  const admin = isOrganisationAdmin(c.get('actor'), found.label.organisationId);
  const awaitsSignature = organisationSignatureProblem(found.label.status, signatures) === null;
  const history = (await objectHistory(db, 'label', found.label.id)).map((e) => ({ id: e.id, at: String(e.at), actorLabel: e.actorLabel, action: e.action, after: e.after }));
  return render(c, <OrganisationLabelPage ctx={pageContext(c)} orgId={orgIdOf(c)} found={found} signatures={signatures} history={history}
    maySign={admin && awaitsSignature} awaitsSignature={awaitsSignature}
    mayRequestTermination={admin && labelCan(found.label.status, 'terminate') && !found.label.terminationRequestedAt}
    today={dayIn(deps.now(), found.timezone)} state={state} seedGrantSection={await organisationGrantSection(db, found.label.id)} />, status);
}

/** Registers the organisation's label routes. */
export function registerOrganisationLabelRoutes(r: Router): void {
  r.get('/organisations/:orgId/labels', ORG_MEMBER, async (c) => {
    const deps = c.get('deps');
    const db = deps.database.db;
    const orgId = orgIdOf(c);
    const labels = await listOrganisationLabels(db, orgId);
    const pendingIds = labels.filter((l) => l.status === 'pending_agreement').map((l) => l.id);
    const signedIds = await labelsWithSignatures(db, pendingIds);
    const toSign = new Set(pendingIds.filter((id) => !signedIds.has(id)));
    const orgName = c.get('actor')?.memberships.find((m) => m.organisationId === orgId)?.organisationName ?? 'Organisme';
    return render(c, <OrganisationLabelsPage ctx={pageContext(c)} orgId={orgId} orgName={orgName} labels={labels} today={dayIn(deps.now())} toSign={toSign} />);
  });

  r.get('/organisations/:orgId/labels/:labelId', ORG_MEMBER, async (c) => {
    const found = await labelOf(c);
    return found ? page(c, found) : renderErrorPage(c, 404);
  });

  r.get('/organisations/:orgId/labels/:labelId/convention.pdf', ORG_MEMBER, async (c) => {
    const found = await labelOf(c);
    const doc = found && await currentConvention(c.get('deps'), found.label.id, found.label.number);
    return doc ? pdfResponse(doc.bytes, doc.fileName) : renderErrorPage(c, 404);
  });

  r.post('/organisations/:orgId/labels/:labelId/signer', ORG_ADMIN, async (c) => {
    const found = await labelOf(c);
    if (!found) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    if (values.jeSigne !== 'oui') return page(c, found, { errors: { jeSigne: 'Cochez « Je signe » pour signer la convention.' }, values }, 422);
    const problem = organisationSignatureProblem(found.label.status, await signaturesOf(deps.database.db, found.label.id));
    if (problem) return page(c, found, { errors: { _form: problem }, values }, 422);
    const actor = labelActor(c);
    const now = deps.now();
    const bytes = await renderConvention(deps.database.db, found.label.id, { organisation: { signerName: actor.name, signerEmail: actor.email, signedAt: now } });
    if (!bytes) return renderErrorPage(c, 404);
    const document = await storeConvention(deps, found.label.id, bytes, `convention-${found.label.number}-signee-organisme.pdf`);
    const res = await deps.database.db.transaction((tx) => signAsOrganisation(tx, actor, { labelId: found.label.id, organisationId: found.label.organisationId, document }, now, { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL }));
    if (!res.ok) {
      await discardDocument(deps, document);
      return page(c, (await labelOf(c)) ?? found, { errors: { _form: res.message }, values }, 422);
    }
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/organisations/${found.label.organisationId}/labels/${found.label.id}`, 'Vous avez signé la convention. Le label sera actif dès sa contresignature par la Grande École du Numérique.');
  });

  r.post('/organisations/:orgId/labels/:labelId/resiliation', ORG_ADMIN, async (c) => {
    const found = await labelOf(c);
    if (!found) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const reason = typeof values.reason === 'string' ? values.reason : '';
    const res = await deps.database.db.transaction((tx) => requestTermination(tx, labelActor(c), { labelId: found.label.id, organisationId: found.label.organisationId, reason }, deps.now()));
    if (!res.ok) return page(c, (await labelOf(c)) ?? found, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    return redirectWith(c, `/organisations/${found.label.organisationId}/labels/${found.label.id}`, 'Votre demande de résiliation amiable est transmise à la Grande École du Numérique.');
  });
}
