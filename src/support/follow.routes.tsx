/**
 * Following a ticket without an account (private link /demande/<token>) or from one's space
 * (/compte/demandes): read the conversation (never internal notes), answer, give an opinion.
 */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { PUBLIC, SIGNED_IN, isUuid, type Access } from '../platform/http/access.js';
import { parseForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { RateLimiter } from '../platform/http/rate-limit.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { fileServices } from '../platform/files/files.js';
import { sha256 } from '../platform/auth/tokens.js';
import { CONTACT_RATE, linkExpired } from './support.js';
import { requesterReplyForm, satisfactionForm } from './forms.js';
import { attachmentsOf, findAttachment, findTicket, findTicketByTokenHash, messagesOf, ticketsOfRequester, type TicketRow } from './tickets.store.js';
import { requesterReply } from './commands/reply.js';
import { asksSatisfaction, recordSatisfaction } from './commands/satisfaction.js';
import { discardFiles, ipOf, readAttachments, requesterActor, supportSettings } from './http.js';
import { MyTicketsPage, RequesterTicketPage } from './views/requester.js';
import type { MessageView } from './views/parts.js';

/** How a requester reaches a ticket: its row and the base path of its pages, or null (404). */
type Resolve = (c: Context<AppEnv>) => Promise<{ ticket: TicketRow; base: string } | null>;

/** Registers the private-link and "Mes demandes" routes. */
export function registerFollowRoutes(r: Router, deps: AppDeps): void {
  const db = deps.database.db;
  const limiter = new RateLimiter(CONTACT_RATE.limit * 4, CONTACT_RATE.windowMs);

  const byToken: Resolve = async (c) => {
    const token = c.req.param('token') ?? '';
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    let ticket = await findTicketByTokenHash(db, sha256(token));
    // A merged duplicate's links were moved to the ticket kept, so they open it.
    if (ticket?.mergedIntoId) ticket = await findTicket(db, ticket.mergedIntoId);
    if (!ticket || linkExpired(ticket.closedAt, deps.now())) return null;
    return { ticket, base: `/demande/${token}` };
  };
  const byAccount: Resolve = async (c) => {
    const id = c.req.param('ticketId');
    const actor = c.get('actor');
    if (!actor || !isUuid(id)) return null;
    const ticket = await findTicket(db, id.toLowerCase());
    const own = ticket && (ticket.requesterUserId === actor.userId || ticket.email.toLowerCase() === actor.email.toLowerCase());
    return own && !ticket.mergedIntoId ? { ticket, base: `/compte/demandes/${ticket.id}` } : null;
  };

  const show = async (c: Context<AppEnv>, found: { ticket: TicketRow; base: string }, state?: { errors: Record<string, string>; values: Record<string, string | string[] | undefined> }) => {
    const t = found.ticket;
    const files = await attachmentsOf(db, t.id);
    const messages: MessageView[] = (await messagesOf(db, t.id, { notes: false })).map((m) => ({
      id: m.id, kind: m.kind, author: m.authorLabel, body: m.body, createdAt: m.createdAt, mergedFromNumber: m.mergedFromNumber, channel: m.channel,
      attachments: files.filter((f) => f.messageId === m.id).map((f) => ({ href: `${found.base}/pieces/${f.id}`, fileName: f.fileName, size: f.size })),
    }));
    return render(c, (
      <RequesterTicketPage ctx={pageContext(c)} ticket={{ ...t, mergedInto: null }} messages={messages} base={found.base} state={state}
        mayReply={t.status !== 'closed'} asksSatisfaction={asksSatisfaction(t)} signedInSpace={found.base.startsWith('/compte')} />
    ), state ? 422 : 200);
  };

  const routes = (prefix: string, access: Access, resolve: Resolve) => {
    r.get(prefix, access, async (c) => {
      const found = await resolve(c);
      return found ? show(c, found) : renderErrorPage(c, 404);
    });
    r.post(`${prefix}/repondre`, access, async (c) => {
      const hit = limiter.hit(ipOf(c), deps.now().getTime());
      if (!hit.allowed) { c.header('Retry-After', String(hit.retryAfterSeconds)); return renderErrorPage(c, 429); }
      const found = await resolve(c);
      if (!found) return renderErrorPage(c, 404);
      const form = await parseForm(c, requesterReplyForm);
      if (!form.ok) return show(c, found, form);
      const files = await readAttachments(c, 'demandes');
      if (!files.ok) return show(c, found, { errors: { pieces: files.message }, values: form.values });
      const res = await db.transaction((tx) => requesterReply(tx, requesterActor(c, found.ticket.email), found.ticket.id, { body: form.data.message, files: files.files }, supportSettings(deps), deps.now()))
        .catch(async (e: unknown) => { await discardFiles(deps, files.files); throw e; });
      if (!res.ok) {
        await discardFiles(deps, files.files);
        return show(c, found, { errors: { _form: res.message }, values: form.values });
      }
      if (res.mailId) await dispatchMails(deps, [res.mailId]);
      return redirectWith(c, found.base, 'Votre réponse a été envoyée à l’équipe GEN.');
    });
    r.post(`${prefix}/avis`, access, async (c) => {
      const found = await resolve(c);
      if (!found) return renderErrorPage(c, 404);
      const form = await parseForm(c, satisfactionForm);
      if (!form.ok) return show(c, found, form);
      const res = await db.transaction((tx) => recordSatisfaction(tx, requesterActor(c, found.ticket.email), found.ticket.id, { score: form.data.note, comment: form.data.commentaire }, deps.now()));
      if (!res.ok) return show(c, found, { errors: { _form: res.message }, values: form.values });
      return redirectWith(c, found.base, 'Merci, votre avis a été enregistré.');
    });
    r.get(`${prefix}/pieces/:fileId`, access, async (c) => {
      const found = await resolve(c);
      const fileId = c.req.param('fileId');
      const file = found && isUuid(fileId) ? await findAttachment(db, found.ticket.id, fileId.toLowerCase()) : null;
      return file ? sendAttachment(c, deps, file) : renderErrorPage(c, 404);
    });
  };

  routes('/demande/:token', PUBLIC, byToken);
  r.get('/compte/demandes', SIGNED_IN, async (c) => {
    const actor = c.get('actor')!;
    return render(c, <MyTicketsPage ctx={pageContext(c)} tickets={await ticketsOfRequester(db, actor.userId, actor.email)} />);
  });
  routes('/compte/demandes/:ticketId', SIGNED_IN, byAccount);
}

/** Sends a stored attachment as a download (never rendered inline). */
export async function sendAttachment(c: Context<AppEnv>, deps: AppDeps, file: { storageKey: string; mimeType: string; fileName: string }): Promise<Response> {
  const bytes = await fileServices(deps).storage.get(file.storageKey);
  if (!bytes) return renderErrorPage(c, 404);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
