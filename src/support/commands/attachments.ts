/** Recording checked and stored files as attachments of a ticket message. */
import type { DbOrTx } from '../../platform/db/index.js';
import type { InspectedFile } from '../../platform/files/upload.js';
import { insertAttachment } from '../tickets.store.js';

/** A file already checked (size, real type, antivirus) and written to storage by the route. */
export interface StoredFile { file: InspectedFile; storageKey: string }

/** Inserts the attachment rows of a message; returns what the audit records. */
export async function recordAttachments(tx: DbOrTx, ticketId: string, messageId: string, files: StoredFile[], now: Date) {
  for (const f of files) {
    await insertAttachment(tx, {
      ticketId, messageId, fileName: f.file.name, detectedType: f.file.type, mimeType: f.file.mime,
      size: f.file.size, sha256: f.file.sha256, storageKey: f.storageKey, createdAt: now,
    });
  }
  return files.map((f) => ({ fileName: f.file.name, sha256: f.file.sha256, size: f.file.size, type: f.file.type }));
}
