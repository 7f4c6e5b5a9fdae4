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
import { agenda, appliedPerRegion, findMeeting, listCommitteeCandidates, listCutoffChoices, listMeetings, meetingConflicts, meetingDecisions, meetingsOf } from '../committee.store.js';
import { syncReviews } from '../review.store.js';
import { meetingForm, committeeDecisionForm } from '../review.forms.js';
import { createMeeting, decideApplication, validateMinutes } from '../commands/committee.js';
import { territorialBalance } from '../balance.js';
import { CommitteeListPage } from '../views/committee-pages.js';
import { MeetingPage } from '../views/meeting-page.js';
import { DecisionPage } from '../views/decision-page.js';
import { MinutesPage } from '../views/minutes-page.js';
import { COMMITTEE, meetingPath } from '../views/parts.js';

const M = `${COMMITTEE}/:meetingId`;

/** The meeting of the URL, if the actor may see it (committee members only their own meetings). */
async function loadMeeting(c: Context<AppEnv>) {
  const id = c.req.param('meetingId');
  if (!isUuid(id)) return null;
  const db = c.get('deps').database.db;
  const actor = c.get('actor')!;
  const m = await findMeeting(db, id.toLowerCase());
  if (!m) return null;
  const staffSide = actor.staffRoles.includes('admin') || actor.staffRoles.includes('instructor');
  if (!staffSide && !m.members.some((x) => x.userId === actor.userId)) return null;
  return m;
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

async function meetingView(c: Context<AppEnv>, m: NonNullable<Awaited<ReturnType<typeof loadMeeting>>>, message?: string) {
  const db = c.get('deps').database.db;
  await db.transaction((tx) => syncReviews(tx, { callId: m.meeting.callId }));
  const [items, applied] = await Promise.all([agenda(db, m.meeting.cutoffId, c.get('actor')!.userId), appliedPerRegion(db, m.meeting.cutoffId)]);
  return render(c, (
    <MeetingPage ctx={pageContext(c)} meeting={m.meeting} callTitle={m.callTitle} cutoffLabel={m.cutoffLabel} members={m.members} items={items}
      balance={territorialBalance(applied, items)} canManage={holdsRoleFor(c.get('actor'), 'committee.manage')} message={message} />
  ), message ? 422 : 200);
}

/** The agenda item of an application in a meeting, if it is on the agenda and undecided. */
async function agendaItem(c: Context<AppEnv>, m: NonNullable<Awaited<ReturnType<typeof loadMeeting>>>) {
  const appId = c.req.param('applicationId');
  if (!isUuid(appId)) return null;
  const items = await agenda(c.get('deps').database.db, m.meeting.cutoffId, c.get('actor')!.userId);
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
    return render(c, <DecisionPage ctx={pageContext(c)} meeting={m.meeting} item={item} />);
  });

  r.post(`${M}/decisions/:applicationId`, reviewAccess('committee.manage'), async (c) => {
    const m = await loadMeeting(c);
    const item = m ? await agendaItem(c, m) : null;
    if (!m || !item) return renderErrorPage(c, 404);
    const form = await parseForm(c, committeeDecisionForm);
    if (!form.ok) return render(c, <DecisionPage ctx={pageContext(c)} meeting={m.meeting} item={item} state={form} />, 422);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => decideApplication(tx, staffActor(c), {
      meetingId: m.meeting.id, applicationId: item.applicationId, ...form.data, baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL,
    }, deps.now()));
    if (!res.ok) return render(c, <DecisionPage ctx={pageContext(c)} meeting={m.meeting} item={item} state={{ values: form.values }} message={res.message} />, 422);
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, meetingPath(m.meeting.id), res.labelNumber ? `Formation labellisée : label ${res.labelNumber} créé, porteur notifié.` : 'Candidature refusée ; le porteur est notifié.');
  });

  r.get(`${M}/proces-verbal`, reviewAccess('committee.view'), async (c) => {
    const m = await loadMeeting(c);
    if (!m) return renderErrorPage(c, 404);
    const db = c.get('deps').database.db;
    const [decisions, conflicts] = await Promise.all([meetingDecisions(db, m.meeting.id), meetingConflicts(db, m.meeting.id)]);
    return render(c, <MinutesPage ctx={pageContext(c)} meeting={m.meeting} callTitle={m.callTitle} cutoffLabel={m.cutoffLabel} members={m.members} conflicts={conflicts} decisions={decisions} />);
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
