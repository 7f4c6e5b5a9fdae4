/** Supporting documents: page, upload (checked from content, antivirus), download to members, removal. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { fileServices } from '../platform/files/files.js';
import { checkUpload } from '../platform/files/upload.js';
import { newStorageKey } from '../platform/files/storage.js';
import { findFile } from './applications.store.js';
import { memberActor } from './applications.policy.js';
import { isDocumentKind, DOCUMENT_LABELS } from './documents.js';
import { addDocument, removeDocument } from './commands/documents.js';
import { DocumentsPage } from './views/documents.js';
import { documentsPath } from './views/paths.js';
import { BASE, dossierOf } from './request.js';
import type { Dossier } from './dossier.js';

function page(c: Context<AppEnv>, d: Dossier, status = 200, errors: Record<string, string> = {}, kind = '') {
  return render(c, <DocumentsPage ctx={pageContext(c)} d={d} maxMb={c.get('deps').config.MAX_UPLOAD_MB} errors={errors} kind={kind} />, status);
}

/** Registers the document routes (called by the applications module). */
export function documentRoutes(r: Router): void {
  r.get(`${BASE}/:appId/pieces`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    return d ? page(c, d) : renderErrorPage(c, 404);
  });

  r.post(`${BASE}/:appId/pieces`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const kind = typeof body.kind === 'string' ? body.kind : '';
    const file = body.file instanceof File ? body.file : null;
    const errors: Record<string, string> = {};
    if (!isDocumentKind(kind)) errors.kind = 'Choisissez le type de document.';
    if (!file || (file.size === 0 && !file.name)) errors.file = 'Choisissez un fichier à ajouter.';
    const services = fileServices(deps);
    let checked: Awaited<ReturnType<typeof checkUpload>> | null = null;
    if (file && !errors.file) {
      checked = await checkUpload(new Uint8Array(await file.arrayBuffer()), file.name, services.maxBytes, services.scanner);
      if (!checked.ok) errors.file = checked.message;
    }
    if (Object.keys(errors).length > 0 || !checked?.ok || !isDocumentKind(kind)) return page(c, d, 422, errors, kind);
    const app = d.application;
    const key = newStorageKey(`applications/${app.id}`);
    await services.storage.put(key, checked.file.bytes);
    const result = await deps.database.db.transaction((tx) => addDocument(tx, memberActor(c), { organisationId: app.organisationId, applicationId: app.id, kind, file: checked.file, storageKey: key }, deps.now()));
    if (!result.ok) {
      await services.storage.delete(key);
      return page(c, d, 409, { file: result.message }, kind);
    }
    return redirectWith(c, documentsPath(app.organisationId, app.id), `Document ajouté : ${DOCUMENT_LABELS[kind].label} (${checked.file.name}).`);
  });

  r.get(`${BASE}/:appId/pieces/:fileId`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    const fileId = c.req.param('fileId');
    if (!d || !isUuid(fileId)) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const row = await findFile(deps.database.db, d.application.id, fileId.toLowerCase());
    const bytes = row && await fileServices(deps).storage.get(row.storageKey);
    if (!row || !bytes) return renderErrorPage(c, 404);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': row.mimeType,
      'Content-Disposition': `attachment; filename="${row.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  r.post(`${BASE}/:appId/pieces/:fileId/supprimer`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    const fileId = c.req.param('fileId');
    if (!d || !isUuid(fileId)) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const app = d.application;
    const result = await deps.database.db.transaction((tx) => removeDocument(tx, memberActor(c), { organisationId: app.organisationId, applicationId: app.id, fileId: fileId.toLowerCase() }, deps.now()));
    if (!result.ok) return page(c, d, 409, { file: result.message });
    // The bytes go only after the commit: a rolled-back removal never loses a file.
    if (result.storageKey) await fileServices(deps).storage.delete(result.storageKey);
    return redirectWith(c, documentsPath(app.organisationId, app.id), 'Document supprimé.');
  });
}
