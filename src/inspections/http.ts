/** Request helpers of inspection routes: the staff actor and the documents of a report. */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import { clientIp } from '../platform/http/security.js';
import { readStoredUploads, discardStoredUploads } from '../platform/files/form-files.js';
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
export function readDocuments(c: Context<AppEnv>, inspectionId: string): Promise<{ ok: true; files: StoredFile[] } | { ok: false; message: string }> {
  return readStoredUploads(c, { field: 'documents', max: MAX_REPORT_FILES, prefix: `inspections/${inspectionId}`, noun: 'documents' });
}

/** Deletes stored files whose transaction failed. */
export function discardDocuments(c: Context<AppEnv>, files: StoredFile[]): Promise<void> {
  return discardStoredUploads(c.get('deps'), files);
}
