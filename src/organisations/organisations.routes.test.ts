import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser, createOrganisation, fakeSiret, type TestApp } from '../platform/testing/harness.js';
import { organisations, memberships } from './organisations.schema.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { sessions } from '../platform/auth/auth.schema.js';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

let n = 500;
const form = (over: Record<string, string> = {}) => ({
  name: 'Code Pour Tous', siret: fakeSiret(++n).replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4'), nda: '11 75 54580 75',
  qualiopiStatus: 'certified', qualiopiValidUntil: '2030-06-30', qualiopiAuditDate: '',
  addressLine: '3 rue de la Paix', postcode: '75002', city: 'Paris',
  contactName: 'Léa Lambert', contactEmail: 'Lea@Exemple.fr', contactPhone: '01 22 33 44 55', ...over,
});

async function signedIn() {
  const user = await createUser(t.deps);
  const client = t.client();
  await client.loginAs(user.id);
  return { user, client };
}

test('une personne non connectée est renvoyée vers la connexion', async () => {
  const res = await t.client().get('/organisations/nouvelle');
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /^\/connexion\?retour=/);
});

test('créer un organisme : le créateur en devient administrateur, l’organisme devient l’actuel, un audit est écrit', async () => {
  const { user, client } = await signedIn();
  assert.equal((await client.get('/organisations/nouvelle')).status, 200);
  const res = await client.post('/organisations/nouvelle', form({ name: 'Atelier Numérique' }));
  assert.equal(res.status, 303);
  const orgId = (res.headers.get('location') ?? '').split('/').pop()!;
  const [org] = await t.deps.database.db.select().from(organisations).where(eq(organisations.id, orgId));
  assert.equal(org?.name, 'Atelier Numérique');
  assert.match(org?.siret ?? '', /^\d{14}$/);
  assert.equal(org?.nda, '11755458075');
  assert.equal(org?.contactEmail, 'lea@exemple.fr');
  assert.equal(org?.contactPhone, '0122334455');
  const [m] = await t.deps.database.db.select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, user.id)));
  assert.equal(m?.role, 'admin');
  const [audit] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'organisation.created'), eq(auditLog.objectId, orgId)));
  assert.equal(audit?.actorId, user.id);
  assert.equal((audit?.after as { name: string }).name, 'Atelier Numérique');
  const page = await client.get(`/organisations/${orgId}`);
  const html = await page.text();
  assert.equal(page.status, 200);
  assert.match(html, /L’organisme a été créé/);
  assert.match(html, /Organisme actuel/);
  assert.equal((html.match(/<h1/g) ?? []).length, 1);
});

test('SIRET à la clé fausse, 13 chiffres, NDA faux et date Qualiopi manquante : 422, résumé d’erreurs, valeurs gardées', async () => {
  const { client } = await signedIn();
  const res = await client.post('/organisations/nouvelle', form({ siret: '732 829 320 00075', nda: '1175', qualiopiValidUntil: '', name: 'Mon <Organisme>' }));
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /href="#siret"/);
  assert.match(html, /href="#nda"/);
  assert.match(html, /href="#qualiopiValidUntil"/);
  assert.match(html, /clé de contrôle/);
  assert.match(html, /value="732 829 320 00075"/);
  assert.match(html, /value="Mon &lt;Organisme&gt;"/);
  assert.match(html, /aria-invalid="true"/);
  const short = await client.post('/organisations/nouvelle', form({ siret: '7328293200007' }));
  assert.equal(short.status, 422);
  assert.match(await short.text(), /vous en avez saisi 13/);
});

test('un SIRET de La Poste (somme des chiffres multiple de 5) est accepté', async () => {
  const { client } = await signedIn();
  const res = await client.post('/organisations/nouvelle', form({ siret: '356 000 000 49837', name: 'La Poste Formation' }));
  assert.equal(res.status, 303);
});

test('audit programmé sans date, ou aucun statut choisi : l’erreur pointe le bon champ', async () => {
  const { client } = await signedIn();
  const audit = await client.post('/organisations/nouvelle', form({ qualiopiStatus: 'audit_scheduled', qualiopiValidUntil: '' }));
  assert.equal(audit.status, 422);
  assert.match(await audit.text(), /href="#qualiopiAuditDate"/);
  const none = await client.post('/organisations/nouvelle', form({ qualiopiStatus: '' }));
  assert.match(await none.text(), /href="#qualiopiStatus"/);
});

test('un SIRET déjà inscrit est refusé avec un message qui oriente vers l’administrateur', async () => {
  const owner = await createUser(t.deps);
  const existing = await createOrganisation(t.deps, { admins: [owner.id] });
  const { client } = await signedIn();
  const res = await client.post('/organisations/nouvelle', form({ siret: existing.siret }));
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /Un organisme avec ce SIRET existe déjà sur la plateforme ; demandez à son administrateur de vous inviter\./);
  assert.match(html, /href="#siret"/);
});

test('un certificat Qualiopi expiré est accepté avec un avertissement', async () => {
  const { client } = await signedIn();
  const res = await client.post('/organisations/nouvelle', form({ qualiopiValidUntil: '01/01/2020' }));
  assert.equal(res.status, 303);
  const page = await client.get(res.headers.get('location')!);
  assert.match(await page.text(), /expiré depuis le 01\/01\/2020/);
});

test('un membre de l’organisme B reçoit 404 sur les pages de l’organisme A ; un id mal formé donne 404', async () => {
  const a = await createUser(t.deps);
  const b = await createUser(t.deps);
  const orgA = await createOrganisation(t.deps, { admins: [a.id] });
  await createOrganisation(t.deps, { admins: [b.id] });
  const client = t.client();
  await client.loginAs(b.id);
  for (const p of ['', '/modifier', '/inviter']) assert.equal((await client.get(`/organisations/${orgA.id}${p}`)).status, 404, p);
  assert.equal((await client.post(`/organisations/${orgA.id}/modifier`, form())).status, 404);
  assert.equal((await client.post(`/organisations/${orgA.id}/choisir`)).status, 404);
  assert.equal((await client.get('/organisations/pas-un-uuid')).status, 404);
});

test('un simple membre voit l’organisme mais reçoit 403 sur la modification et ne voit pas les boutons d’administration', async () => {
  const admin = await createUser(t.deps);
  const member = await createUser(t.deps);
  const org = await createOrganisation(t.deps, { admins: [admin.id], members: [member.id] });
  const client = t.client();
  await client.loginAs(member.id);
  const page = await client.get(`/organisations/${org.id}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.doesNotMatch(html, /Modifier les informations/);
  assert.doesNotMatch(html, /Inviter une personne/);
  assert.match(html, /Quitter l’organisme/);
  assert.equal((await client.get(`/organisations/${org.id}/modifier`)).status, 403);
  assert.equal((await client.post(`/organisations/${org.id}/modifier`, form())).status, 403);
});

test('l’administrateur modifie l’organisme (le SIRET ne change pas) ; l’audit garde l’avant et l’après', async () => {
  const admin = await createUser(t.deps);
  const org = await createOrganisation(t.deps, { admins: [admin.id], name: 'Ancien nom' });
  const client = t.client();
  await client.loginAs(admin.id);
  const edit = await client.get(`/organisations/${org.id}/modifier`);
  assert.match(await edit.text(), /value="Ancien nom"/);
  const bad = await client.post(`/organisations/${org.id}/modifier`, form({ postcode: '750', siret: '' }));
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /href="#postcode"/);
  const res = await client.post(`/organisations/${org.id}/modifier`, form({ name: 'Nouveau nom', siret: '73282932000074', qualiopiStatus: 'none' }));
  assert.equal(res.status, 303);
  const [row] = await t.deps.database.db.select().from(organisations).where(eq(organisations.id, org.id));
  assert.equal(row?.name, 'Nouveau nom');
  assert.equal(row?.siret, org.siret);
  assert.equal(row?.qualiopiValidUntil, null);
  const [audit] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'organisation.updated'), eq(auditLog.objectId, org.id)));
  assert.equal((audit?.before as { name: string }).name, 'Ancien nom');
  assert.equal((audit?.after as { name: string }).name, 'Nouveau nom');
});

test('une personne membre de deux organismes choisit celui pour lequel elle agit', async () => {
  const user = await createUser(t.deps);
  const one = await createOrganisation(t.deps, { admins: [user.id], name: 'Alpha Formation' });
  const two = await createOrganisation(t.deps, { members: [user.id], name: 'Zêta Formation' });
  const client = t.client();
  await client.loginAs(user.id);
  const list = await (await client.get('/organisations')).text();
  assert.match(list, /Alpha Formation/);
  assert.match(list, /Zêta Formation/);
  assert.match(list, new RegExp(`action="/organisations/${two.id}/choisir"`));
  const res = await client.post(`/organisations/${two.id}/choisir`);
  assert.equal(res.status, 303);
  const [s] = await t.deps.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
  assert.equal(s?.currentOrgId, two.id);
  const after = await (await client.get('/organisations')).text();
  assert.match(after, /Vous agissez désormais pour l’organisme « Zêta Formation »/);
  assert.match(after, new RegExp(`action="/organisations/${one.id}/choisir"`));
});
