import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, like } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { labels } from '../labels/index.js';
import { createLabelInForce, createOtherOrganisation } from '../labels/labels.fixtures.js';
import { sanctionProcedures } from './compliance.schema.js';
import { answerDueOn, decisionRefusal, mayAnswer, parseNotice } from './sanctions.js';

test('sanctions : délai de réponse de 15 jours à compter de la notification (fins de mois, années bissextiles)', () => {
  assert.equal(answerDueOn('2026-03-02'), '2026-03-17');
  assert.equal(answerDueOn('2026-02-20'), '2026-03-07');
  assert.equal(answerDueOn('2028-02-20'), '2028-03-06');
  assert.equal(answerDueOn('2026-12-25'), '2027-01-09');
});

test('sanctions : pas de décision pendant le délai sans réponse, ni sans motivation, ni après clôture', () => {
  const p = { status: 'answer_period' as const, answerDueOn: '2026-03-17' };
  assert.match(decisionRefusal(p, '2026-03-17', 'Motivation détaillée.')!.message, /court jusqu’au 17\/03\/2026 inclus/);
  assert.equal(decisionRefusal(p, '2026-03-18', 'Motivation détaillée.'), null);
  assert.equal(decisionRefusal({ ...p, status: 'answered' }, '2026-03-05', 'Motivation détaillée.'), null, 'après la réponse, la décision peut être prise');
  assert.equal(decisionRefusal({ ...p, status: 'answered' }, '2026-03-05', '  ')!.field, 'motivation');
  assert.match(decisionRefusal({ ...p, status: 'applied' }, '2026-04-01', 'Motivation détaillée.')!.message, /déjà close/);
  assert.equal(mayAnswer(p, '2026-03-17'), null);
  assert.match(mayAnswer(p, '2026-03-18')!, /Le délai de réponse a expiré le 17\/03\/2026\./);
  assert.equal(parseNotice({ labelId: 'x', measure: 'amende', grounds: 'court' }).ok, false);
});

test('procédure contradictoire : notification, réponse de l’organisme, décision motivée, suspension puis retrait du label', async () => {
  let now = new Date('2026-03-02T09:00:00Z');
  const t = await createTestApp({ now: () => now });
  try {
    const db = t.deps.database.db;
    const fx = await createLabelInForce(t.deps);
    const agent = await createUser(t.deps, { staff: ['monitoring'], fullName: 'Agent Suivi' });
    const staff = t.client();
    const org = t.client();
    const login = async () => { await staff.loginAs(agent.id); await org.loginAs(fx.admin.id); };
    await login();

    let res = await staff.post('/gestion/conformite/sanctions', { grounds: 'court' });
    assert.equal(res.status, 422);
    let html = await res.text();
    assert.match(html, /Choisissez le label concerné\./);
    assert.match(html, /Choisissez la mesure envisagée\./);
    assert.match(html, /Exposez les griefs/);

    const grounds = 'Bilan annuel 2025 non remis malgré trois relances ; aucune session déclarée depuis la convention.';
    res = await staff.post('/gestion/conformite/sanctions', { labelId: fx.label.id, measure: 'suspension', grounds });
    assert.equal(res.status, 303);
    let [p] = await db.select().from(sanctionProcedures).where(eq(sanctionProcedures.labelId, fx.label.id));
    assert.equal(p!.noticeOn, '2026-03-02');
    assert.equal(p!.answerDueOn, '2026-03-17');
    const mails = await db.select().from(mailOutbox).where(like(mailOutbox.subject, 'Procédure contradictoire%'));
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /jusqu’au 17\/03\/2026 inclus/);

    const staffPage = `/gestion/conformite/sanctions/${p!.id}`;
    res = await staff.post(`${staffPage}/decision`, { version: String(p!.version), decision: 'apply', motivation: 'Manquements graves et répétés.' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /la décision ne peut être prise qu’après sa réponse ou l’expiration du délai/);

    const orgPage = `/organisations/${fx.org.id}/conformite/sanctions/${p!.id}`;
    const other = await createOtherOrganisation(t.deps);
    const stranger = t.client();
    await stranger.loginAs(other.admin.id);
    assert.equal((await stranger.get(`/organisations/${other.org.id}/conformite/sanctions/${p!.id}`)).status, 404, 'la procédure d’un autre organisme est introuvable');

    res = await org.get(`/organisations/${fx.org.id}/conformite/sanctions`);
    assert.match(await res.text(), /Suspension du label/);
    res = await org.post(`${orgPage}/reponse`, { answer: 'Non.' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Rédigez votre réponse aux griefs/);
    now = new Date('2026-03-10T09:00:00Z');
    await login();
    res = await org.post(`${orgPage}/reponse`, { answer: 'Le bilan 2025 était en cours de rédaction ; il sera transmis cette semaine avec nos excuses.' });
    assert.equal(res.status, 303);
    [p] = await db.select().from(sanctionProcedures).where(eq(sanctionProcedures.id, p!.id));
    assert.equal(p!.status, 'answered');
    res = await org.post(`${orgPage}/reponse`, { answer: 'Une seconde réponse qui ne doit pas être acceptée.' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /La réponse de l’organisme a déjà été transmise\./);

    html = await (await staff.get(staffPage)).text();
    assert.match(html, /il sera transmis cette semaine/);
    res = await staff.post(`${staffPage}/decision`, { version: String(p!.version), decision: 'apply', motivation: '' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Motivez la décision/);
    res = await staff.post(`${staffPage}/decision`, { version: String(p!.version), motivation: 'Manquements graves.' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Choisissez de prononcer la mesure/);
    res = await staff.post(`${staffPage}/decision`, { version: String(p!.version), decision: 'apply', motivation: 'La réponse ne lève pas le grief : aucune session depuis la convention.' });
    assert.equal(res.status, 303);
    let [label] = await db.select().from(labels).where(eq(labels.id, fx.label.id));
    assert.equal(label!.status, 'suspended', 'la suspension passe par le domaine des labels');
    [p] = await db.select().from(sanctionProcedures).where(eq(sanctionProcedures.id, p!.id));
    assert.equal(p!.status, 'applied');
    res = await staff.post(`${staffPage}/decision`, { version: String(p!.version), decision: 'abandon', motivation: 'Revirement sans objet.' });
    assert.equal(res.status, 422, 'une procédure close ne se décide pas deux fois');

    // Withdrawal without an answer: decided only once the answer period is over.
    res = await staff.post('/gestion/conformite/sanctions', { labelId: fx.label.id, measure: 'withdrawal', grounds: 'Bilan annuel toujours absent pendant la suspension ; aucune reprise d’activité.' });
    assert.equal(res.status, 303);
    const [w] = await db.select().from(sanctionProcedures).where(eq(sanctionProcedures.measure, 'withdrawal'));
    assert.equal(w!.answerDueOn, '2026-03-25');
    now = new Date('2026-03-25T20:00:00Z');
    await login();
    res = await staff.post(`/gestion/conformite/sanctions/${w!.id}/decision`, { version: String(w!.version), decision: 'apply', motivation: 'Aucune réponse ni régularisation.' });
    assert.equal(res.status, 422, 'le dernier jour du délai, pas de décision sans réponse');
    now = new Date('2026-03-26T09:00:00Z');
    await login();
    res = await org.post(`/organisations/${fx.org.id}/conformite/sanctions/${w!.id}/reponse`, { answer: 'Réponse arrivée trop tard pour être prise en compte.' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Le délai de réponse a expiré le 25\/03\/2026\./);
    res = await staff.post(`/gestion/conformite/sanctions/${w!.id}/decision`, { version: String(w!.version), decision: 'apply', motivation: 'Aucune réponse ni régularisation dans le délai.' });
    assert.equal(res.status, 303);
    [label] = await db.select().from(labels).where(eq(labels.id, fx.label.id));
    assert.equal(label!.status, 'withdrawn');

    const actions = (await db.select().from(auditLog)).map((a) => a.action);
    for (const a of ['sanction.noticed', 'sanction.answered', 'sanction.applied', 'label.suspended', 'label.withdrawn']) assert.ok(actions.includes(a), a);
    const member = t.client();
    await member.loginAs(fx.member.id);
    assert.notEqual((await member.get('/gestion/conformite/sanctions')).status, 200);
  } finally {
    await t.close();
  }
});
