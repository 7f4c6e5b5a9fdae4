/**
 * The inbound-mail webhook: POST /api/support/courriels-entrants with the raw RFC 822 message as
 * body, authenticated by the shared secret INBOUND_MAIL_SECRET (header Authorization: Bearer …).
 * Without the secret configured the channel is off (404). Answers JSON.
 */
import type { Router } from '../platform/http/router.js';
import type { AppDeps } from '../platform/http/context.js';
import { PUBLIC } from '../platform/http/access.js';
import { safeEqual } from '../platform/auth/tokens.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { log } from '../platform/log.js';
import { parseMessage } from './inbound-mail.js';
import { addInboundReply, matchInbound, IGNORED_LABELS } from './commands/inbound-reply.js';
import { discardFiles, storeAttachments, supportSettings } from './http.js';

/** Path of the webhook. */
export const INBOUND_PATH = '/api/support/courriels-entrants';

/** Registers the webhook. */
export function registerInboundRoutes(r: Router, deps: AppDeps): void {
  const db = deps.database.db;
  r.post(INBOUND_PATH, PUBLIC, async (c) => {
    const secret = deps.config.INBOUND_MAIL_SECRET;
    if (!secret) return c.json({ error: 'Ressource introuvable.' }, 404);
    const auth = c.req.header('authorization') ?? '';
    const sent = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!sent || !safeEqual(sent, secret)) return c.json({ error: 'Secret du canal entrant absent ou incorrect.' }, 401);
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.length === 0) return c.json({ error: 'Le corps de la requête doit être le message brut (RFC 822).' }, 400);
    const message = parseMessage(raw);
    if (!message.from) return c.json({ error: 'Message illisible : pas d’expéditeur.' }, 400);
    const match = await db.transaction((tx) => matchInbound(tx, message));
    if (!match.ok) {
      log.info('inbound mail ignored', { reason: match.reason });
      return c.json({ status: 'ignored', reason: match.reason, message: IGNORED_LABELS[match.reason] }, 200);
    }
    const stored = await storeAttachments(deps, message.attachments.map((a) => ({ name: a.fileName, bytes: a.bytes })), 'demandes');
    const files = stored.ok ? stored.files : [];
    const res = await db.transaction((tx) => addInboundReply(tx, message, match.ticketId, files, stored.ok ? null : stored.message, supportSettings(deps), deps.now()))
      .catch(async (e: unknown) => { await discardFiles(deps, files); throw e; });
    if (!res.ok) {
      await discardFiles(deps, files);
      return c.json({ status: 'ignored', reason: res.reason, message: IGNORED_LABELS[res.reason] }, 200);
    }
    if (res.mailId) await dispatchMails(deps, [res.mailId]);
    return c.json({ status: 'imported', ticket: match.number, attachments: files.length }, 201);
  });
}
