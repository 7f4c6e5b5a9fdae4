import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { learners } from '../learners/learners.schema.js';
import { createLabelInForce, createOtherOrganisation } from '../labels/labels.fixtures.js';
import { obligations, trainingSessions } from '../sessions/index.js';
import { annualReports } from './compliance.schema.js';
import { annualReportTransition, parseAnswers, parseReview, sessionInYear } from './annual-report.js';

const ANSWERS = {
  partnerships: 'Partenariat avec trois entreprises du numérique et la mission locale de Montreuil.',
  funding: 'Région Île-de-France : 40 000 € pour les places des demandeurs d’emploi.',
  difficulties: 'Recrutement de femmes difficile malgré les actions de sensibilisation.',
  improvements: 'Ajout d’un module de remise à niveau avant la session.',
  satisfaction: 'Questionnaire de fin de session : 8,4 sur 10 en moyenne.',
};

test('bilan annuel : sessions de l’année (commencées ou finies), annulées exclues', () => {
  const s = { status: 'ended', plannedStart: '2025-10-01', plannedEnd: '2026-03-31', actualStart: null, actualEnd: null };
  assert.equal(sessionInYear(s, 2025), true);
  assert.equal(sessionInYear(s, 2026), true);
  assert.equal(sessionInYear(s, 2027), false);
  assert.equal(sessionInYear({ ...s, actualStart: '2026-01-05' }, 2025), false, 'la date réelle de démarrage prime');
  assert.equal(sessionInYear({ ...s, status: 'cancelled' }, 2025), false);
});

test('bilan annuel : transitions permises et refusées', () => {
  assert.deepEqual(annualReportTransition('draft', 'submit'), { ok: true, from: 'draft', to: 'submitted' });
  assert.deepEqual(annualReportTransition('returned', 'submit'), { ok: true, from: 'returned', to: 'submitted' });
  assert.equal(annualReportTransition('submitted', 'save').ok, false);
  assert.equal(annualReportTransition('accepted', 'submit').ok, false);
  assert.equal(annualReportTransition('draft', 'accept').ok, false);
  assert.equal(annualReportTransition('accepted', 'return').ok, false);
});

test('bilan annuel : réponses exigées à la transmission, pas au brouillon ; renvoi motivé', () => {
  assert.equal(parseAnswers({ partnerships: 'court' }, false).ok, true);
  const r = parseAnswers({ partnerships: 'court' }, true);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.errors.partnerships!, /Répondez à la question « Partenariats »/);
  assert.equal(parseAnswers(ANSWERS, true).ok, true);
  assert.equal(parseAnswers({ ...ANSWERS, funding: 'x'.repeat(4001) }, false).ok, false);
  assert.equal(parseReview({ decision: 'return', motivation: 'non' }).ok, false);
  assert.equal(parseReview({ decision: 'accept' }).ok, true);
  assert.equal(parseReview({}).ok, false);
});

test('bilan annuel : prérempli, brouillon, transmission, renvoi motivé, nouvelle transmission, acceptation', async () => {
  let now = new Date('2026-02-10T09:00:00Z');
  const t = await createTestApp({ now: () => now });
  try {
    const db = t.deps.database.db;
    const fx = await createLabelInForce(t.deps);
    const org = t.client();
    await org.loginAs(fx.member.id);
    let res = await org.post(`/organisations/${fx.org.id}/labels/${fx.label.id}/sessions/nouvelle`, {
      name: 'Session de printemps 2026', plannedStart: '2026-03-16', plannedEnd: '2026-10-30', address: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil', modality: 'presentiel', places: '12', workStudy: 'non',
    });
    assert.equal(res.status, 303);
    const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.labelId, fx.label.id));
    const learner = (i: number, sex: 'F' | 'M', certification: 'full' | 'no') => ({
      sessionId: session!.id, organisationId: fx.org.id, lastName: `Nom${i}`, firstName: `Prénom${i}`, sex, educationLevel: 'bac' as const, entrySituation: 'job_seeker' as const,
      placement: 'placed' as const, inQpv: i % 2 === 0, inZrrFrr: false, completion: 'completed' as const, certification,
    });
    await db.insert(learners).values([learner(1, 'F', 'full'), learner(2, 'F', 'full'), learner(3, 'M', 'no'), learner(4, 'M', 'full')]);

    now = new Date('2027-01-10T09:00:00Z');
    await org.loginAs(fx.member.id);
    const base = `/organisations/${fx.org.id}/conformite/bilans`;
    res = await org.get(base);
    assert.equal(res.status, 200);
    let html = await res.text();
    assert.match(html, /Bilan 2026/);
    assert.match(html, /31\/01\/2027/);
    assert.match(html, /À remplir/);

    res = await org.get(`${base}/${fx.label.id}/2026`);
    assert.equal(res.status, 200);
    html = await res.text();
    assert.match(html, /Session de printemps 2026/);
    assert.match(html, /Femmes<\/th><td>50 %<\/td><td>2 sur 4<\/td>/, 'les indicateurs sont calculés à partir des apprenants');
    assert.match(html, /Réussite à la certification \(parmi les présentés\)<\/th><td>75 %/);

    assert.equal((await org.get(`${base}/${fx.label.id}/2025`)).status, 404, 'aucun bilan attendu pour 2025');
    assert.equal((await org.get(`${base}/pas-un-id/2026`)).status, 404);

    res = await org.post(`${base}/${fx.label.id}/2026`, { action: 'submit', partnerships: ANSWERS.partnerships });
    assert.equal(res.status, 422);
    html = await res.text();
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /Répondez à la question « Financements obtenus »/);
    assert.match(html, /Partenariat avec trois entreprises/, 'les valeurs saisies sont gardées');

    res = await org.post(`${base}/${fx.label.id}/2026`, { action: 'save', partnerships: ANSWERS.partnerships });
    assert.equal(res.status, 303);
    let [report] = await db.select().from(annualReports).where(eq(annualReports.labelId, fx.label.id));
    assert.equal(report!.status, 'draft');
    const obligationOf = async () => (await db.select().from(obligations).where(and(eq(obligations.labelId, fx.label.id), eq(obligations.kind, 'annual_report'), eq(obligations.year, 2026))))[0]!;
    assert.equal((await obligationOf()).doneAt, null, 'un brouillon ne remplit pas l’obligation');

    res = await org.post(`${base}/${fx.label.id}/2026`, { action: 'submit', version: String(report!.version), ...ANSWERS });
    assert.equal(res.status, 303);
    [report] = await db.select().from(annualReports).where(eq(annualReports.labelId, fx.label.id));
    assert.equal(report!.status, 'submitted');
    assert.equal(report!.sessionCount, 1);
    assert.equal(report!.indicators!.find((i) => i.key === 'women')!.value, '50 %');
    assert.ok((await obligationOf()).doneAt, 'la transmission remplit l’obligation');

    res = await org.post(`${base}/${fx.label.id}/2026`, { action: 'save', ...ANSWERS });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Ce bilan est transmis : il ne peut plus être modifié pendant son examen\./);

    const other = await createOtherOrganisation(t.deps);
    const stranger = t.client();
    await stranger.loginAs(other.admin.id);
    assert.equal((await stranger.get(`/organisations/${other.org.id}/conformite/bilans/${fx.label.id}/2026`)).status, 404, 'le label d’un autre organisme est introuvable');

    const agent = await createUser(t.deps, { staff: ['monitoring'], fullName: 'Agent Suivi' });
    const staff = t.client();
    await staff.loginAs(agent.id);
    res = await staff.get('/gestion/conformite/bilans');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Bilan 2026 – Développeur web et web mobile/);
    const page = `/gestion/conformite/bilans/${report!.id}`;
    res = await staff.get(page);
    html = await res.text();
    assert.match(html, /Région Île-de-France : 40 000 €/);

    res = await staff.post(`${page}/examen`, { version: String(report!.version), decision: 'return', motivation: '' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Motivez le renvoi du bilan/);
    res = await staff.post(`${page}/examen`, { version: String(report!.version), decision: 'return', motivation: 'Précisez les montants obtenus par financeur.' });
    assert.equal(res.status, 303);
    [report] = await db.select().from(annualReports).where(eq(annualReports.labelId, fx.label.id));
    assert.equal(report!.status, 'returned');
    assert.equal((await obligationOf()).doneAt, null, 'un bilan renvoyé rouvre l’obligation');
    const [returned] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.to, fx.admin.email), like(mailOutbox.subject, 'Bilan annuel 2026 à compléter%')));
    assert.ok(returned, 'les administrateurs de l’organisme sont prévenus du renvoi');
    assert.match(returned.text, /Précisez les montants obtenus par financeur\./);
    html = await (await org.get(`${base}/${fx.label.id}/2026`)).text();
    assert.match(html, /Précisez les montants obtenus par financeur\./);

    res = await org.post(`${base}/${fx.label.id}/2026`, { action: 'submit', version: String(report!.version), ...ANSWERS, funding: 'Région : 40 000 € ; OPCO Atlas : 12 000 €.' + ' '.repeat(3) });
    assert.equal(res.status, 303);
    [report] = await db.select().from(annualReports).where(eq(annualReports.labelId, fx.label.id));
    assert.equal(report!.status, 'submitted');

    res = await staff.post(`${page}/examen`, { version: String(report!.version), decision: 'accept', motivation: '' });
    assert.equal(res.status, 303);
    [report] = await db.select().from(annualReports).where(eq(annualReports.labelId, fx.label.id));
    assert.equal(report!.status, 'accepted');
    assert.ok((await obligationOf()).doneAt);
    res = await staff.post(`${page}/examen`, { version: String(report!.version), decision: 'return', motivation: 'Encore une fois, s’il vous plaît.' });
    assert.equal(res.status, 422, 'un bilan accepté ne se réexamine pas');
    assert.doesNotMatch(await (await org.get(`${base}/${fx.label.id}/2026`)).text(), /Transmettre le bilan/, 'un bilan accepté ne se modifie plus');

    const actions = (await db.select().from(auditLog).where(eq(auditLog.objectId, report!.id))).map((a) => a.action);
    assert.deepEqual(actions, ['annual_report.saved', 'annual_report.submitted', 'annual_report.returned', 'annual_report.submitted', 'annual_report.accepted']);

    const member = t.client();
    await member.loginAs((await createUser(t.deps)).id);
    assert.notEqual((await member.get('/gestion/conformite/bilans')).status, 200, 'réservé à l’équipe de suivi');
  } finally {
    await t.close();
  }
});
