import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { memberships } from '../organisations/organisations.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { learners } from '../learners/learners.schema.js';
import { createLabelInForce, createOtherOrganisation, setLabelState } from '../labels/labels.fixtures.js';
import type { PlaceClassifier } from '../applications/place-classifier.js';
import { calendarFeeds, obligations, trainingSessions } from './sessions.schema.js';
import { refreshObligations } from './commands/refresh-obligations.js';
import { runSessionsDaily, SESSIONS_DAILY_JOB } from './jobs.js';
import { calendarToken } from './ics.js';

const fakeClassifier: PlaceClassifier = {
  async classify(place) {
    if (place.postcode === '99999') return null;
    return { communeCode: '93048', communeName: 'Montreuil', departement: 'Seine-Saint-Denis', region: 'Île-de-France', qpv: { code: 'QN09312M', name: 'Bel Air' }, qpvVersion: 'qpv-2024' };
  },
};

async function setup(start: string) {
  let now = new Date(start);
  const t = await createTestApp({ now: () => now });
  t.deps.services.placeClassifier = fakeClassifier;
  const fx = await createLabelInForce(t.deps);
  const client = t.client();
  await client.loginAs(fx.member.id);
  const base = `/organisations/${fx.org.id}/labels/${fx.label.id}/sessions`;
  return { t, fx, client, base, setNow: (d: string) => { now = new Date(d); } };
}

const FORM = {
  name: 'Session de printemps 2026', plannedStart: '2026-03-16', plannedEnd: '2026-10-30',
  address: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil', modality: 'presentiel', places: '8', workStudy: 'non',
};

async function obligationsOf(t: Awaited<ReturnType<typeof createTestApp>>, labelId: string) {
  const rows = await t.deps.database.db.select().from(obligations).where(eq(obligations.labelId, labelId));
  return Object.fromEntries(rows.map((o) => [o.kind + (o.year ? `:${o.year}` : ''), o]));
}

test('déclaration d’une session : refus en français, échéances calculées, manquement affiché', async () => {
  const { t, fx, client, base } = await setup('2026-02-10T09:00:00Z');
  try {
    let res = await client.post(`${base}/nouvelle`, {});
    assert.equal(res.status, 422);
    let html = await res.text();
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /Indiquez le nom de la session\./);
    assert.match(html, /Indiquez la date de démarrage prévue\./);
    assert.match(html, /Le code postal doit comporter 5 chiffres\./);

    res = await client.post(`${base}/nouvelle`, { ...FORM, plannedEnd: '2026-03-01' });
    assert.equal(res.status, 422);
    html = await res.text();
    assert.match(html, /La date de fin doit être postérieure à la date de démarrage\./);
    assert.match(html, /value="Session de printemps 2026"/, 'les valeurs saisies sont gardées');

    res = await client.post(`${base}/nouvelle`, { ...FORM, plannedStart: '2026-01-02' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /avant le début de validité du label \(15\/01\/2026\)/);

    res = await client.post(`${base}/nouvelle`, { ...FORM, places: '0' });
    assert.match(await res.text(), /Le nombre de places doit être un nombre entier entre 1 et 500\./);

    res = await client.post(`${base}/nouvelle`, FORM);
    assert.equal(res.status, 303);
    const [s] = await t.deps.database.db.select().from(trainingSessions).where(eq(trainingSessions.labelId, fx.label.id));
    assert.ok(s);
    assert.equal(s.initialStart, '2026-03-16');
    assert.equal(s.place.region, 'Île-de-France');
    assert.equal(s.place.qpv, 'QN09312M');

    const o = await obligationsOf(t, fx.label.id);
    assert.equal(o.first_session!.dueOn, '2026-04-15');
    assert.equal(o.first_session!.doneAt, null);
    assert.equal(o.start_attestation!.dueOn, '2026-04-16');
    assert.equal(o.end_report!.dueOn, '2026-11-30');
    assert.equal(o.outcomes_3m!.dueOn, '2027-02-28', '30/10 + 4 mois, ramené au dernier jour de février');
    assert.equal(o.outcomes_6m!.dueOn, '2027-05-30');
    assert.equal(o['annual_report:2026']!.dueOn, '2027-01-31');

    html = await (await client.get(base)).text();
    assert.match(html, /Session de printemps 2026/);
    assert.match(html, /ouvre 8 places, pour au moins 10 apprenants des publics de la GEN par session/);
    assert.match(html, /Attestation de démarrage et liste des apprenants/);

    const [audit] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'session.declared'), eq(auditLog.objectId, s.id)));
    assert.ok(audit, 'la déclaration est journalisée');

    // A label that is not active takes no new session.
    await setLabelState(t.deps, fx.label.id, { status: 'suspended' });
    res = await client.post(`${base}/nouvelle`, FORM);
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Une session ne peut être déclarée que pour un label actif\./);
  } finally {
    await t.close();
  }
});

test('les sessions d’un autre organisme sont introuvables (404)', async () => {
  const { t, fx, client, base } = await setup('2026-02-10T09:00:00Z');
  try {
    assert.equal((await client.post(`${base}/nouvelle`, FORM)).status, 303);
    const [s] = await t.deps.database.db.select().from(trainingSessions).where(eq(trainingSessions.labelId, fx.label.id));
    const other = await createOtherOrganisation(t.deps);
    const intruder = t.client();
    await intruder.loginAs(other.admin.id);
    assert.equal((await intruder.get(base)).status, 404);
    // Even through its own organisation's URL, someone else's label or session is a 404.
    const own = `/organisations/${other.org.id}/labels/${fx.label.id}/sessions`;
    assert.equal((await intruder.get(own)).status, 404);
    assert.equal((await intruder.get(`${own}/${s!.id}`)).status, 404);
    assert.equal((await intruder.post(`${own}/${s!.id}/annuler`, { version: '1', cancelReason: 'Pas assez d’inscrits' })).status, 404);
    assert.equal((await intruder.get(`${base}/pas-un-uuid`)).status, 404);
  } finally {
    await t.close();
  }
});

test('report au-delà de 2 mois : refusé avec un lien vers la demande de modification pré-remplie ; démarrage tardif sans approbation : manquement visible ; annulation : échéances retirées', async () => {
  const { t, fx, client, base } = await setup('2026-02-10T09:00:00Z');
  try {
    await client.post(`${base}/nouvelle`, { ...FORM, places: '12' });
    const db = t.deps.database.db;
    const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.labelId, fx.label.id));

    let res = await client.post(`${base}/${s!.id}/modifier`, { ...FORM, places: '12', plannedStart: '2026-05-04', plannedEnd: '2026-11-20', version: '1', reason: '' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Indiquez le motif de la modification/);

    res = await client.post(`${base}/${s!.id}/modifier`, { ...FORM, places: '12', plannedStart: '2026-05-18', plannedEnd: '2026-12-18', version: '1', reason: 'Formateur indisponible au printemps' });
    assert.equal(res.status, 422, 'un report au-delà du délai n’est pas accepté en silence');
    let html = await res.text();
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /ne peut être déplacé de plus de 2 mois par rapport au 16\/03\/2026 prévu d’abord sans demande de modification/);
    assert.match(html, /value="2026-05-18"/, 'les valeurs saisies sont gardées');
    const href = `/organisations/${fx.org.id}/conformite/modifications?type=session_dates&amp;labelId=${fx.label.id}&amp;sessionId=${s!.id}&amp;newStart=2026-05-18&amp;newEnd=2026-12-18&amp;requestedOn=2026-05-18#nouvelle-demande`;
    assert.ok(html.includes(`href="${href}"`), 'la page mène à la demande de report pré-remplie');
    let [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, s!.id));
    assert.equal(row!.plannedStart, '2026-03-16', 'la session garde ses dates');
    assert.equal(row!.version, 1);

    res = await client.post(`${base}/${s!.id}/modifier`, { ...FORM, places: '12', plannedStart: '2026-05-04', plannedEnd: '2026-11-20', version: '1', reason: 'Formateur indisponible en mars' });
    assert.equal(res.status, 303, 'un report dans le délai est accepté');
    const o = await obligationsOf(t, fx.label.id);
    assert.equal(o.start_attestation!.dueOn, '2026-06-04', 'l’attestation suit le nouveau démarrage');
    html = await (await client.get(`${base}/${s!.id}`)).text();
    assert.match(html, /Formateur indisponible en mars/);
    assert.doesNotMatch(html, /manquement aux règles|Manquement<\/h2>/);
    assert.ok(html.includes(`href="/organisations/${fx.org.id}/sessions/${s!.id}/attestation"`), 'la page de la session mène à l’attestation de démarrage');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'session.postponed'), eq(auditLog.objectId, s!.id)));
    assert.equal((audit!.meta as { reason: string }).reason, 'Formateur indisponible en mars');

    // A stale version is refused.
    res = await client.post(`${base}/${s!.id}/annuler`, { version: '1', cancelReason: 'Pas assez d’inscrits' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /modifiée entre-temps/);

    // Starting later than allowed without an approved request (the confirmed start) stays a breach, for the organisation and for staff.
    await client.post(`${base}/nouvelle`, { ...FORM, name: 'Session d’automne 2026', plannedStart: '2026-09-07', plannedEnd: '2027-03-26', places: '12' });
    const [late] = await db.select().from(trainingSessions).where(eq(trainingSessions.name, 'Session d’automne 2026'));
    await db.update(trainingSessions).set({ status: 'started', actualStart: '2026-12-07' }).where(eq(trainingSessions.id, late!.id));
    html = await (await client.get(`${base}/${late!.id}`)).text();
    assert.match(html, /« Session d’automne 2026 » démarre le 07\/12\/2026 au lieu du 07\/09\/2026 prévu d’abord : un report de plus de 2 mois sans demande de modification approuvée est un manquement/);
    const monitor = await createUser(t.deps, { staff: ['monitoring'] });
    const staff = t.client();
    await staff.loginAs(monitor.id);
    const dash = await (await staff.get('/gestion/suivi')).text();
    assert.match(dash, /démarre le 07\/12\/2026 au lieu du 07\/09\/2026 prévu d’abord/, 'le manquement figure au tableau de suivi');

    res = await client.post(`${base}/${s!.id}/annuler`, { version: '2', cancelReason: 'Pas assez d’inscrits' });
    assert.equal(res.status, 303);
    assert.deepEqual(await db.select().from(obligations).where(eq(obligations.sessionId, s!.id)), [], 'une session annulée n’a plus d’échéances');
    assert.ok((await obligationsOf(t, fx.label.id)).first_session, 'la première session reste due');
    [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, s!.id));
    assert.equal(row!.status, 'cancelled');
  } finally {
    await t.close();
  }
});

test('refreshObligations suit l’attestation de démarrage et les situations à 3 mois des apprenants', async () => {
  const { t, fx, client, base } = await setup('2026-02-10T09:00:00Z');
  try {
    await client.post(`${base}/nouvelle`, { ...FORM, places: '12' });
    const db = t.deps.database.db;
    const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.labelId, fx.label.id));
    const attested = new Date('2026-03-20T10:00:00Z');
    await db.update(trainingSessions).set({ actualStart: '2026-03-17', startAttestedAt: attested, status: 'started' }).where(eq(trainingSessions.id, s!.id));
    await db.insert(learners).values([
      { sessionId: s!.id, organisationId: fx.org.id, sex: 'F', educationLevel: 'bac', entrySituation: 'job_seeker', situation3m: 'cdi' },
      { sessionId: s!.id, organisationId: fx.org.id, sex: 'M', educationLevel: 'infra_bac', entrySituation: 'neet' },
    ]);
    await db.transaction((tx) => refreshObligations(tx, fx.label.id, new Date('2026-03-20T12:00:00Z')));
    let o = await obligationsOf(t, fx.label.id);
    assert.equal(o.start_attestation!.dueOn, '2026-04-17', 'démarrage réel + 1 mois');
    assert.equal(o.start_attestation!.doneAt?.toISOString(), attested.toISOString());
    assert.equal(o.first_session!.doneAt?.toISOString(), '2026-03-17T00:00:00.000Z');
    assert.equal(o.outcomes_3m!.doneAt, null, 'une situation manque');
    await db.update(learners).set({ situation3m: 'job_seeking' }).where(eq(learners.sessionId, s!.id));
    await db.transaction((tx) => refreshObligations(tx, fx.label.id, new Date('2027-02-01T12:00:00Z')));
    o = await obligationsOf(t, fx.label.id);
    assert.ok(o.outcomes_3m!.doneAt, 'toutes les situations à 3 mois sont données');
    assert.equal(o.outcomes_6m!.doneAt, null);
  } finally {
    await t.close();
  }
});

test('relances J-7, J0, J+7 : une seule fois chacune, même si la tâche tourne deux fois ou redémarre', async () => {
  const { t, fx, client, base, setNow } = await setup('2026-01-20T09:00:00Z');
  try {
    await client.post(`${base}/nouvelle`, { ...FORM, places: '12', plannedStart: '2026-02-02', plannedEnd: '2026-09-30' });
    const db = t.deps.database.db;
    const admin2 = await createUser(t.deps, { fullName: 'Seconde Admin' });
    await db.insert(memberships).values({ organisationId: fx.org.id, userId: admin2.id, role: 'admin' });
    const reminders = async (stage: string) => db.select().from(mailOutbox).where(eq(mailOutbox.template, `sessions.reminder.${stage}`));

    // Start attestation due 02/03/2026: J-7 from 23/02.
    setNow('2026-02-22T07:00:00Z');
    await runSessionsDaily(t.deps);
    assert.equal((await reminders('J-7')).length, 0);
    setNow('2026-02-24T07:00:00Z');
    await runSessionsDaily(t.deps);
    await runSessionsDaily(t.deps);
    await t.jobs.send(SESSIONS_DAILY_JOB, {}); // as pg-boss would after a restart
    const jm7 = await reminders('J-7');
    assert.equal(jm7.length, 2, 'une relance par administrateur, une seule fois');
    assert.deepEqual(jm7.map((m) => m.to).sort(), [admin2.email, fx.admin.email].sort());
    assert.match(jm7[0]!.subject, /Échéance dans 7 jours : Attestation de démarrage/);
    assert.match(jm7[0]!.text, /au plus tard le 02\/03\/2026/);

    setNow('2026-03-02T07:00:00Z');
    await runSessionsDaily(t.deps);
    await runSessionsDaily(t.deps);
    assert.equal((await reminders('J0')).length, 2);
    setNow('2026-03-10T07:00:00Z');
    await runSessionsDaily(t.deps);
    await runSessionsDaily(t.deps);
    const late = await reminders('J+7');
    assert.equal(late.length, 2);
    assert.match(late[0]!.text, /en retard/);
    assert.equal((await reminders('J-7')).length, 2, 'aucune relance ancienne renvoyée');

    // Once done, nothing more.
    const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.labelId, fx.label.id));
    await db.update(trainingSessions).set({ startAttestedAt: new Date('2026-03-10T08:00:00Z') }).where(eq(trainingSessions.id, s!.id));
    setNow('2026-03-11T07:00:00Z');
    const before = (await db.select().from(mailOutbox).where(like(mailOutbox.template, 'sessions.reminder.%'))).length;
    await runSessionsDaily(t.deps);
    assert.equal((await db.select().from(mailOutbox).where(like(mailOutbox.template, 'sessions.reminder.%'))).length, before);
  } finally {
    await t.close();
  }
});

test('calendrier : page de l’organisme et flux ICS privé (RFC 5545, échappement et pliage)', async () => {
  const { t, fx, client, base } = await setup('2026-02-10T09:00:00Z');
  try {
    await client.post(`${base}/nouvelle`, { ...FORM, name: 'Session; « printemps », Montreuil – groupe très long pour vérifier le pliage des lignes', places: '12' });
    const page = await (await client.get(`/organisations/${fx.org.id}/calendrier`)).text();
    assert.match(page, /Calendrier des échéances de/);
    assert.match(page, /Attestation de démarrage et liste des apprenants/);
    const token = calendarToken(t.deps.config.appSecret, fx.org.id);
    assert.ok(page.includes(`/calendrier/${fx.org.id}/${token}/echeances.ics`), 'le lien privé est donné');

    const anonymous = t.client();
    const res = await anonymous.get(`/calendrier/${fx.org.id}/${token}/echeances.ics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
    const ics = await res.text();
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `ligne trop longue : ${line}`);
    assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(ics), 'uniquement des fins de ligne CRLF');
    const unfolded = ics.replace(/\r\n /g, '');
    assert.match(unfolded, /DTSTART;VALUE=DATE:20260416\r\n/);
    assert.match(unfolded, /SUMMARY:Session Session\\; « printemps »\\, Montreuil – groupe très long/);
    assert.match(unfolded, /DTSTART;VALUE=DATE:20260316\r\nDTEND;VALUE=DATE:20261031\r\n/, 'la fin est exclusive : lendemain du dernier jour');
    assert.match(unfolded, /LOCATION:55 rue de Vincennes\\, 93100\\, Montreuil/);

    assert.equal((await anonymous.get(`/calendrier/${fx.org.id}/${token.replace(/.$/, token.endsWith('A') ? 'B' : 'A')}/echeances.ics`)).status, 404);
    const other = await createOtherOrganisation(t.deps);
    assert.equal((await anonymous.get(`/calendrier/${other.org.id}/${token}/echeances.ics`)).status, 404, 'le jeton d’un organisme n’ouvre pas celui d’un autre');
    const [feed] = await t.deps.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.organisationId, fx.org.id));
    assert.equal(feed!.random, false);
    assert.notEqual(feed!.tokenHash, token, 'seule l’empreinte du jeton est conservée');
  } finally {
    await t.close();
  }
});

test('calendrier : un administrateur régénère le lien ICS (ancien lien en 404, audité), un membre ne le peut pas', async () => {
  const { t, fx, client } = await setup('2026-02-10T09:00:00Z');
  try {
    const db = t.deps.database.db;
    const anonymous = t.client();
    const legacy = calendarToken(t.deps.config.appSecret, fx.org.id);
    // A link given before tokens were stored opens the feed, and its first use stores its hash.
    assert.equal((await anonymous.get(`/calendrier/${fx.org.id}/${legacy}/echeances.ics`)).status, 200);
    assert.equal((await db.select().from(calendarFeeds)).length, 1);

    const memberPage = await (await client.get(`/organisations/${fx.org.id}/calendrier`)).text();
    assert.ok(memberPage.includes(`/calendrier/${fx.org.id}/${legacy}/echeances.ics`));
    assert.doesNotMatch(memberPage, /Régénérer le lien/, 'un simple membre ne voit pas l’action');
    assert.equal((await client.post(`/organisations/${fx.org.id}/calendrier/lien`, {})).status, 403);

    const admin = t.client();
    await admin.loginAs(fx.admin.id);
    assert.match(await (await admin.get(`/organisations/${fx.org.id}/calendrier`)).text(), /Régénérer le lien/);
    const res = await admin.post(`/organisations/${fx.org.id}/calendrier/lien`, {});
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Nouveau lien créé/);
    const m = html.match(new RegExp(`/calendrier/${fx.org.id}/([A-Za-z0-9_-]{32})/echeances\\.ics`));
    assert.ok(m, 'le nouveau lien est affiché une fois');
    const fresh = m![1]!;
    assert.notEqual(fresh, legacy);
    assert.equal((await anonymous.get(`/calendrier/${fx.org.id}/${legacy}/echeances.ics`)).status, 404, 'l’ancien lien ne fonctionne plus');
    assert.equal((await anonymous.get(`/calendrier/${fx.org.id}/${fresh}/echeances.ics`)).status, 200);
    const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.organisationId, fx.org.id));
    assert.equal(feed!.random, true);
    assert.ok(!JSON.stringify(feed).includes(fresh), 'le jeton n’est pas conservé en clair');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'calendar.link_regenerated'), eq(auditLog.objectId, fx.org.id)));
    assert.ok(audit, 'la régénération est journalisée');
    assert.ok(!JSON.stringify(audit).includes(fresh), 'le journal ne contient pas le jeton');

    const later = await (await admin.get(`/organisations/${fx.org.id}/calendrier`)).text();
    assert.ok(!later.includes(fresh), 'le lien n’est plus affiché ensuite');
    assert.match(later, /Il n’est affiché qu’à sa création/);
    assert.match(await (await client.get(`/organisations/${fx.org.id}/calendrier`)).text(), /demandez à un administrateur de l’organisme de le régénérer/);

    const other = await createOtherOrganisation(t.deps);
    const stranger = t.client();
    await stranger.loginAs(other.admin.id);
    assert.equal((await stranger.post(`/organisations/${fx.org.id}/calendrier/lien`, {})).status, 404, 'l’organisme d’autrui n’existe pas');
  } finally {
    await t.close();
  }
});

test('tableau de suivi : obligations en retard, labels à risque, indicateurs et exports, réservé au suivi', async () => {
  const { t, fx, client, base, setNow } = await setup('2026-02-10T09:00:00Z');
  try {
    await client.post(`${base}/nouvelle`, { ...FORM, places: '8' });
    setNow('2026-05-10T09:00:00Z');
    await runSessionsDaily(t.deps);
    const db = t.deps.database.db;
    const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.labelId, fx.label.id));
    await db.insert(learners).values([
      { sessionId: s!.id, organisationId: fx.org.id, sex: 'F', educationLevel: 'bac', entrySituation: 'job_seeker', inQpv: true, placement: 'placed' },
      { sessionId: s!.id, organisationId: fx.org.id, sex: 'M', educationLevel: 'bac_3_plus', entrySituation: 'neet', inQpv: false, placement: 'placed' },
    ]);
    const monitor = await createUser(t.deps, { staff: ['monitoring'] });
    const staff = t.client();
    await staff.loginAs(monitor.id);
    const html = await (await staff.get('/gestion/suivi')).text();
    assert.match(html, /Suivi-évaluation des formations labellisées/);
    assert.match(html, /Obligations en retard \(1\)/);
    assert.match(html, new RegExp(`Attestation de démarrage et liste des apprenants — <a href="/gestion/suivi/sessions/${s!.id}/apprenants">Session de printemps 2026</a>`));
    assert.match(html, /Labels à risque/);
    assert.match(html, /1 obligation en retard, 1 manquement/);
    assert.match(html, /Île-de-France/);
    assert.match(html, /50 %/, '1 femme sur 2');

    const page = await (await staff.get(`/gestion/suivi/labels/${fx.label.id}`)).text();
    assert.match(page, new RegExp(`Suivi du label ${fx.label.number}`));
    assert.match(page, /ouvre 8 places/);
    assert.match(page, /Session de printemps 2026/);
    assert.match(page, /Femmes<\/th><td>50 %<\/td><td>1 sur 2<\/td><td>≥ 30 %<\/td>/);
    assert.equal((await staff.get('/gestion/suivi/labels/00000000-0000-4000-8000-000000000000')).status, 404);

    const filtered = await (await staff.get('/gestion/suivi?region=Bretagne')).text();
    assert.match(filtered, /Obligations en retard \(0\)/);

    const raw = Buffer.from(await (await staff.get('/gestion/suivi/export.csv?risque=1')).arrayBuffer());
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM UTF-8 pour les tableurs');
    const csv = raw.toString('utf8').slice(1);
    assert.ok(csv.startsWith('Label;Formation;Organisme;Région'));
    assert.match(csv, new RegExp(`${fx.label.number};Développeur web et web mobile;[^\\r]*;Île-de-France;Actif;1;1;`));
    const xlsx = await staff.get('/gestion/suivi/export.xlsx');
    assert.equal(xlsx.status, 200);
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
    const [exported] = await db.select().from(auditLog).where(eq(auditLog.action, 'monitoring.exported'));
    assert.ok(exported, 'les exports sont journalisés');

    const instructor = await createUser(t.deps, { staff: ['instructor'] });
    const other = t.client();
    await other.loginAs(instructor.id);
    assert.equal((await other.get('/gestion/suivi')).status, 403);
  } finally {
    await t.close();
  }
});
