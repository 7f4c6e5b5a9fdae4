/** Request helpers of the message routes: the author of this request, reading and storing attachments. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { clientIp } from '../platform/http/security.js';
import { fileServices } from '../platform/files/files.js';
import { checkUpload } from '../platform/files/upload.js';
import { newStorageKey } from '../platform/files/storage.js';
import { MAX_MESSAGE_FILES } from './messages.js';
import type { MessageAuthor, StoredFile } from './commands/post-message.js';

/** The signed-in person writing (routes with a signed-in Access only). */
export function messageAuthor(c: Context<AppEnv>): MessageAuthor {
  const a = c.get('actor')!;
  return { id: a.userId, label: a.fullName, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}

/** Attachments read from a multipart form, or the French message to show. */
export type FilesRead = { ok: true; files: StoredFile[] } | { ok: false; message: string };

/**
 * Reads the files of field `pieces`: at most MAX_MESSAGE_FILES, each passing the same checks as an
 * application's documents (size, real type from the bytes, antivirus), then stores them.
 */
export async function readMessageFiles(c: Context<AppEnv>, applicationId: string): Promise<FilesRead> {
  const body = await c.req.parseBody({ all: true });
  const raw = body.pieces;
  const files = (Array.isArray(raw) ? raw : [raw]).filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length > MAX_MESSAGE_FILES) return { ok: false, message: `Joignez au plus ${MAX_MESSAGE_FILES} fichiers.` };
  const svc = fileServices(c.get('deps'));
  const checked = [];
  for (const f of files) {
    const r = await checkUpload(new Uint8Array(await f.arrayBuffer()), f.name, svc.maxBytes, svc.scanner);
    if (!r.ok) return { ok: false, message: `${f.name.slice(0, 80)} : ${r.message}` };
    checked.push(r.file);
  }
  const stored: StoredFile[] = [];
  for (const file of checked) {
    const storageKey = newStorageKey(`messages/${applicationId}`);
    await svc.storage.put(storageKey, file.bytes);
    stored.push({ file, storageKey });
  }
  return { ok: true, files: stored };
}

/** Deletes stored files whose transaction failed or was refused. */
export async function discardMessageFiles(deps: AppDeps, files: StoredFile[]): Promise<void> {
  const svc = fileServices(deps);
  for (const f of files) await svc.storage.delete(f.storageKey);
}

/** Sends a stored attachment as a download (never rendered inline). */
export async function sendMessageFile(deps: AppDeps, file: { storageKey: string; mimeType: string; fileName: string }): Promise<Response | null> {
  const bytes = await fileServices(deps).storage.get(file.storageKey);
  if (!bytes) return null;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
