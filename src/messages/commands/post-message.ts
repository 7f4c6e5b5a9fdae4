/**
 * Posting a message in an application's thread, from either side: checks the thread is open (and,
 * for staff, that the author has no conflict with the organisation), records the message and its
 * already-stored attachments, marks it read for its author, notifies the other side, audits.
 */
import type { Tx } from '../../platform/db/index.js';
import type { AuditActor } from '../../platform/audit/audit.store.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import type { InspectedFile } from '../../platform/files/upload.js';
import { isConflicted } from '../../review/review.store.js';
import { threadOpen } from '../messages.policy.js';
import { insertMessage, insertMessageFile, markRead, organisationRecipients, staffRecipients, threadApplication } from '../messages.store.js';
import { authorLabel, MAX_MESSAGE_FILES, MAX_MESSAGE_LENGTH, type MessageSide } from '../messages.js';
import { organisationMessageMail, staffMessageMail } from '../mails.js';

/** A file already checked (size, real type, antivirus) and written to storage by the route. */
export interface StoredFile { file: InspectedFile; storageKey: string }

/** Who writes: a signed-in person, as the audit log records them. */
export interface MessageAuthor extends AuditActor { id: string; label: string }

/** What a message carries. */
export interface MessageInput { applicationId: string; body: string; files?: StoredFile[]; baseUrl: string; smtp: boolean }

/** Outcome of posting; `mailIds` are to dispatch after the commit. */
export type PostResult = { ok: true; messageId: string; mailIds: string[] } | { ok: false; message: string };

/** Path of the thread on each side. */
export const memberThreadPath = (orgId: string, appId: string) => `/organisations/${orgId}/candidatures/${appId}/messages`;
export const staffThreadPath = (appId: string) => `/gestion/candidatures/${appId}/messages`;

async function post(tx: Tx, actor: MessageAuthor, side: MessageSide, v: MessageInput, now: Date, organisationId?: string): Promise<PostResult> {
  const app = await threadApplication(tx, v.applicationId);
  if (!app || (organisationId && app.organisationId !== organisationId)) return { ok: false, message: 'Candidature introuvable.' };
  if (!threadOpen(app)) return { ok: false, message: app.state === 'withdrawn' ? 'La candidature a été retirée : sa messagerie est fermée.' : 'La messagerie s’ouvre une fois la candidature déposée.' };
  if (side === 'staff' && await isConflicted(tx, actor.id, app.organisationId)) return { ok: false, message: 'Vous avez déclaré un conflit d’intérêts avec cet organisme : vous ne pouvez pas lui écrire.' };
  const body = v.body.trim();
  if (body === '') return { ok: false, message: 'Écrivez votre message.' };
  if (body.length > MAX_MESSAGE_LENGTH) return { ok: false, message: `Le message ne doit pas dépasser ${MAX_MESSAGE_LENGTH} caractères.` };
  const files = v.files ?? [];
  if (files.length > MAX_MESSAGE_FILES) return { ok: false, message: `Joignez au plus ${MAX_MESSAGE_FILES} fichiers.` };

  const label = authorLabel(side, actor.label);
  const msg = await insertMessage(tx, { applicationId: app.id, side, authorUserId: actor.id, authorLabel: label, body, createdAt: now });
  for (const f of files) {
    await insertMessageFile(tx, {
      applicationId: app.id, messageId: msg.id, fileName: f.file.name, detectedType: f.file.type, mimeType: f.file.mime,
      size: f.file.size, sha256: f.file.sha256, storageKey: f.storageKey, createdAt: now,
    });
  }
  await markRead(tx, app.id, actor.id, now);
  await recordAudit(tx, actor, {
    action: side === 'staff' ? 'message.staff_posted' : 'message.organisation_posted', objectType: 'application', objectId: app.id,
    after: { messageId: msg.id, length: body.length, files: files.map((f) => ({ fileName: f.file.name, sha256: f.file.sha256, size: f.file.size, type: f.file.type })) },
  }, now);

  const mailIds: string[] = [];
  if (side === 'staff') {
    const url = `${v.baseUrl}${memberThreadPath(app.organisationId, app.id)}`;
    for (const m of await organisationRecipients(tx, app.organisationId)) {
      if (m.id !== actor.id) mailIds.push(await enqueueMail(tx, staffMessageMail(m.email, app, label, body, files.length, url), v.smtp));
    }
  } else {
    const url = `${v.baseUrl}${staffThreadPath(app.id)}`;
    for (const s of await staffRecipients(tx, app.id, app.organisationId)) {
      if (s.id !== actor.id) mailIds.push(await enqueueMail(tx, organisationMessageMail(s.email, app, actor.label, files.length, url), v.smtp));
    }
  }
  return { ok: true, messageId: msg.id, mailIds };
}

/** A staff member writes to the organisation (also used by bulk messaging, one call per application). */
export function postStaffMessage(tx: Tx, actor: MessageAuthor, v: MessageInput, now: Date): Promise<PostResult> {
  return post(tx, actor, 'staff', v, now);
}

/** A member of the organisation writes to the staff. */
export function postOrganisationMessage(tx: Tx, actor: MessageAuthor, v: MessageInput & { organisationId: string }, now: Date): Promise<PostResult> {
  return post(tx, actor, 'organisation', v, now, v.organisationId);
}
