/** Request helpers of the message routes: the author of this request, reading and storing attachments. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { clientIp } from '../platform/http/security.js';
import { fileServices } from '../platform/files/files.js';
import { readStoredUploads, discardStoredUploads } from '../platform/files/form-files.js';
import { MAX_MESSAGE_FILES } from './messages.js';
import type { MessageAuthor, StoredFile } from './commands/post-message.js';

/** The signed-in person writing (routes with a signed-in Access only). */
export function messageAuthor(c: Context<AppEnv>): MessageAuthor {
  const a = c.get('actor')!;
  return { id: a.userId, label: a.fullName, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}

/** Attachments read from a multipart form, or the French message to show. */
export type FilesRead = { ok: true; files: StoredFile[] } | { ok: false; message: string };

/** Reads the files of field `pieces` (at most MAX_MESSAGE_FILES), checked and stored like an application's documents. */
export function readMessageFiles(c: Context<AppEnv>, applicationId: string): Promise<FilesRead> {
  return readStoredUploads(c, { field: 'pieces', max: MAX_MESSAGE_FILES, prefix: `messages/${applicationId}`, noun: 'fichiers' });
}

/** Deletes stored files whose transaction failed or was refused. */
export function discardMessageFiles(deps: AppDeps, files: StoredFile[]): Promise<void> {
  return discardStoredUploads(deps, files);
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
