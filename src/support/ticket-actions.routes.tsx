/** What staff do on a ticket: reply, note, change state, triage, merge. Each runs one command in a transaction. */
import type { Router } from '../platform/http/router.js';
import type { AppDeps } from '../platform/http/context.js';
import { parseForm } from '../platform/http/forms.js';
import { redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { mayHandle, supportAccess } from './support.policy.js';
import { STATUS_LABELS } from './support.js';
import { mergeForm, noteForm, staffReplyForm, statusForm, triageForm } from './forms.js';
import { staffReply, addNote } from './commands/reply.js';
import { changeStatus } from './commands/change-status.js';
import { triageTicket } from './commands/triage.js';
import { mergeTickets } from './commands/merge-tickets.js';
import { staffActor, supportSettings } from './http.js';
import { renderStaffTicket, ticketForStaff } from './inbox.routes.js';

const ACCESS = supportAccess('support.inbox');

/** Registers the POST actions of the ticket page. */
export function registerTicketActions(r: Router, deps: AppDeps): void {
  const db = deps.database.db;
  const back = (id: string) => `/gestion/support/${id}`;

  r.post('/gestion/support/:ticketId/repondre', ACCESS, async (c) => {
    const ticket = await ticketForStaff(c);
    if (!ticket) return renderErrorPage(c, 404);
    const form = await parseForm(c, staffReplyForm);
    if (!form.ok) return renderStaffTicket(c, ticket, form);
    const res = await db.transaction((tx) => staffReply(tx, staffActor(c), ticket.id, form.data.version, { body: form.data.reponse, after: form.data.apres }, supportSettings(deps), deps.now()));
    if (!res.ok) return renderStaffTicket(c, (await ticketForStaff(c)) ?? ticket, { errors: { _form: res.message }, values: form.values });
    await dispatchMails(deps, [res.mailId]);
    return redirectWith(c, back(ticket.id), 'La réponse a été envoyée au demandeur par courriel.');
  });

  r.post('/gestion/support/:ticketId/note', ACCESS, async (c) => {
    const ticket = await ticketForStaff(c);
    if (!ticket) return renderErrorPage(c, 404);
    const form = await parseForm(c, noteForm);
    if (!form.ok) return renderStaffTicket(c, ticket, form);
    const res = await db.transaction((tx) => addNote(tx, staffActor(c), ticket.id, form.data.note, deps.now()));
    if (!res.ok) return renderStaffTicket(c, ticket, { errors: { _form: res.message }, values: form.values });
    return redirectWith(c, back(ticket.id), 'La note interne a été ajoutée.');
  });

  r.post('/gestion/support/:ticketId/statut', ACCESS, async (c) => {
    const ticket = await ticketForStaff(c);
    if (!ticket) return renderErrorPage(c, 404);
    const form = await parseForm(c, statusForm);
    if (!form.ok) return renderStaffTicket(c, ticket, { errors: { _form: 'Cette action n’est pas possible. Rechargez la page.' }, values: {} });
    const res = await db.transaction((tx) => changeStatus(tx, staffActor(c), ticket.id, form.data.version, form.data.evenement, supportSettings(deps), deps.now()));
    if (!res.ok) return renderStaffTicket(c, (await ticketForStaff(c)) ?? ticket, { errors: { _form: res.message }, values: {} });
    if (res.mailId) await dispatchMails(deps, [res.mailId]);
    return redirectWith(c, back(ticket.id), `La demande est maintenant : ${STATUS_LABELS[res.status].toLowerCase()}.`);
  });

  r.post('/gestion/support/:ticketId/classement', ACCESS, async (c) => {
    const ticket = await ticketForStaff(c);
    if (!ticket) return renderErrorPage(c, 404);
    const form = await parseForm(c, triageForm);
    if (!form.ok) return renderStaffTicket(c, ticket, form);
    const res = await db.transaction((tx) => triageTicket(tx, staffActor(c), ticket.id, form.data.version,
      { priority: form.data.priorite, assigneeId: form.data.responsable || null, topic: form.data.sujet }, deps.now()));
    if (!res.ok) return renderStaffTicket(c, ticket, { errors: res.errors ?? { _form: res.message }, values: form.values });
    // Handing a ticket to another team is allowed; the actor may then no longer see it.
    if (!mayHandle(c.get('actor'), form.data.sujet)) return redirectWith(c, '/gestion/support', 'La demande a été transmise à l’équipe qui traite ce sujet.');
    return redirectWith(c, back(ticket.id), 'Le classement de la demande a été enregistré.');
  });

  r.post('/gestion/support/:ticketId/fusion', ACCESS, async (c) => {
    const ticket = await ticketForStaff(c);
    if (!ticket) return renderErrorPage(c, 404);
    const form = await parseForm(c, mergeForm);
    if (!form.ok) return renderStaffTicket(c, ticket, form);
    const actor = c.get('actor');
    const res = await db.transaction((tx) => mergeTickets(tx, staffActor(c), ticket.id, form.data.version, form.data.cible, (t) => mayHandle(actor, t), supportSettings(deps), deps.now()));
    if (!res.ok) return renderStaffTicket(c, ticket, { errors: res.errors ?? { _form: res.message }, values: form.values });
    await dispatchMails(deps, [res.mailId]);
    return redirectWith(c, back(res.targetId), `La demande ${ticket.number} a été fusionnée dans celle-ci.`);
  });
}
