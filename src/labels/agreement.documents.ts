/**
 * The convention's PDF files: drawn from the store's data, kept in the file storage once signed
 * (the exact bytes signed, with their SHA-256), and read back for download.
 */
import crypto from 'node:crypto';
import type { AppDeps } from '../platform/http/context.js';
import type { DbOrTx } from '../platform/db/index.js';
import { renderPdf } from '../platform/pdf/pdf.js';
import { fileServices } from '../platform/files/files.js';
import { newStorageKey } from '../platform/files/storage.js';
import { conventionSpec, type PrintedSignature } from './convention.js';
import { conventionData, currentSignedDocument, signaturesOf } from './agreement.store.js';

/** A stored PDF, as a signature row records it. */
export interface StoredDocument { fileName: string; detectedType: string; mimeType: string; size: number; sha256: string; storageKey: string }

/** SHA-256 of bytes, hexadecimal. */
export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Draws the convention of a label with the given signatures (and validity, when the signature starts it); null when unknown. */
export async function renderConvention(db: DbOrTx, labelId: string, signed: { organisation?: PrintedSignature; countersignature?: PrintedSignature } = {}, validity?: { validFrom: string; validUntil: string }): Promise<Buffer | null> {
  const data = await conventionData(db, labelId);
  if (!data) return null;
  if (validity) data.label = { ...data.label, ...validity };
  return renderPdf(conventionSpec(data, signed));
}

/** Stores a PDF of a label's convention; the caller deletes it if its transaction fails. */
export async function storeConvention(deps: AppDeps, labelId: string, bytes: Uint8Array, fileName: string): Promise<StoredDocument> {
  const storageKey = newStorageKey(`labels/${labelId}`);
  await fileServices(deps).storage.put(storageKey, bytes);
  return { fileName, detectedType: 'pdf', mimeType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes), storageKey };
}

/** Removes a stored file (a signature that was refused after the file was written). */
export async function discardDocument(deps: AppDeps, doc: StoredDocument): Promise<void> {
  await fileServices(deps).storage.delete(doc.storageKey);
}

/** The convention as it stands: the signed file when there is one, else a fresh draft. */
export async function currentConvention(deps: AppDeps, labelId: string, number: string): Promise<{ bytes: Buffer; fileName: string } | null> {
  const db = deps.database.db;
  const signed = currentSignedDocument(await signaturesOf(db, labelId));
  if (signed) {
    const bytes = await fileServices(deps).storage.get(signed.storageKey);
    return bytes ? { bytes, fileName: signed.fileName } : null;
  }
  const bytes = await renderConvention(db, labelId);
  return bytes ? { bytes, fileName: `convention-${number}-projet.pdf` } : null;
}
