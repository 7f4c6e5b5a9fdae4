/**
 * Files sent in a multipart form field: every one passes the checks of all uploads (size, real
 * type read from the bytes, antivirus) before any is stored; then each is stored under a prefix.
 * If the transaction that records them fails, `discardStoredUploads` removes them again.
 */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../http/context.js';
import { fileServices } from './files.js';
import { checkUpload, type InspectedFile } from './upload.js';
import { newStorageKey } from './storage.js';

/** A checked file and where it was stored. */
export interface StoredUpload { file: InspectedFile; storageKey: string }

/** The stored files, or the French message to show (nothing stored then). */
export type UploadsRead = { ok: true; files: StoredUpload[] } | { ok: false; message: string };

/** Reads field `field` (empty file inputs ignored): at most `max` files, stored under `prefix`. */
export async function readStoredUploads(c: Context<AppEnv>, o: { field: string; max: number; prefix: string; noun: string }): Promise<UploadsRead> {
  const body = await c.req.parseBody({ all: true });
  const raw = body[o.field];
  const files = (Array.isArray(raw) ? raw : [raw]).filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length > o.max) return { ok: false, message: `Joignez au plus ${o.max} ${o.noun}.` };
  const svc = fileServices(c.get('deps'));
  const checked: InspectedFile[] = [];
  for (const f of files) {
    const r = await checkUpload(new Uint8Array(await f.arrayBuffer()), f.name, svc.maxBytes, svc.scanner);
    if (!r.ok) return { ok: false, message: `${f.name.slice(0, 80)} : ${r.message}` };
    checked.push(r.file);
  }
  const stored: StoredUpload[] = [];
  for (const file of checked) {
    const storageKey = newStorageKey(o.prefix);
    await svc.storage.put(storageKey, file.bytes);
    stored.push({ file, storageKey });
  }
  return { ok: true, files: stored };
}

/** Deletes stored files whose transaction failed or was refused. */
export async function discardStoredUploads(deps: AppDeps, files: StoredUpload[]): Promise<void> {
  const svc = fileServices(deps);
  for (const f of files) await svc.storage.delete(f.storageKey);
}
