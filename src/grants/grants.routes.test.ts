import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, like } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { sanctionProcedures } from '../compliance/compliance.schema.js';
import { createPendingLabel, createOtherOrganisation } from '../labels/labels.fixtures.js';
import { grantTranches, grantClawbacks } from './grants.schema.js';
import { runGrantsDaily } from './jobs.js';

let now = new Date('2026-03-02T09:00:00Z');
let t: TestApp;
let fx: Awaited<ReturnType<typeof createPendingLabel>>;
let agent: TestClient;
let org: TestClient;
let agentId: string;
before(async () => { t = await createTestApp({ now: () => now }); });
after(async () => { await t.close(); });

const db = () => t.deps.database.db;
const tranches = () => db().select().from(grantTranches).where(eq(grantTranches.labelId, fx.label.id)).orderBy(asc(grantTranches.sessionRank), asc(grantTranches.position));
const mailsLike = (s: string) => db().select().from(mailOutbox).where(like(mailOutbox.subject, s));
const audits = (action: string) => db().select().from(auditLog).where(eq(auditLog.action, action));
async function login() {
  await agent.loginAs(agentId);
  await org.loginAs(fx.admin.id);
}

test('à la contresignature, un label avec subvention reçoit ses tranches (montants au centime, plan de l’appel, deux sessions)', async () => {
  fx = await createPendingLabel(t.deps);
  agentId = (await createUser(t.deps, { staff: ['monitoring'], fullName: 'Agent Suivi' })).id;
  agent = t.client();
  org = t.client();
  await login();
  assert.equal((await org.post(`/organisations/${fx.org.id}/labels/${fx.label.id}/signer`, { jeSigne: 'oui' })).status, 303);
  assert.equal((await agent.post(`/gestion/labels/${fx.label.id}/contresigner`, { contresigne: 'oui' })).status, 303);
  const rows = await tranches();
  assert.deepEqual(rows.map((r) => [r.sessionRank, r.condition, r.amountCents, r.state]), [
    [1, 'start_attestation', 750_000, 'planned'], [1, 'end_report', 750_000, 'planned'],
    [2, 'start_attestation', 750_000, 'planned'], [2, 'end_report', 750_000, 'planned'],
  ]);
  assert.equal(rows.reduce((s, r) => s + r.amountCents, 0), 30000 * 100);
  const [planned] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'grant.planned'), eq(auditLog.objectId, fx.label.id)));
  assert.ok(planned, 'création des tranches auditée');
  // The daily job plans nothing more for a label that has tranches.
  assert.equal((await runGrantsDaily(t.deps)).planned, 0);
});

test('l’attestation de démarrage rend la première tranche à verser ; le travail quotidien est idempotent', async () => {
  await db().insert(trainingSessions).values([
    { labelId: fx.label.id, organisationId: fx.org.id, name: 'Printemps', initialStart: '2026-03-01', plannedStart: '2026-03-01', plannedEnd: '2026-10-31', actualStart: '2026-03-01',
      place: { address: '55 rue de Vincennes', region: 'Île-de-France' }, modality: 'presentiel', places: 14, status: 'started', startAttestedAt: new Date('2026-03-02T08:00:00Z') },
    { labelId: fx.label.id, organisationId: fx.org.id, name: 'Automne', initialStart: '2026-09-15', plannedStart: '2026-09-15', plannedEnd: '2027-04-30',
      place: { address: '55 rue de Vincennes', region: 'Île-de-France' }, modality: 'presentiel', places: 14 },
  ]);
  const first = await runGrantsDaily(t.deps);
  assert.deepEqual([first.payable, first.mails], [1, 1]);
  const again = await runGrantsDaily(t.deps);
  assert.deepEqual([again.payable, again.mails], [0, 0], 'un second passage ne change rien et n’envoie rien');
  const rows = await tranches();
  assert.deepEqual(rows.map((r) => r.state), ['payable', 'planned', 'planned', 'planned']);
  assert.ok(rows[0]!.sessionId);
  const mails = await mailsLike('Subvention d’amorçage : une tranche est à verser%');
  assert.equal(mails.length, 1);
  assert.equal(mails[0]!.to, fx.admin.email);
  assert.match(mails[0]!.text, /\(première session : attestation de démarrage et liste des apprenants transmises\) de 7 500,00 €/);
  assert.equal((await audits('grant.tranche_payable')).length, 1);
});

test('pages réservées au suivi et aux administrateurs : liste filtrée, totaux, export CSV audité', async () => {
  await login();
  let res = await agent.get('/gestion/subventions');
  assert.equal(res.status, 200);
  let html = await res.text();
  assert.match(html, new RegExp(fx.label.number));
  assert.match(html, /<dt>À verser<\/dt><dd>7 500,00 €<\/dd>/);
  assert.match(html, /<dt>Prévu<\/dt><dd>22 500,00 €<\/dd>/);
  assert.match(html, /<option value="Île-de-France"/);
  html = await (await agent.get('/gestion/subventions?etat=payable&region=%C3%8Ele-de-France')).text();
  assert.match(html, /Tranches \(1\)/);
  html = await (await agent.get('/gestion/subventions?etat=paid')).text();
  assert.match(html, /Aucune tranche ne correspond à ces filtres/);

  const instructor = t.client();
  await instructor.loginAs((await createUser(t.deps, { staff: ['instructor'] })).id);
  assert.equal((await instructor.get('/gestion/subventions')).status, 403);
  assert.equal((await instructor.get(`/gestion/subventions/${fx.label.id}`)).status, 403);
  assert.equal((await agent.get('/gestion/subventions/0f8fad5b-d9cb-469f-a165-70867728950e')).status, 404);
  assert.equal((await agent.get('/gestion/subventions/pas-un-uuid')).status, 404);
  assert.match(await (await agent.get(`/gestion/labels/${fx.label.id}`)).text(), new RegExp(`href="/gestion/subventions/${fx.label.id}"`), 'lien depuis la page du label');

  res = await agent.get('/gestion/subventions/export.csv?etat=planned');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
  const csv = await res.text();
  assert.equal(csv.trim().split('\r\n').length, 4, 'en-tête et trois tranches prévues');
  assert.match(csv, /Île-de-France;Bilan de fin de session;Première session : bilan de fin de session transmis;50;7500,00;Prévue/);
  const [exported] = await audits('grant.exported');
  assert.equal((exported!.meta as { rows: number }).rows, 3);
});

test('versement : seulement d’une tranche à verser, daté, référencé, audité et notifié ; valeurs gardées en cas d’erreur', async () => {
  const rows = await tranches();
  const page = `/gestion/subventions/${fx.label.id}`;
  let res = await agent.post(`${page}/decision`, { tranche: rows[1]!.id, decision: 'pay', paidOn: '02/03/2026', reference: 'MANDAT-2026-0001' });
  assert.equal(res.status, 422);
  let html = await res.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /Tranche « prévue » : seule une tranche à verser/);
  assert.match(html, /value="MANDAT-2026-0001"/);
  res = await agent.post(`${page}/decision`, { tranche: rows[0]!.id, decision: 'pay', paidOn: '', reference: '' });
  assert.equal(res.status, 422);
  html = await res.text();
  assert.match(html, /Indiquez la date du versement/);
  res = await agent.post(`${page}/decision`, { tranche: rows[0]!.id, decision: 'pay', paidOn: '02/03/2026', reference: 'MANDAT-2026-0001' });
  assert.equal(res.status, 303);
  const [paid] = await db().select().from(grantTranches).where(eq(grantTranches.id, rows[0]!.id));
  assert.deepEqual([paid!.state, paid!.paidOn, paid!.paymentReference], ['paid', '2026-03-02', 'MANDAT-2026-0001']);
  const [audit] = await audits('grant.tranche_paid');
  assert.equal(audit!.actorId, agentId);
  assert.equal(audit!.objectId, rows[0]!.id);
  const mails = await mailsLike('Subvention d’amorçage : tranche versée%');
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.text, /versée le 02\/03\/2026/);
  assert.match(mails[0]!.text, /Référence du paiement : MANDAT-2026-0001\./);
  // Someone else's tranche id through this label is refused.
  const otherFx = await createPendingLabel(t.deps, { orgName: 'Autre organisme' });
  res = await agent.post(`/gestion/subventions/${otherFx.label.id}/decision`, { tranche: rows[1]!.id, decision: 'withhold', motivation: 'Motivation suffisante.' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Tranche introuvable pour ce label/);
});

test('reprise : au plus ce qui a été versé, motivée, auditée, affichée en ligne négative', async () => {
  const page = `/gestion/subventions/${fx.label.id}`;
  let res = await agent.post(`${page}/reprise`, { montant: '7 500,01', dateReprise: '02/03/2026', motifReprise: 'Session non tenue dans son intégralité.' });
  assert.equal(res.status, 422);
  let html = await res.text();
  assert.match(html, /ne peut pas dépasser ce qui a été versé et non encore repris \(7 500,00 €\)/);
  assert.match(html, /value="7 500,01"/);
  res = await agent.post(`${page}/reprise`, { montant: '1 000', dateReprise: '02/03/2026', motifReprise: 'Trois apprenants déclarés n’ont jamais suivi la formation.' });
  assert.equal(res.status, 303);
  const claws = await db().select().from(grantClawbacks).where(eq(grantClawbacks.labelId, fx.label.id));
  assert.deepEqual(claws.map((c) => c.amountCents), [100_000]);
  assert.equal((await audits('grant.clawback_recorded')).length, 1);
  html = await (await agent.get(page)).text();
  assert.match(html, /-1 000,00 €/);
  assert.match(html, /<dt>Versé net des reprises<\/dt><dd>6 500,00 €<\/dd>/);
  res = await agent.post(`${page}/reprise`, { montant: '6 500,01', dateReprise: '02/03/2026', motifReprise: 'Une seconde reprise trop élevée.' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /\(6 500,00 €\)/);
});

test('l’organisme lit ses tranches dans la page de son label, sans formulaire ; un autre organisme reçoit 404', async () => {
  await login();
  const member = t.client();
  await member.loginAs(fx.member.id);
  const res = await member.get(`/organisations/${fx.org.id}/labels/${fx.label.id}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h2 id="subvention-titre">Subvention d’amorçage<\/h2>/);
  assert.match(html, /Versée le 02\/03\/2026, référence MANDAT-2026-0001/);
  assert.match(html, /Deuxième session : attestation de démarrage et liste des apprenants transmises/);
  assert.match(html, /-1 000,00 €/);
  assert.doesNotMatch(html, /Enregistrer la décision|Enregistrer la reprise/);
  const other = await createOtherOrganisation(t.deps);
  const stranger = t.client();
  await stranger.loginAs(other.admin.id);
  assert.equal((await stranger.get(`/organisations/${other.org.id}/labels/${fx.label.id}`)).status, 404);
  assert.equal((await org.post(`/gestion/subventions/${fx.label.id}/decision`, {})).status, 403, 'l’organisme ne décide pas');
});

test('une sanction « retenue de la subvention » prononcée retient les tranches non versées, avec sa motivation', async () => {
  await login();
  let res = await agent.post('/gestion/conformite/sanctions', { labelId: fx.label.id, measure: 'seed_grant_withheld', grounds: 'Attestation de démarrage inexacte : apprenants déclarés absents dès le premier jour.' });
  assert.equal(res.status, 303);
  const [p] = await db().select().from(sanctionProcedures).where(eq(sanctionProcedures.labelId, fx.label.id));
  now = new Date('2026-03-20T09:00:00Z');
  await login();
  const motivation = 'Aucune réponse dans le délai : la subvention d’amorçage restante est retenue.';
  res = await agent.post(`/gestion/conformite/sanctions/${p!.id}/decision`, { version: String(p!.version), decision: 'apply', motivation });
  assert.equal(res.status, 303);
  const rows = await tranches();
  assert.deepEqual(rows.map((r) => r.state), ['paid', 'withheld', 'withheld', 'withheld'], 'la tranche versée reste versée');
  assert.ok(rows.slice(1).every((r) => r.sanctionId === p!.id && r.motivation === motivation));
  assert.equal((await audits('grant.tranche_withheld')).length, 3);
  const mails = await mailsLike('Subvention d’amorçage : tranches retenues%');
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.text, /Motivation : Aucune réponse dans le délai/);

  // A withheld tranche is released with a motivation; its condition not being met, it is planned again.
  res = await agent.post(`/gestion/subventions/${fx.label.id}/decision`, { tranche: rows[2]!.id, decision: 'release', motivation: '' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Motivez la décision/);
  res = await agent.post(`/gestion/subventions/${fx.label.id}/decision`, { tranche: rows[2]!.id, decision: 'release', motivation: 'Régularisation constatée lors du contrôle.' });
  assert.equal(res.status, 303);
  const [released] = await db().select().from(grantTranches).where(eq(grantTranches.id, rows[2]!.id));
  assert.deepEqual([released!.state, released!.sanctionId], ['planned', null]);
  assert.equal((await audits('grant.tranche_released')).length, 1);
});
