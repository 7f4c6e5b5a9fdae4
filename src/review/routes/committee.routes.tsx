/** Routes of the committee: meetings, agenda, one decision per application, minutes and their validation. */
import type { Context } from 'hono';
import type { Router } from '../../platform/http/router.js';
import type { AppEnv } from '../../platform/http/context.js';
import { isUuid } from '../../platform/http/access.js';
import { parseForm, type FormResult } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { renderErrorPage } from '../../platform/views/error-page.js';
import { dispatchMails } from '../../platform/mail/mailer.js';
import { holdsRoleFor, reviewAccess, staffActor } from '../review.policy.js';
import { agenda, appliedPerRegion, findMeeting, listCommitteeCandidates, listCutoffChoices, listDecisionMails, listMeetings, meetingConflicts, meetingDecisions, meetingsOf, type AgendaItem } from '../committee.store.js';
import { syncReviews } from '../review.store.js';
import { settingsOf } from '../staffing.store.js';
import { sectionData } from '../workspace.store.js';
import { meetingForm, committeeDecisionForm, decisionMailForm } from '../review.forms.js';
import { createMeeting, decideApplication, editDecisionMail, sendDecisionMails, validateMinutes } from '../commands/committee.js';
import { territorialBalance } from '../balance.js';
import { seedGrantCeiling } from '../routing.js';
import { minutesPdf } from '../minutes-pdf.js';
import { pdfResponse } from '../../platform/pdf/pdf.js';
import { classifyPlaces, placeClassifierOf } from '../../applications/place-classifier.js';
import { parisToday } from '../review.js';
import { OutboxPage } from '../views/outbox-page.js';
import { CommitteeListPage } from '../views/committee-pages.js';
import { MeetingPage } from '../views/meeting-page.js';
import { DecisionPage } from '../views/decision-page.js';
import { MinutesPage } from '../views/minutes-page.js';
import { COMMITTEE, meetingPath } from '../views/parts.js';
import { getCallById } from '../../calls/calls.store.js';

const M = `${COMMITTEE}/:meetingId`;

/** The meeting of the URL, if the actor may see it (committee members only their own meetings). */
async function loadMeeting(c: Context<AppEnv>) {
  const id = c.req.param('meetingId');
  if (!isUuid(id)) return null;
  const db = c.get('deps').database.db;
  const actor = c.get('actor')!;
  const m = await findMeeting(db, id.toLowerCase());
  if (!m) return null;
  const call = await getCallById(db, m.meeting.callId);
  const staffSide = actor.staffRoles.includes('admin') || actor.staffRoles.includes('instructor');
  if (!staffSide && !m.members.some((x) => x.userId === actor.userId)) return null;
  return { ...m, targets: call?.call.rules.targets ?? null };
}

async function listPage(c: Context<AppEnv>, state?: FormResult<unknown>, status = 200) {
  const db = c.get('deps').database.db;
  const actor = c.get('actor')!;
  const canManage = holdsRoleFor(actor, 'committee.manage');
  const all = await listMeetings(db);
  const mine = canManage ? null : new Set(await meetingsOf(db, actor.userId));
  const [cutoffs, candidates] = canManage ? await Promise.all([listCutoffChoices(db), listCommitteeCandidates(db)]) : [[], []];
  return render(c, <CommitteeListPage ctx={pageContext(c)} meetings={mine ? all.filter((m) => mine.has(m.meeting.id)) : all} canManage={canManage} cutoffs={cutoffs} candidates={candidates} state={state} />, status);
}

/** Whether each labelled application has a training place in a QPV (only those the territory engine could place). */
async function qpvOfLabelled(c: Context<AppEnv>, items: AgendaItem[]): Promise<Map<string, boolean>> {
  const deps = c.get('deps');
  const classifier = placeClassifierOf(deps);
  const out = new Map<string, boolean>();
  if (!classifier) return out;
  for (const it of items.filter((i) => i.decision?.outcome === 'labelled')) {
    const places = ((await sectionData(deps.database.db, it.applicationId, 'places')).places as Record<string, unknown>[] | undefined) ?? [];
    const results = (await classifyPlaces(classifier, places, parisToday(deps.now()))).map((r) => r.result).filter((r) => r !== null);
    if (results.length) out.set(it.applicationId, results.some((r) => !!r.qpv));
  }
  return out;
}

async function meetingView(c: Context<AppEnv>, m: NonNullable<Awaited<ReturnType<typeof loadMeeting>>>, message?: string) {
  const db = c.get('deps').database.db;
  await db.transaction((tx) => syncReviews(tx, { callId: m.meeting.callId }));
  const settings = await settingsOf(db, m.meeting.callId);
  const [items, applied, mails] = await Promise.all([agenda(db, m.meeting.cutoffId, c.get('actor')!.userId, settings.discussionGap), appliedPerRegion(db, m.meeting.cutoffId), listDecisionMails(db, m.meeting.id)]);
  const decisions = await meetingDecisions(db, m.meeting.id);
  return render(c, (
    <MeetingPage ctx={pageContext(c)} meeting={m.meeting} callTitle={m.callTitle} cutoffLabel={m.cutoffLabel} members={m.members} items={items}
      balance={territorialBalance(applied, items, await qpvOfLabelled(c, items))} targets={m.targets} deferred={decisions.filter((d) => d.decision.outcome === 'deferred')}
      unsentMails={mails.filter((x) => !x.mail.sentAt).length} canManage={holdsRoleFor(c.get('actor'), 'committee.manage')} message={message} />
  ), message ? 422 : 200);
}

/** The seed grant ceiling of an agenda item, for the decision page. */
async function ceilingOf(c: Context<AppEnv>, m: NonNullable<Awaited<ReturnType<typeof loadMeeting>>>, item: AgendaItem) {
  const settings = await settingsOf(c.get('deps').database.db, m.meeting.callId);
  return { ...seedGrantCeiling(item.funding, settings.seedGrantMaxShare), maxShare: settings.seedGrantMaxShare };
}

/** The agenda item of an application in a meeting, if it is on the agenda and undecided. */
async function agendaItem(c: Context<AppEnv>, m: NonNullable<Awaited<ReturnType<typeof loadMeeting>>>) {
  const appId = c.req.param('applicationId');
  if (!isUuid(appId)) return null;
  const items = await agenda(c.get('deps').database.db, m.meeting.cutoffId, c.get('actor')!.userId, (await settingsOf(c.get('deps').database.db, m.meeting.callId)).discussionGap);
  return items.find((i) => i.applicationId === appId.toLowerCase()) ?? null;
}

/** Registers the committee routes. */
export function registerCommitteeRoutes(r: Router): void {
  r.get(COMMITTEE, reviewAccess('committee.view'), (c) => listPage(c));

  r.post(COMMITTEE, reviewAccess('committee.manage'), async (c) => {
    const form = await parseForm(c, meetingForm);
    if (!form.ok) return listPage(c, form, 422);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => createMeeting(tx, staffActor(c), form.data, deps.now()));
    if (!res.ok) return listPage(c, { ok: false, errors: { [res.field ?? '_form']: res.message }, values: form.values }, 422);
    return redirectWith(c, meetingPath(res.meetingId), 'La séance est programmée.');
  });

  r.get(M, reviewAccess('committee.view'), async (c) => {
    const m = await loadMeeting(c);
    return m ? meetingView(c, m) : renderErrorPage(c, 404);
  });

  r.get(`${M}/decisions/:applicationId`, reviewAccess('committee.manage'), async (c) => {
    const m = await loadMeeting(c);
    const item = m ? await agendaItem(c, m) : null;
    if (!m || !item) return renderErrorPage(c, 404);
    if (item.decision || m.meeting.minutesValidatedAt) return redirectWith(c, meetingPath(m.meeting.id));
    return render(c, <DecisionPage ctx={pageContext(c)} meeting={m.meeting} item={item} ceiling={await ceilingOf(c, m, item)} />);
  });

  r.post(`${M}/decisions/:applicationId`, reviewAccess('committee.manage'), async (c) => {
    const m = await loadMeeting(c);
    const item = m ? await agendaItem(c, m) : null;
    if (!m || !item) return renderErrorPage(c, 404);
    const ceiling = await ceilingOf(c, m, item);
    const form = await parseForm(c, committeeDecisionForm);
    if (!form.ok) return render(c, <DecisionPage ctx={pageContext(c)} meeting={m.meeting} item={item} ceiling={ceiling} state={form} />, 422);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => decideApplication(tx, staffActor(c), {
      meetingId: m.meeting.id, applicationId: item.applicationId, outcome: form.data.outcome, motivation: form.data.motivation, seedGrant: form.data.seedGrant,
    }, deps.now()));
    if (!res.ok) {
      const state = res.field ? { errors: { [res.field]: res.message }, values: form.values } : { values: form.values };
      return render(c, <DecisionPage ctx={pageContext(c)} meeting={m.meeting} item={item} ceiling={ceiling} state={state} message={res.field ? undefined : res.message} />, 422);
    }
    const done = { labelled: `Formation labellisée : label ${res.labelNumber} créé.`, rejected: 'Candidature refusée.', deferred: 'Décision reportée au relevé suivant : la candidature passe à l’ordre du jour du prochain relevé.' };
    return redirectWith(c, meetingPath(m.meeting.id), `${done[form.data.outcome]} Le courrier au porteur est préparé dans les courriers de la séance.`);
  });

  r.get(`${M}/proces-verbal`, reviewAccess('committee.view'), async (c) => {
    const m = await loadMeeting(c);
    if (!m) return renderErrorPage(c, 404);
    const db = c.get('deps').database.db;
    const [decisions, conflicts] = await Promise.all([meetingDecisions(db, m.meeting.id), meetingConflicts(db, m.meeting.id)]);
    return render(c, <MinutesPage ctx={pageContext(c)} meeting={m.meeting} callTitle={m.callTitle} cutoffLabel={m.cutoffLabel} members={m.members} conflicts={conflicts} decisions={decisions} />);
  });

  r.get(`${M}/proces-verbal.pdf`, reviewAccess('committee.view'), async (c) => {
    const m = await loadMeeting(c);
    if (!m) return renderErrorPage(c, 404);
    const db = c.get('deps').database.db;
    const [decisions, conflicts] = await Promise.all([meetingDecisions(db, m.meeting.id), meetingConflicts(db, m.meeting.id)]);
    const bytes = await minutesPdf({ meeting: m.meeting, callTitle: m.callTitle, cutoffLabel: m.cutoffLabel, members: m.members, conflicts, decisions }, c.get('deps').now());
    return pdfResponse(bytes, `proces-verbal-${m.meeting.heldOn}.pdf`);
  });

  // The meeting's outbox of decision mails: preview, edit, send in bulk.
  r.get(`${M}/courriers`, reviewAccess('committee.manage'), async (c) => {
    const m = await loadMeeting(c);
    if (!m) return renderErrorPage(c, 404);
    return render(c, <OutboxPage ctx={pageContext(c)} meeting={m.meeting} mails={await listDecisionMails(c.get('deps').database.db, m.meeting.id)} />);
  });

  r.post(`${M}/courriers/envoyer`, reviewAccess('committee.manage'), async (c) => {
    const m = await loadMeeting(c);
    if (!m) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => sendDecisionMails(tx, staffActor(c), { meetingId: m.meeting.id, baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL }, deps.now()));
    if (!res.ok) return render(c, <OutboxPage ctx={pageContext(c)} meeting={m.meeting} mails={await listDecisionMails(deps.database.db, m.meeting.id)} message={res.message} />, 422);
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, `${meetingPath(m.meeting.id)}/courriers`, `${res.sent} courrier(s) de décision envoyé(s) aux porteurs.`);
  });

  r.post(`${M}/courriers/:decisionId`, reviewAccess('committee.manage'), async (c) => {
    const m = await loadMeeting(c);
    const decisionId = c.req.param('decisionId');
    if (!m || !isUuid(decisionId)) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const mails = await listDecisionMails(deps.database.db, m.meeting.id);
    if (!mails.some((x) => x.mail.decisionId === decisionId.toLowerCase())) return renderErrorPage(c, 404);
    const form = await parseForm(c, decisionMailForm);
    if (!form.ok) return render(c, <OutboxPage ctx={pageContext(c)} meeting={m.meeting} mails={mails} editing={{ decisionId: decisionId.toLowerCase(), state: form }} />, 422);
    const res = await deps.database.db.transaction((tx) => editDecisionMail(tx, staffActor(c), { meetingId: m.meeting.id, decisionId: decisionId.toLowerCase(), ...form.data }, deps.now()));
    if (!res.ok) return render(c, <OutboxPage ctx={pageContext(c)} meeting={m.meeting} mails={mails} message={res.message} />, 422);
    return redirectWith(c, `${meetingPath(m.meeting.id)}/courriers#courrier-${decisionId.toLowerCase()}`, 'Le courrier est modifié.');
  });

  r.post(`${M}/proces-verbal`, reviewAccess('committee.manage'), async (c) => {
    const m = await loadMeeting(c);
    if (!m) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => validateMinutes(tx, staffActor(c), m.meeting.id, deps.now()));
    if (!res.ok) return meetingView(c, m, res.message);
    return redirectWith(c, meetingPath(m.meeting.id), 'Le procès-verbal est validé ; les décisions de la séance sont verrouillées.');
  });
}
