import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp } from '../platform/testing/harness.js';
import { staffRoles } from '../platform/auth/auth.schema.js';
import { listAudit } from '../platform/audit/audit.store.js';
import { countSessions } from '../platform/auth/session.store.js';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

async function adminClient() {
  const admin = await createUser(t.deps, { staff: ['admin'], fullName: 'Alice Admin' });
  const client = t.client();
  await client.loginAs(admin.id);
  return { admin, client };
}
const rolesOf = async (userId: string) =>
  (await t.deps.database.db.select().from(staffRoles).where(eq(staffRoles.userId, userId))).map((r) => r.role).sort();

test('la liste des comptes se filtre par adresse ou par nom et montre rôles et double authentification', async () => {
  const { client } = await adminClient();
  await createUser(t.deps, { email: 'zoe.recherche@exemple.fr', fullName: 'Zoé Recherche', staff: ['monitoring'] });
  const html = await (await client.get('/gestion/utilisateurs?q=recherche')).text();
  assert.match(html, /zoe\.recherche@exemple\.fr/);
  assert.match(html, /Suivi-évaluation/);
  assert.match(html, /Activée/);
  assert.match(html, /<caption>Comptes correspondant à « recherche » : 1<\/caption>/);
  assert.match(html, /<th scope="col">Adresse électronique<\/th>/);
  const none = await (await client.get('/gestion/utilisateurs?q=personne-inexistante')).text();
  assert.match(none, /Aucun compte ne correspond/);
});

test('attribuer un rôle sans motivation est refusé (422, résumé des erreurs, cases gardées)', async () => {
  const { client } = await adminClient();
  const u = await createUser(t.deps);
  const res = await client.post(`/gestion/utilisateurs/${u.id}/roles`, { roles: 'instructor', motivation: '  ' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /id="resume-erreurs"/);
  assert.match(html, /href="#motivation">Renseignez la motivation du changement de rôles\./);
  assert.match(html, /id="role-instructor" name="roles" value="instructor" checked/);
  assert.deepEqual(await rolesOf(u.id), []);
});

test('attribuer puis retirer des rôles avec motivation est inscrit au journal avec avant/après', async () => {
  const { admin, client } = await adminClient();
  const u = await createUser(t.deps);
  let res = await client.post(`/gestion/utilisateurs/${u.id}/roles`, { roles: ['instructor', 'committee'], motivation: 'Arrivée dans l’équipe' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/gestion/utilisateurs/${u.id}`);
  assert.deepEqual(await rolesOf(u.id), ['committee', 'instructor']);
  res = await client.post(`/gestion/utilisateurs/${u.id}/roles`, { roles: 'committee', motivation: 'Fin de mission d’instruction' });
  assert.equal(res.status, 303);
  assert.deepEqual(await rolesOf(u.id), ['committee']);

  const { rows } = await listAudit(t.deps.database.db, { objectId: u.id }, 1);
  assert.deepEqual(rows.map((r) => r.action), ['staff.role_revoked', 'staff.role_granted', 'staff.role_granted']);
  assert.deepEqual(rows[0]!.before, { roles: ['instructor', 'committee'] });
  assert.deepEqual(rows[0]!.after, { roles: ['committee'] });
  assert.equal(rows[0]!.actorId, admin.id);
  assert.equal((rows[0]!.meta as { motivation: string }).motivation, 'Fin de mission d’instruction');

  const page = await (await client.get(`/gestion/utilisateurs/${u.id}`)).text();
  assert.match(page, /Les rôles ont été mis à jour/);
  assert.match(page, /staff\.role_revoked/);
});

test('un rôle inconnu ou l’absence de changement est refusé', async () => {
  const { client } = await adminClient();
  const u = await createUser(t.deps, { staff: ['monitoring'] });
  let res = await client.post(`/gestion/utilisateurs/${u.id}/roles`, { roles: 'superadmin', motivation: 'Essai' });
  assert.equal(res.status, 422);
  res = await client.post(`/gestion/utilisateurs/${u.id}/roles`, { roles: 'monitoring', motivation: 'Essai' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /au moins un rôle/);
});

test('le dernier administrateur actif ne peut pas retirer son propre rôle d’administrateur', async () => {
  const fresh = await createTestApp();
  try {
    const admin = await createUser(fresh.deps, { staff: ['admin'] });
    const client = fresh.client();
    await client.loginAs(admin.id);
    const res = await client.post(`/gestion/utilisateurs/${admin.id}/roles`, { roles: 'instructor', motivation: 'Je quitte l’administration' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Vous êtes le dernier administrateur actif/);
    const second = await createUser(fresh.deps, { staff: ['admin'] });
    const ok = await client.post(`/gestion/utilisateurs/${admin.id}/roles`, { roles: 'instructor', motivation: 'Relève assurée' });
    assert.equal(ok.status, 303);
    // The remaining admin is now the last one: disabled admins do not count.
    const other = fresh.client();
    await other.loginAs(second.id);
    const refused = await other.post(`/gestion/utilisateurs/${second.id}/roles`, { motivation: 'Essai' });
    assert.equal(refused.status, 422);
  } finally {
    await fresh.close();
  }
});

test('désactiver un compte ferme ses sessions et est journalisé ; la motivation est obligatoire', async () => {
  const { client } = await adminClient();
  const u = await createUser(t.deps);
  const victim = t.client();
  await victim.loginAs(u.id);
  assert.equal(await countSessions(t.deps.database.db, u.id), 1);

  const missing = await client.post(`/gestion/utilisateurs/${u.id}/statut`, { action: 'disable', motivationStatut: '' });
  assert.equal(missing.status, 422);
  assert.match(await missing.text(), /href="#motivationStatut"/);

  const res = await client.post(`/gestion/utilisateurs/${u.id}/statut`, { action: 'disable', motivationStatut: 'Compte compromis' });
  assert.equal(res.status, 303);
  assert.equal(await countSessions(t.deps.database.db, u.id), 0);
  const { rows } = await listAudit(t.deps.database.db, { objectId: u.id, action: 'user.' }, 1);
  assert.equal(rows[0]!.action, 'user.disabled');
  assert.match(await (await client.get(`/gestion/utilisateurs/${u.id}`)).text(), /Désactivé le/);

  const back = await client.post(`/gestion/utilisateurs/${u.id}/statut`, { action: 'enable', motivationStatut: 'Mot de passe changé' });
  assert.equal(back.status, 303);
  assert.match(await (await client.get(`/gestion/utilisateurs/${u.id}`)).text(), /<td>Actif<\/td>/);
});

test('un administrateur ne peut pas désactiver son propre compte', async () => {
  const { admin, client } = await adminClient();
  const res = await client.post(`/gestion/utilisateurs/${admin.id}/statut`, { action: 'disable', motivationStatut: 'Essai' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /votre propre compte/);
});
