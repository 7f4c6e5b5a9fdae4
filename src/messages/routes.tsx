/**
 * The thread of an application: organisation side (under the organisation's applications) and
 * staff side (under the workspace). Reading the page moves the reader's marker; posting checks and
 * stores the attachments first, then one command in a transaction, then the mails.
 */
import type { Context } from 'hono';
import type { Module } from '../platform/http/app.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_MEMBER, isUuid, type Access } from '../platform/http/access.js';
import { parseForm } from '../platform/http/forms.js';
import { requiredText } from '../platform/http/fields.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH, type MessageSide } from './messages.js';
import { STAFF_THREAD, memberThread, staffThread, threadOpen, type ThreadApplication } from './messages.policy.js';
import { findMessageFile, markRead, threadMessages, unreadCounts } from './messages.store.js';
import { memberThreadPath, postOrganisationMessage, postStaffMessage, staffThreadPath } from './commands/post-message.js';
import { discardMessageFiles, messageAuthor, readMessageFiles, sendMessageFile } from './http.js';
import { MemberThreadPage, StaffThreadPage, type MessageView } from './views/thread.js';
import type { FormState } from '../platform/views/ui.js';

const messageForm = z.object({ message: requiredText('votre message', MAX_MESSAGE_LENGTH) });

/** How a route reaches its thread, and the paths of its side. */
interface Side {
  side: MessageSide;
  resolve: (c: Context<AppEnv>) => Promise<ThreadApplication | null>;
  path: (app: ThreadApplication) => string;
}

const member: Side = {
  side: 'organisation',
  resolve: async (c) => {
    const appId = c.req.param('appId');
    if (!isUuid(appId)) return null;
    return memberThread(c.get('deps').database.db, c.req.param('orgId')!.toLowerCase(), appId.toLowerCase());
  },
  path: (app) => memberThreadPath(app.organisationId, app.id),
};

const staffSide: Side = {
  side: 'staff',
  resolve: async (c) => {
    const appId = c.req.param('applicationId');
    if (!isUuid(appId)) return null;
    return staffThread(c.get('deps').database.db, c.get('actor')!, appId.toLowerCase(), c.get('deps').now());
  },
  path: (app) => staffThreadPath(app.id),
};

async function show(c: Context<AppEnv>, s: Side, app: ThreadApplication, state?: FormState) {
  const deps = c.get('deps');
  const db = deps.database.db;
  const userId = c.get('actor')!.userId;
  // Which messages are new is read before the marker moves.
  const [rows, reads] = await Promise.all([threadMessages(db, app.id), unreadCounts(db, userId, s.side, [app.id])]);
  let unreadLeft = reads.get(app.id) ?? 0;
  const base = s.path(app);
  const messages: MessageView[] = rows.map((m) => ({
    id: m.id, side: m.side, authorLabel: m.authorLabel, body: m.body, createdAt: m.createdAt, unread: false,
    files: m.files.map((f) => ({ href: `${base}/pieces/${f.id}`, fileName: f.fileName, size: f.size })),
  }));
  // The unread ones are the latest messages of the other side.
  for (let i = messages.length - 1; i >= 0 && unreadLeft > 0; i--) {
    const m = messages[i]!;
    if (m.side !== s.side && rows[i]!.authorUserId !== userId) { m.unread = true; unreadLeft--; }
  }
  await markRead(db, app.id, userId, deps.now());
  const props = { ctx: pageContext(c), app, messages, action: base, mayPost: threadOpen(app), state };
  return render(c, s.side === 'staff' ? <StaffThreadPage {...props} /> : <MemberThreadPage {...props} />, state ? 422 : 200);
}

function register(r: Parameters<Module>[0], prefix: string, access: Access, s: Side) {
  r.get(prefix, access, async (c) => {
    const app = await s.resolve(c);
    return app ? show(c, s, app) : renderErrorPage(c, 404);
  });

  r.post(prefix, access, async (c) => {
    const app = await s.resolve(c);
    if (!app) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const form = await parseForm(c, messageForm);
    if (!form.ok) return show(c, s, app, form);
    const files = await readMessageFiles(c, app.id);
    if (!files.ok) return show(c, s, app, { errors: { pieces: files.message }, values: form.values });
    const v = { applicationId: app.id, body: form.data.message, files: files.files, baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL };
    const res = await deps.database.db.transaction((tx) => s.side === 'staff'
      ? postStaffMessage(tx, messageAuthor(c), v, deps.now())
      : postOrganisationMessage(tx, messageAuthor(c), { ...v, organisationId: app.organisationId }, deps.now()))
      .catch(async (e: unknown) => { await discardMessageFiles(deps, files.files); throw e; });
    if (!res.ok) {
      await discardMessageFiles(deps, files.files);
      return show(c, s, app, { errors: { _form: res.message }, values: form.values });
    }
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `${s.path(app)}#message-${res.messageId}`, s.side === 'staff' ? 'Votre message a été envoyé à l’organisme.' : 'Votre message a été envoyé à l’équipe GEN.');
  });

  r.get(`${prefix}/pieces/:fileId`, access, async (c) => {
    const app = await s.resolve(c);
    const fileId = c.req.param('fileId');
    const deps = c.get('deps');
    const file = app && isUuid(fileId) ? await findMessageFile(deps.database.db, app.id, fileId.toLowerCase()) : null;
    const res = file ? await sendMessageFile(deps, file) : null;
    return res ?? renderErrorPage(c, 404);
  });
}

/** Routes of the messages domain. */
export const messagesModule: Module = (r) => {
  register(r, '/organisations/:orgId/candidatures/:appId/messages', ORG_MEMBER, member);
  register(r, '/gestion/candidatures/:applicationId/messages', STAFF_THREAD, staffSide);
};
