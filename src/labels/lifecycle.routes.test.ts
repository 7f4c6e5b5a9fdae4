import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { labels } from './labels.schema.js';
import { createPendingLabel, setLabelState } from './labels.fixtures.js';
import { runLabelsDaily, LABELS_DAILY_JOB } from './jobs.js';

let now = new Date('2027-03-10T09:00:00Z');
const t = await createTestApp({ now: () => now });
after(() => t.close());
const db = t.deps.database.db;

const labelRow = async (id: string) => (await db.select().from(labels).where(eq(labels.id, id)))[0]!;
const audits = (id: string, action: string) => db.select().from(auditLog).where(and(eq(auditLog.objectType, 'label'), eq(auditLog.objectId, id), eq(auditLog.action, action)));
const mailsTo = (to: string, template: string) => db.select().from(mailOutbox).where(and(eq(mailOutbox.to, to), eq(mailOutbox.template, template)));

async function activeLabel(validFrom = '2026-10-05', validUntil = '2029-10-04') {
  const made = await createPendingLabel(t.deps);
  await setLabelState(t.deps, made.label.id, { status: 'active', validFrom, validUntil, agreementSignedAt: new Date(`${validFrom}T10:00:00Z`) });
  return made;
}

async function staffClient(roles: ('admin' | 'monitoring' | 'instructor' | 'committee')[]) {
  const u = await createUser(t.deps, { staff: roles, fullName: 'Samir Suivi' });
  const c = t.client();
  await c.loginAs(u.id);
  return c;
}

test('suspendre sans motivation est refusé ; motivé, le label est suspendu, audité et l’organisme prévenu', async () => {
  const { label, admin } = await activeLabel();
  const gen = await staffClient(['monitoring']);
  const url = `/gestion/labels/${label.id}/statut`;
  const version = String((await labelRow(label.id)).version);

  const bare = await gen.post(url, { evenement: 'suspend', motivation: '  ', version });
  assert.equal(bare.status, 422);
  const html = await bare.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /Motivez la décision/);
  assert.equal((await labelRow(label.id)).status, 'active');
  assert.equal((await audits(label.id, 'label.suspended')).length, 0);

  const ok = await gen.post(url, { evenement: 'suspend', motivation: 'Bilan annuel non remis.', version });
  assert.equal(ok.status, 303);
  const row = await labelRow(label.id);
  assert.equal(row.status, 'suspended');
  assert.equal(row.statusReason, 'Bilan annuel non remis.');
  const [entry] = await audits(label.id, 'label.suspended');
  assert.deepEqual(entry!.before, { status: 'active' });
  assert.deepEqual(entry!.after, { status: 'suspended', motivation: 'Bilan annuel non remis.' });
  const [mail] = await mailsTo(admin.email, 'labels.suspend');
  assert.match(mail!.text, /Motivation : Bilan annuel non remis\./);

  const stale = await gen.post(url, { evenement: 'reinstate', motivation: 'Bilan reçu.', version });
  assert.equal(stale.status, 422, 'une page périmée ne rejoue pas une décision');
  assert.match(await stale.text(), /a changé entre-temps/);

  const back = await gen.post(url, { evenement: 'reinstate', motivation: 'Bilan reçu.', version: String(row.version) });
  assert.equal(back.status, 303);
  assert.equal((await labelRow(label.id)).status, 'active');
});

test('retrait définitif : plus aucune décision possible ensuite', async () => {
  const { label } = await activeLabel();
  const gen = await staffClient(['admin']);
  const url = `/gestion/labels/${label.id}/statut`;
  const res = await gen.post(url, { evenement: 'withdraw', motivation: 'Audit Qualiopi initial échoué.', version: String((await labelRow(label.id)).version) });
  assert.equal(res.status, 303);
  const row = await labelRow(label.id);
  assert.equal(row.status, 'withdrawn');
  const again = await gen.post(url, { evenement: 'reinstate', motivation: 'Erreur.', version: String(row.version) });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /ne peut pas faire l’objet de cette action/);
  assert.doesNotMatch(await (await gen.get(`/gestion/labels/${label.id}`)).text(), /Changer le statut/);
});

test('rôles : un instructeur ou un membre du comité lit le label mais ne décide pas', async () => {
  const { label } = await activeLabel();
  for (const role of ['instructor', 'committee'] as const) {
    const c = await staffClient([role]);
    const page = await c.get(`/gestion/labels/${label.id}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(await page.text(), /Changer le statut/);
    assert.equal((await c.post(`/gestion/labels/${label.id}/statut`, { evenement: 'suspend', motivation: 'x', version: '1' })).status, 403);
  }
  const gen = await staffClient(['admin']);
  assert.equal((await gen.get('/gestion/labels/00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await gen.get('/gestion/labels/pas-un-uuid')).status, 404);
});

test('résiliation amiable : l’administrateur la demande, la GEN refuse puis accepte, motivée', async () => {
  const { org, admin, member, label } = await activeLabel();
  const base = `/organisations/${org.id}/labels/${label.id}`;
  const m = t.client();
  await m.loginAs(member.id);
  assert.equal((await m.post(`${base}/resiliation`, { reason: 'Fermeture du site.' })).status, 403, 'un membre ne demande pas la résiliation');

  const porteur = t.client();
  await porteur.loginAs(admin.id);
  const empty = await porteur.post(`${base}/resiliation`, { reason: '' });
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Expliquez pourquoi/);
  assert.equal((await porteur.post(`${base}/resiliation`, { reason: 'Fermeture du site de Montreuil.' })).status, 303);
  assert.equal((await labelRow(label.id)).terminationRequestReason, 'Fermeture du site de Montreuil.');
  const twice = await porteur.post(`${base}/resiliation`, { reason: 'Encore.' });
  assert.equal(twice.status, 422);
  assert.match(await twice.text(), /déjà en cours d’examen/);

  const gen = await staffClient(['monitoring']);
  const staffPage = await (await gen.get(`/gestion/labels/${label.id}`)).text();
  assert.match(staffPage, /Fermeture du site de Montreuil/);
  const answer = `/gestion/labels/${label.id}/demande-resiliation`;
  const unmotivated = await gen.post(answer, { reponse: 'refuser', answerMotivation: '', version: String((await labelRow(label.id)).version) });
  assert.equal(unmotivated.status, 422);
  assert.equal((await gen.post(answer, { reponse: 'refuser', answerMotivation: 'Une session est en cours : terminez-la d’abord.', version: String((await labelRow(label.id)).version) })).status, 303);
  let row = await labelRow(label.id);
  assert.equal(row.status, 'active');
  assert.equal(row.terminationRequestedAt, null);
  assert.equal((await mailsTo(admin.email, 'labels.termination_refused')).length, 1);

  assert.equal((await porteur.post(`${base}/resiliation`, { reason: 'La session est terminée.' })).status, 303);
  assert.equal((await gen.post(answer, { reponse: 'accepter', answerMotivation: 'Résiliation amiable acceptée.', version: String((await labelRow(label.id)).version) })).status, 303);
  row = await labelRow(label.id);
  assert.equal(row.status, 'terminated');
  assert.equal(row.statusReason, 'Résiliation amiable acceptée.');
  const [terminated] = await audits(label.id, 'label.terminated');
  assert.deepEqual(terminated!.meta, { atOrganisationRequest: 'La session est terminée.' });
  assert.equal((await mailsTo(admin.email, 'labels.terminate')).length, 1);
  assert.equal((await porteur.post(`${base}/resiliation`, { reason: 'Encore.' })).status, 422, 'un label résilié ne peut plus être résilié');
});

test('expiration quotidienne : les labels échus expirent une seule fois, le job rejoué ne change rien', async () => {
  const ended = await activeLabel('2024-03-10', '2027-03-09');
  const suspended = await activeLabel('2024-03-01', '2027-03-01');
  await setLabelState(t.deps, suspended.label.id, { status: 'suspended' });
  const lastDay = await activeLabel('2024-03-11', '2027-03-10');
  const first = await runLabelsDaily(t.deps);
  assert.ok(first.expired >= 2);
  assert.equal((await labelRow(ended.label.id)).status, 'expired');
  assert.equal((await labelRow(suspended.label.id)).status, 'expired');
  assert.equal((await labelRow(lastDay.label.id)).status, 'active', 'le dernier jour de validité, le label est encore actif');
  const second = await runLabelsDaily(t.deps);
  assert.equal(second.expired, 0);
  assert.equal((await audits(ended.label.id, 'label.expired')).length, 1);
  await t.jobs.send(LABELS_DAILY_JOB, {});
  assert.equal((await audits(ended.label.id, 'label.expired')).length, 1);
});

test('6 mois avant la fin : une invitation à renouveler par courriel, une seule fois, et un bandeau dans l’espace de l’organisme', async () => {
  const soon = await activeLabel('2024-09-01', '2027-08-31');
  const later = await activeLabel('2024-10-01', '2027-09-30');
  await runLabelsDaily(t.deps);
  await runLabelsDaily(t.deps);
  const mails = await mailsTo(soon.admin.email, 'labels.renewal_invitation');
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.text, /prend fin le 31\/08\/2027/);
  assert.match(mails[0]!.text, new RegExp(`/organisations/${soon.org.id}/candidatures/${soon.app.id}/renouveler`));
  assert.equal((await mailsTo(later.admin.email, 'labels.renewal_invitation')).length, 0, 'plus de 6 mois avant la fin : pas encore');
  assert.equal((await audits(soon.label.id, 'label.renewal_invited')).length, 1);

  const porteur = t.client();
  await porteur.loginAs(soon.admin.id);
  const list = await (await porteur.get(`/organisations/${soon.org.id}/labels`)).text();
  assert.match(list, /prend fin le 31\/08\/2027/);
  assert.match(list, /Préparer la candidature de renouvellement/);
  assert.match(list, new RegExp(`href="/organisations/${soon.org.id}/candidatures/${soon.app.id}/renouveler"`));
  const other = t.client();
  await other.loginAs(later.admin.id);
  assert.doesNotMatch(await (await other.get(`/organisations/${later.org.id}/labels`)).text(), /Préparer la candidature de renouvellement/);

  now = new Date('2027-04-02T09:00:00Z');
  await runLabelsDaily(t.deps);
  assert.equal((await mailsTo(later.admin.email, 'labels.renewal_invitation')).length, 1);
  assert.equal((await mailsTo(soon.admin.email, 'labels.renewal_invitation')).length, 1);
});
