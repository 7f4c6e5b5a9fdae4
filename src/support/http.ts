/** Request helpers of the support routes: who acts, mail settings, reading and storing attachments. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { clientIp } from '../platform/http/security.js';
import { fileServices } from '../platform/files/files.js';
import { checkUpload } from '../platform/files/upload.js';
import { newStorageKey } from '../platform/files/storage.js';
import { sniffType } from '../platform/files/sniff.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, type SupportActor, type SupportSettings } from './support.js';
import type { StoredFile } from './commands/attachments.js';

/** Mail settings and the first-answer delay of this platform. */
export function supportSettings(deps: AppDeps): SupportSettings {
  return { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL, workingDays: deps.config.SUPPORT_FIRST_ANSWER_DAYS, inbound: !!deps.config.INBOUND_MAIL_SECRET };
}

/** The client address of this request. */
export function ipOf(c: Context<AppEnv>): string {
  return clientIp(c, c.get('deps').config.TRUST_PROXY);
}

/** A person writing without being staff, as the audit log records them. */
export function requesterActor(c: Context<AppEnv>, email: string): SupportActor {
  const actor = c.get('actor');
  return { id: actor?.userId ?? null, label: actor ? `${actor.fullName} <${actor.email}>` : `demandeur <${email}>`, ip: ipOf(c) };
}

/** The signed-in staff member (routes with a staff Access only). */
export function staffActor(c: Context<AppEnv>): SupportActor & { id: string; name: string } {
  const actor = c.get('actor');
  if (!actor) throw new Error('staffActor() appelé sans personne connectée');
  return { id: actor.userId, name: actor.fullName, label: `${actor.fullName} <${actor.email}>`, ip: ipOf(c) };
}

/** Attachments read from a multipart form: checked, then stored; or the French message to show. */
export type AttachmentsRead = { ok: true; files: StoredFile[] } | { ok: false; message: string };

const ACCEPTED = 'PDF, PNG ou JPEG';

/** Reads the files of field `pieces`: at most 3, each at most 5 Mo, PDF/PNG/JPEG judged from the bytes, antivirus. */
export async function readAttachments(c: Context<AppEnv>, ticketPrefix: string): Promise<AttachmentsRead> {
  const body = await c.req.parseBody({ all: true });
  const raw = body.pieces;
  const files = (Array.isArray(raw) ? raw : [raw]).filter((f): f is File => f instanceof File && f.size > 0);
  const read = [];
  for (const f of files) read.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  return storeAttachments(c.get('deps'), read, ticketPrefix);
}

/** Checks then stores attachments (web form or email): at most 3, 5 Mo, PDF/PNG/JPEG judged from the bytes, antivirus. */
export async function storeAttachments(deps: AppDeps, files: { name: string; bytes: Uint8Array }[], ticketPrefix: string): Promise<AttachmentsRead> {
  if (files.length > MAX_ATTACHMENTS) return { ok: false, message: `Joignez au plus ${MAX_ATTACHMENTS} fichiers.` };
  const svc = fileServices(deps);
  const max = Math.min(MAX_ATTACHMENT_BYTES, svc.maxBytes);
  const checked = [];
  for (const f of files) {
    const type = sniffType(f.bytes);
    if (f.bytes.length > 0 && f.bytes.length <= max && !(type && (ATTACHMENT_TYPES as readonly string[]).includes(type))) {
      return { ok: false, message: `${f.name.slice(0, 80)} : le contenu du fichier n’est pas un ${ACCEPTED}, quel que soit son nom. Seuls ces formats sont acceptés en pièce jointe.` };
    }
    const r = await checkUpload(f.bytes, f.name, max, svc.scanner);
    if (!r.ok) return { ok: false, message: `${f.name.slice(0, 80)} : ${r.message}` };
    checked.push(r.file);
  }
  const stored: StoredFile[] = [];
  for (const file of checked) {
    const storageKey = newStorageKey(`support/${ticketPrefix}`);
    await svc.storage.put(storageKey, file.bytes);
    stored.push({ file, storageKey });
  }
  return { ok: true, files: stored };
}

/** Deletes stored files whose transaction failed. */
export async function discardFiles(deps: AppDeps, files: StoredFile[]): Promise<void> {
  const svc = fileServices(deps);
  for (const f of files) await svc.storage.delete(f.storageKey);
}
