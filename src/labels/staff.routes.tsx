/** Staff routes of one label: its page, the convention, countersignature or signed copy, status changes. */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Router } from '../platform/http/router.js';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { isUuid } from '../platform/http/access.js';
import { parseForm, readForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { pdfResponse } from '../platform/pdf/pdf.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { fileServices } from '../platform/files/files.js';
import { checkUpload } from '../platform/files/upload.js';
import type { FormState } from '../platform/views/ui.js';
import { findLabel, type FoundLabel } from './labels.store.js';
import { signaturesOf } from './agreement.store.js';
import { countersignatureProblem } from './agreement.js';
import { currentConvention, discardDocument, renderConvention, storeConvention } from './agreement.documents.js';
import { countersign, recordSignedCopy, signingDay, validityOf } from './commands/sign-agreement.js';
import { answerTerminationRequest, changeLabelStatus, STAFF_EVENTS } from './commands/change-status.js';
import { labelAccess, labelActor, labelMay } from './labels.policy.js';
import { labelCan, LABEL_STATUS_LABELS } from './label.states.js';
import { dayIn } from './label.js';
import { StaffLabelPage } from './views/staff-label-page.js';
import { loadLabelSupervision } from '../inspections/label-supervision.js';

const statusForm = z.object({
  evenement: z.enum(STAFF_EVENTS, { message: 'Choisissez une décision.' }),
  motivation: z.string().trim().min(1, 'Motivez la décision : la motivation est communiquée à l’organisme.').max(4000, 'La motivation dépasse 4 000 caractères.'),
  version: z.coerce.number().int(),
});
const answerForm = z.object({
  reponse: z.enum(['accepter', 'refuser'], { message: 'Choisissez d’accepter ou de refuser la demande.' }),
  answerMotivation: z.string().trim().min(1, 'Motivez la réponse : elle est communiquée à l’organisme.').max(4000, 'La motivation dépasse 4 000 caractères.'),
  version: z.coerce.number().int(),
});

async function labelOf(c: Context<AppEnv>): Promise<FoundLabel | null> {
  const id = c.req.param('labelId');
  return isUuid(id) ? findLabel(c.get('deps').database.db, id.toLowerCase()) : null;
}

const mailSettings = (deps: AppDeps) => ({ baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL });

/** Renders the staff page of a label (status 422 when a form is re-displayed). */
async function page(c: Context<AppEnv>, found: FoundLabel, state?: FormState, status = 200) {
  const deps = c.get('deps');
  const db = deps.database.db;
  const signatures = await signaturesOf(db, found.label.id);
  const actor = c.get('actor');
  const pending = found.label.status === 'pending_agreement';
  const manage = labelMay(actor, 'labels.manage');
  const may = {
    countersign: labelMay(actor, 'labels.countersign') && countersignatureProblem(found.label.status, signatures) === null,
    recordCopy: labelMay(actor, 'labels.countersign') && pending && !signatures.some((s) => s.kind !== 'organisation'),
    events: manage ? STAFF_EVENTS.filter((e) => labelCan(found.label.status, e)) : [],
    answerRequest: manage && !!found.label.terminationRequestedAt,
  };
  const history = (await objectHistory(db, 'label', found.label.id)).map((e) => ({ id: e.id, at: String(e.at), actorLabel: e.actorLabel, action: e.action, after: e.after }));
  const supervision = await loadLabelSupervision(db, found.label.id, actor?.staffRoles ?? []);
  return render(c, <StaffLabelPage ctx={pageContext(c)} found={found} signatures={signatures} history={history} may={may} today={dayIn(deps.now(), found.timezone)} state={state} supervision={supervision} />, status);
}

/** Registers the staff routes of one label. */
export function registerStaffLabelRoutes(r: Router): void {
  r.get('/gestion/labels/:labelId', labelAccess('labels.view'), async (c) => {
    const found = await labelOf(c);
    return found ? page(c, found) : renderErrorPage(c, 404);
  });

  r.get('/gestion/labels/:labelId/convention.pdf', labelAccess('labels.view'), async (c) => {
    const found = await labelOf(c);
    const doc = found && await currentConvention(c.get('deps'), found.label.id, found.label.number);
    return doc ? pdfResponse(doc.bytes, doc.fileName) : renderErrorPage(c, 404);
  });

  r.post('/gestion/labels/:labelId/contresigner', labelAccess('labels.countersign'), async (c) => {
    const found = await labelOf(c);
    if (!found) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    if (values.contresigne !== 'oui') return page(c, found, { errors: { contresigne: 'Cochez la case pour contresigner la convention.' }, values }, 422);
    const signatures = await signaturesOf(deps.database.db, found.label.id);
    const problem = countersignatureProblem(found.label.status, signatures);
    const org = signatures.find((s) => s.kind === 'organisation');
    if (problem || !org) return page(c, found, { errors: { _form: problem ?? 'L’organisme n’a pas encore signé la convention.' }, values }, 422);
    const actor = labelActor(c);
    const now = deps.now();
    const bytes = await renderConvention(deps.database.db, found.label.id, {
      organisation: { signerName: org.signerName, signerEmail: org.signerEmail, signedAt: org.signedAt },
      countersignature: { signerName: actor.name, signerEmail: actor.email, signedAt: now, sha256: org.sha256 },
    }, validityOf(found, signingDay(found, now)));
    if (!bytes) return renderErrorPage(c, 404);
    const document = await storeConvention(deps, found.label.id, bytes, `convention-${found.label.number}-signee.pdf`);
    const res = await deps.database.db.transaction((tx) => countersign(tx, actor, { labelId: found.label.id, document }, now, mailSettings(deps)));
    if (!res.ok) {
      await discardDocument(deps, document);
      return page(c, (await labelOf(c)) ?? found, { errors: { _form: res.message }, values }, 422);
    }
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/labels/${found.label.id}`, 'La convention est contresignée : le label est actif.');
  });

  r.post('/gestion/labels/:labelId/copie-signee', labelAccess('labels.countersign'), async (c) => {
    const found = await labelOf(c);
    if (!found) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const signedOn = typeof body.signedOn === 'string' ? body.signedOn.trim() : '';
    const file = body.fichier instanceof File ? body.fichier : null;
    const values = { signedOn };
    const errors: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(signedOn) || Number.isNaN(Date.parse(signedOn))) errors.signedOn = 'Saisissez la date de la signature, par exemple 15/03/2026.';
    if (!file || file.size === 0 && !file.name) errors.fichier = 'Choisissez le fichier PDF de la convention signée.';
    const services = fileServices(deps);
    let checked: Awaited<ReturnType<typeof checkUpload>> | null = null;
    if (file && !errors.fichier) {
      checked = await checkUpload(new Uint8Array(await file.arrayBuffer()), file.name, services.maxBytes, services.scanner);
      if (!checked.ok) errors.fichier = checked.message;
      else if (checked.file.type !== 'pdf') errors.fichier = 'La convention signée doit être un fichier PDF.';
    }
    if (Object.keys(errors).length > 0 || !checked?.ok) return page(c, found, { errors, values }, 422);
    const document = await storeConvention(deps, found.label.id, checked.file.bytes, checked.file.name);
    const res = await deps.database.db.transaction((tx) => recordSignedCopy(tx, labelActor(c), { labelId: found.label.id, signedOn, document }, deps.now(), mailSettings(deps)));
    if (!res.ok) {
      await discardDocument(deps, document);
      return page(c, (await labelOf(c)) ?? found, { errors: { [res.field ?? '_form']: res.message }, values }, 422);
    }
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/labels/${found.label.id}`, 'La copie signée est enregistrée : le label est actif.');
  });

  r.post('/gestion/labels/:labelId/statut', labelAccess('labels.manage'), async (c) => {
    const found = await labelOf(c);
    if (!found) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const form = await parseForm(c, statusForm);
    if (!form.ok) return page(c, found, form, 422);
    const res = await deps.database.db.transaction((tx) => changeLabelStatus(tx, labelActor(c), { labelId: found.label.id, event: form.data.evenement, motivation: form.data.motivation, version: form.data.version }, deps.now(), mailSettings(deps)));
    if (!res.ok) return page(c, (await labelOf(c)) ?? found, { errors: { [res.field ?? '_form']: res.message }, values: form.values }, 422);
    await dispatchMails(deps, res.mailIds);
    const after = await labelOf(c);
    return redirectWith(c, `/gestion/labels/${found.label.id}`, `Décision enregistrée : le label est maintenant « ${LABEL_STATUS_LABELS[after?.label.status ?? found.label.status].toLowerCase()} ».`);
  });

  r.post('/gestion/labels/:labelId/demande-resiliation', labelAccess('labels.manage'), async (c) => {
    const found = await labelOf(c);
    if (!found) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const form = await parseForm(c, answerForm);
    if (!form.ok) return page(c, found, form, 422);
    const accept = form.data.reponse === 'accepter';
    const res = await deps.database.db.transaction((tx) => answerTerminationRequest(tx, labelActor(c), { labelId: found.label.id, accept, motivation: form.data.answerMotivation, version: form.data.version }, deps.now(), mailSettings(deps)));
    if (!res.ok) return page(c, (await labelOf(c)) ?? found, { errors: { [res.field ?? '_form']: res.message }, values: form.values }, 422);
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `/gestion/labels/${found.label.id}`, accept ? 'La demande est acceptée : la convention est résiliée.' : 'La demande de résiliation est refusée ; l’organisme en est informé.');
  });
}
