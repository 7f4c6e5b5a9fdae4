/** The staff inbox /gestion/support and the ticket page; a ticket of a topic the actor does not handle is a 404. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { isUuid } from '../platform/http/access.js';
import { render, pageContext } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import { pageParam } from '../staff/views/common.js';
import { PRIORITIES, STATUSES, TOPICS, type Priority, type TicketStatus, type Topic } from './support.js';
import { manualEvents } from './support.states.js';
import { mayHandle, supportAccess, visibleTopics } from './support.policy.js';
import { attachmentsOf, findAttachment, findMacro, findTicket, listInbox, listMacros, messagesOf, supportStaff, type InboxFilter, type TicketRow } from './tickets.store.js';
import { InboxPage } from './views/inbox.js';
import { StaffTicketPage } from './views/ticket-staff.js';
import type { MessageView } from './views/parts.js';
import { sendAttachment } from './follow.routes.js';
import type { FormState } from '../platform/views/ui.js';

const PAGE_SIZE = 30;
const ACCESS = supportAccess('support.inbox');

/** The ticket of :ticketId if the actor handles its topic, else null (answer 404). */
export async function ticketForStaff(c: Context<AppEnv>): Promise<TicketRow | null> {
  const id = c.req.param('ticketId');
  if (!isUuid(id)) return null;
  const ticket = await findTicket(c.get('deps').database.db, id.toLowerCase());
  return ticket && mayHandle(c.get('actor'), ticket.topic) ? ticket : null;
}

/** Renders the staff ticket page, with a refused form's errors and values when given (422). */
export async function renderStaffTicket(c: Context<AppEnv>, ticket: TicketRow, state?: FormState): Promise<Response> {
  const { database, now } = c.get('deps');
  const db = database.db;
  const actor = c.get('actor')!;
  const [files, rows, people, macros, history] = await Promise.all([
    attachmentsOf(db, ticket.id), messagesOf(db, ticket.id, { notes: true }), supportStaff(db), listMacros(db), objectHistory(db, 'support_ticket', ticket.id),
  ]);
  const messages: MessageView[] = rows.map((m) => ({
    id: m.id, kind: m.kind, author: m.authorLabel, body: m.body, createdAt: m.createdAt, mergedFromNumber: m.mergedFromNumber, channel: m.channel,
    attachments: files.filter((f) => f.messageId === m.id).map((f) => ({ href: `/gestion/support/${ticket.id}/pieces/${f.id}`, fileName: f.fileName, size: f.size })),
  }));
  const macroId = c.req.query('macro');
  const macro = !state && isUuid(macroId) ? await findMacro(db, macroId) : null;
  const merged = ticket.mergedIntoId ? await findTicket(db, ticket.mergedIntoId) : null;
  const assignee = people.find((x) => x.id === ticket.assigneeId);
  const changes = history.filter((h) => h.action === 'support.status_changed').map((h) => ({
    at: new Date(h.at), actor: h.actorLabel, from: String((h.before as { status?: string } | null)?.status ?? ''), to: String((h.after as { status?: string } | null)?.status ?? ''),
  }));
  return render(c, (
    <StaffTicketPage ctx={pageContext(c)} ticket={{ ...ticket, assigneeName: assignee?.fullName ?? null, mergedIntoNumber: merged?.number ?? null }}
      messages={messages} events={ticket.mergedIntoId ? [] : manualEvents(ticket.status)} topics={visibleTopics(actor)} staffPeople={people}
      macros={macros} prefill={macro?.body ?? ''} history={changes} now={now()} state={state}
      mayOpenInspection={ticket.topic === 'complaint' && !!ticket.trainingRef?.startsWith('label:') && actor.staffRoles.some((r) => r === 'monitoring' || r === 'admin')} />
  ), state ? 422 : 200);
}

function pick<T extends string>(list: readonly T[], v: string | undefined): T | undefined {
  return (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
}

/** Registers the inbox, the ticket page and attachment downloads. */
export function registerInboxRoutes(r: Router, deps: AppDeps): void {
  const db = deps.database.db;

  r.get('/gestion/support', ACCESS, async (c) => {
    const actor = c.get('actor')!;
    const q = c.req.query();
    const topics = visibleTopics(actor);
    const statut = q.statut ?? 'actives';
    const responsable = q.responsable === 'moi' ? 'me' : q.responsable === 'personne' ? 'none' : isUuid(q.responsable) ? q.responsable : undefined;
    const filter: InboxFilter & { meId: string } = {
      topics, meId: actor.userId, now: deps.now(),
      status: statut === 'actives' ? 'active' : pick<TicketStatus>(STATUSES, statut),
      topic: pick<Topic>(TOPICS, q.sujet), priority: pick<Priority>(PRIORITIES, q.priorite), assignee: responsable,
      flagged: q.signalees === '1', overdue: q.retard === '1', q: (q.q ?? '').trim().slice(0, 100) || undefined,
    };
    const page = pageParam(q.page);
    const [{ rows, total }, people] = await Promise.all([listInbox(db, filter, page, PAGE_SIZE), supportStaff(db)]);
    const params = Object.fromEntries(['q', 'statut', 'sujet', 'priorite', 'responsable', 'signalees', 'retard'].map((k) => [k, q[k] ?? '']));
    return render(c, <InboxPage ctx={pageContext(c)} rows={rows} total={total} page={page} size={PAGE_SIZE} params={params} topics={topics} staffPeople={people} now={deps.now()}
      showInspections={actor.staffRoles.some((x) => x === 'monitoring' || x === 'admin')} />);
  });

  r.get('/gestion/support/:ticketId', ACCESS, async (c) => {
    const ticket = await ticketForStaff(c);
    return ticket ? renderStaffTicket(c, ticket) : renderErrorPage(c, 404);
  });

  r.get('/gestion/support/:ticketId/pieces/:fileId', ACCESS, async (c) => {
    const ticket = await ticketForStaff(c);
    const fileId = c.req.param('fileId');
    const file = ticket && isUuid(fileId) ? await findAttachment(db, ticket.id, fileId.toLowerCase()) : null;
    return file ? sendAttachment(c, deps, file) : renderErrorPage(c, 404);
  });
}
