/** Request helpers of inspection routes: the staff actor and the documents of a report. */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import { clientIp } from '../platform/http/security.js';
import { fileServices } from '../platform/files/files.js';
import { checkUpload } from '../platform/files/upload.js';
import { newStorageKey } from '../platform/files/storage.js';
import type { StaffActor, StoredFile } from './commands/inspections.js';

/** At most this many documents per report. */
export const MAX_REPORT_FILES = 10;

/** The signed-in staff member. */
export function staffActor(c: Context<AppEnv>): StaffActor {
  const actor = c.get('actor');
  if (!actor) throw new Error('staffActor() appelé sans personne connectée');
  return { id: actor.userId, name: actor.fullName, label: `${actor.fullName} <${actor.email}>`, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}

/** Reads field `documents`: each file passes the checks of every upload (size, real type, antivirus), then is stored. */
export async function readDocuments(c: Context<AppEnv>, inspectionId: string): Promise<{ ok: true; files: StoredFile[] } | { ok: false; message: string }> {
  const body = await c.req.parseBody({ all: true });
  const raw = body.documents;
  const files = (Array.isArray(raw) ? raw : [raw]).filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length > MAX_REPORT_FILES) return { ok: false, message: `Joignez au plus ${MAX_REPORT_FILES} documents.` };
  const svc = fileServices(c.get('deps'));
  const checked = [];
  for (const f of files) {
    const r = await checkUpload(new Uint8Array(await f.arrayBuffer()), f.name, svc.maxBytes, svc.scanner);
    if (!r.ok) return { ok: false, message: `${f.name.slice(0, 80)} : ${r.message}` };
    checked.push(r.file);
  }
  const stored: StoredFile[] = [];
  for (const file of checked) {
    const storageKey = newStorageKey(`inspections/${inspectionId}`);
    await svc.storage.put(storageKey, file.bytes);
    stored.push({ file, storageKey });
  }
  return { ok: true, files: stored };
}

/** Deletes stored files whose transaction failed. */
export async function discardDocuments(c: Context<AppEnv>, files: StoredFile[]): Promise<void> {
  const svc = fileServices(c.get('deps'));
  for (const f of files) await svc.storage.delete(f.storageKey);
}
