/** Adding and removing supporting documents of a draft (the bytes are checked before, by the route). */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { findApplication, findFile, insertFile, deleteFile, touchApplication, latestCorrection } from '../applications.store.js';
import type { InspectedFile } from '../../platform/files/upload.js';
import type { DocumentKind } from '../documents.js';
import { memberMayChange, type MemberActor } from '../applications.policy.js';

/** Outcome of a document change; `storageKey` is the file to delete after the commit. */
export type DocumentResult = { ok: true; fileId: string; storageKey?: string } | { ok: false; message: string };

const LOCKED = 'La candidature a été déposée : ses pièces ne peuvent plus être modifiées.';

async function documentsOpen(tx: Tx, app: { id: string; state: Parameters<typeof memberMayChange>[0] }): Promise<boolean> {
  const correction = app.state === 'in_correction' ? await latestCorrection(tx, app.id) : null;
  return memberMayChange(app.state, 'documents', correction?.sections ?? []);
}

/** Records a stored, checked file as a document of a draft. */
export async function addDocument(tx: Tx, actor: MemberActor, v: { organisationId: string; applicationId: string; kind: DocumentKind; file: InspectedFile; storageKey: string }, now: Date): Promise<DocumentResult> {
  const app = await findApplication(tx, v.organisationId, v.applicationId, { lock: true });
  if (!app || !(await documentsOpen(tx, app))) return { ok: false, message: LOCKED };
  const row = await insertFile(tx, {
    applicationId: app.id, kind: v.kind, fileName: v.file.name, detectedType: v.file.type, mimeType: v.file.mime,
    size: v.file.size, sha256: v.file.sha256, storageKey: v.storageKey, uploadedBy: actor.id, uploadedAt: now,
  });
  await touchApplication(tx, app.id, now);
  await recordAudit(tx, actor, {
    action: 'application.document_added', objectType: 'application', objectId: app.id,
    after: { fileId: row.id, kind: v.kind, fileName: row.fileName, sha256: row.sha256, size: row.size, type: row.detectedType },
  }, now);
  return { ok: true, fileId: row.id };
}

/** Removes a document of a draft. */
export async function removeDocument(tx: Tx, actor: MemberActor, v: { organisationId: string; applicationId: string; fileId: string }, now: Date): Promise<DocumentResult> {
  const app = await findApplication(tx, v.organisationId, v.applicationId, { lock: true });
  if (!app || !(await documentsOpen(tx, app))) return { ok: false, message: LOCKED };
  const file = await findFile(tx, app.id, v.fileId);
  if (!file) return { ok: false, message: 'Ce document n’existe plus.' };
  await deleteFile(tx, file.id);
  await touchApplication(tx, app.id, now);
  await recordAudit(tx, actor, {
    action: 'application.document_removed', objectType: 'application', objectId: app.id,
    before: { fileId: file.id, kind: file.kind, fileName: file.fileName, sha256: file.sha256 },
  }, now);
  return { ok: true, fileId: file.id, storageKey: file.storageKey };
}
