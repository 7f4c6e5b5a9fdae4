import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, createUser, createOrganisation, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { memberships, invitations } from './organisations.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { sha256 } from '../platform/auth/tokens.js';

let t: TestApp;
let clock = new Date('2026-03-02T09:00:00Z');
before(async () => { t = await createTestApp({ now: () => clock }); });
after(async () => { await t.close(); });

const db = () => t.deps.database.db;

async function as(userId: string): Promise<TestClient> {
  const client = t.client();
  await client.loginAs(userId);
  return client;
}

/** The invitation link of the last mail sent to `to`. */
async function lastInvitationLink(to: string): Promise<string> {
  const [m] = await db().select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  assert.ok(m, `aucun courriel pour ${to}`);
  assert.equal(m.template, 'organisation.invitation');
  const match = /http:\/\/localhost:\d+(\/invitations\/[A-Za-z0-9_-]+)/.exec(m.text);
  assert.ok(match, 'le courriel contient le lien');
  return match[1]!;
}

async function roleOf(orgId: string, userId: string) {
  const [m] = await db().select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

async function audited(action: string, orgId: string) {
  return db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, orgId)));
}

test('inviter, recevoir le courriel, accepter avec le compte invité : la personne devient membre', async () => {
  const admin = await createUser(t.deps, { fullName: 'Ada Admin' });
  const org = await createOrganisation(t.deps, { admins: [admin.id], name: 'Les Bâtisseurs' });
  const adminClient = await as(admin.id);
  assert.equal((await adminClient.get(`/organisations/${org.id}/inviter`)).status, 200);
  const res = await adminClient.post(`/organisations/${org.id}/inviter`, { email: 'Bruno.Invite@Exemple.fr', role: 'member' });
  assert.equal(res.status, 303);
  const link = await lastInvitationLink('bruno.invite@exemple.fr');
  const [inv] = await db().select().from(invitations).where(eq(invitations.organisationId, org.id));
  assert.equal(inv?.tokenHash, sha256(link.split('/').pop()!));
  assert.equal(inv?.expiresAt.toISOString(), '2026-03-16T09:00:00.000Z');
  assert.match(await (await adminClient.get(`/organisations/${org.id}`)).text(), /bruno\.invite@exemple\.fr/);

  const anonymous = await (await t.client().get(link)).text();
  assert.match(anonymous, /href="\/connexion\?retour=%2Finvitations%2F/);
  assert.match(anonymous, /href="\/inscription/);

  const bruno = await createUser(t.deps, { email: 'BRUNO.invite@exemple.fr' });
  const brunoClient = await as(bruno.id);
  const page = await brunoClient.get(link);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Accepter l’invitation/);
  const accept = await brunoClient.post(link);
  assert.equal(accept.status, 303);
  assert.equal(accept.headers.get('location'), `/organisations/${org.id}`);
  assert.equal(await roleOf(org.id, bruno.id), 'member');
  assert.equal((await audited('member.invited', org.id)).length, 1);
  const [joined] = await audited('member.joined', org.id);
  assert.equal(joined?.actorId, bruno.id);
  const used = await t.client().get(link);
  assert.equal(used.status, 410);
  assert.match(await used.text(), /déjà été utilisée/);
});

test('un autre compte ne peut pas accepter l’invitation', async () => {
  const admin = await createUser(t.deps);
  const org = await createOrganisation(t.deps, { admins: [admin.id] });
  await (await as(admin.id)).post(`/organisations/${org.id}/inviter`, { email: 'cible@exemple.fr', role: 'admin' });
  const link = await lastInvitationLink('cible@exemple.fr');
  const intruder = await createUser(t.deps, { email: 'intrus@exemple.fr' });
  const client = await as(intruder.id);
  assert.match(await (await client.get(link)).text(), /envoyée à une autre adresse/);
  const res = await client.post(link);
  assert.equal(res.status, 422);
  assert.equal(await roleOf(org.id, intruder.id), null);
});

test('inviter à nouveau la même adresse remplace le lien ; inviter un membre est refusé ; une adresse invalide aussi', async () => {
  const admin = await createUser(t.deps, { email: 'chef@exemple.fr' });
  const org = await createOrganisation(t.deps, { admins: [admin.id] });
  const client = await as(admin.id);
  await client.post(`/organisations/${org.id}/inviter`, { email: 'double@exemple.fr', role: 'member' });
  const first = await lastInvitationLink('double@exemple.fr');
  clock = new Date(clock.getTime() + 1000);
  await client.post(`/organisations/${org.id}/inviter`, { email: 'DOUBLE@exemple.fr', role: 'admin' });
  const second = await lastInvitationLink('double@exemple.fr');
  assert.notEqual(first, second);
  const rows = await db().select().from(invitations).where(eq(invitations.organisationId, org.id));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.role, 'admin');
  assert.equal((await t.client().get(first)).status, 404);
  const member = await client.post(`/organisations/${org.id}/inviter`, { email: 'Chef@exemple.fr', role: 'member' });
  assert.equal(member.status, 422);
  const html = await member.text();
  assert.match(html, /déjà membre de l’organisme/);
  assert.match(html, /href="#email"/);
  assert.match(html, /value="Chef@exemple.fr"/);
  const bad = await client.post(`/organisations/${org.id}/inviter`, { email: 'pas-une-adresse' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /href="#role"/);
});

test('une invitation annulée ou expirée ne peut plus être acceptée', async () => {
  const admin = await createUser(t.deps);
  const org = await createOrganisation(t.deps, { admins: [admin.id] });
  const client = await as(admin.id);
  await client.post(`/organisations/${org.id}/inviter`, { email: 'annulee@exemple.fr', role: 'member' });
  const revokedLink = await lastInvitationLink('annulee@exemple.fr');
  const [inv] = await db().select().from(invitations).where(eq(invitations.organisationId, org.id));
  assert.equal((await client.post(`/organisations/${org.id}/invitations/${inv!.id}/annuler`)).status, 303);
  assert.equal((await audited('invitation.revoked', org.id)).length, 1);
  const invitee = await createUser(t.deps, { email: 'annulee@exemple.fr' });
  const inviteeClient = await as(invitee.id);
  assert.match(await (await inviteeClient.get(revokedLink)).text(), /a été annulée/);
  assert.equal((await inviteeClient.post(revokedLink)).status, 422);

  await client.post(`/organisations/${org.id}/inviter`, { email: 'tardive@exemple.fr', role: 'member' });
  const lateLink = await lastInvitationLink('tardive@exemple.fr');
  const saved = clock;
  clock = new Date(clock.getTime() + 15 * 24 * 3600_000);
  const late = await createUser(t.deps, { email: 'tardive@exemple.fr' });
  const lateClient = await as(late.id);
  assert.match(await (await lateClient.get(lateLink)).text(), /a expiré/);
  assert.equal((await lateClient.post(lateLink)).status, 422);
  clock = saved;
  assert.equal(await roleOf(org.id, late.id), null);
});

test('un simple membre reçoit 403 sur les actions d’administration, un autre organisme 404', async () => {
  const admin = await createUser(t.deps);
  const member = await createUser(t.deps);
  const other = await createUser(t.deps);
  const org = await createOrganisation(t.deps, { admins: [admin.id], members: [member.id] });
  await createOrganisation(t.deps, { admins: [other.id] });
  const m = await as(member.id);
  const o = await as(other.id);
  const posts = [['inviter', { email: 'x@exemple.fr', role: 'member' }], [`membres/${admin.id}/role`, { role: 'member' }], [`membres/${admin.id}/retirer`, {}]] as const;
  for (const [p, body] of posts) {
    assert.equal((await m.post(`/organisations/${org.id}/${p}`, body)).status, 403, p);
    assert.equal((await o.post(`/organisations/${org.id}/${p}`, body)).status, 404, p);
  }
  assert.equal((await m.get(`/organisations/${org.id}/inviter`)).status, 403);
  assert.equal(await roleOf(org.id, admin.id), 'admin');
});

test('le dernier administrateur ne peut être ni rétrogradé, ni retiré, ni partir ; avec un second, tout devient possible', async () => {
  const admin = await createUser(t.deps);
  const colleague = await createUser(t.deps);
  const org = await createOrganisation(t.deps, { admins: [admin.id], members: [colleague.id] });
  const client = await as(admin.id);
  const demote = await client.post(`/organisations/${org.id}/membres/${admin.id}/role`, { role: 'member' });
  assert.equal(demote.status, 422);
  const html = await demote.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /toujours avoir au moins un administrateur/);
  assert.equal((await client.post(`/organisations/${org.id}/membres/${admin.id}/retirer`)).status, 422);
  const leave = await client.post(`/organisations/${org.id}/quitter`);
  assert.equal(leave.status, 422);
  assert.match(await leave.text(), /seul administrateur/);
  assert.equal(await roleOf(org.id, admin.id), 'admin');

  assert.equal((await client.post(`/organisations/${org.id}/membres/${colleague.id}/role`, { role: 'admin' })).status, 303);
  const [changed] = await audited('member.role_changed', org.id);
  assert.deepEqual([changed?.before, changed?.after], [{ userId: colleague.id, role: 'member' }, { userId: colleague.id, role: 'admin' }]);
  assert.equal((await client.post(`/organisations/${org.id}/membres/${admin.id}/role`, { role: 'member' })).status, 303);
  assert.equal(await roleOf(org.id, admin.id), 'member');
  assert.equal((await client.post(`/organisations/${org.id}/quitter`)).status, 303);
  assert.equal(await roleOf(org.id, admin.id), null);
  assert.equal((await audited('member.left', org.id)).length, 1);
  assert.equal((await client.get(`/organisations/${org.id}`)).status, 404);
});

test('un administrateur retire un membre ; le membre n’a plus accès', async () => {
  const admin = await createUser(t.deps);
  const member = await createUser(t.deps);
  const org = await createOrganisation(t.deps, { admins: [admin.id], members: [member.id] });
  const page = await (await as(admin.id)).get(`/organisations/${org.id}`);
  assert.match(await page.text(), new RegExp(`/membres/${member.id}/retirer`));
  const res = await (await as(admin.id)).post(`/organisations/${org.id}/membres/${member.id}/retirer`);
  assert.equal(res.status, 303);
  assert.equal(await roleOf(org.id, member.id), null);
  const [removed] = await audited('member.removed', org.id);
  assert.deepEqual(removed?.before, { userId: member.id, role: 'member' });
  assert.equal(removed?.actorId, admin.id);
  assert.equal((await (await as(member.id)).get(`/organisations/${org.id}`)).status, 404);
});

test('un lien d’invitation inconnu ou mal formé répond 404 en français', async () => {
  const res = await t.client().get('/invitations/inconnu-inconnu-inconnu-inconnu');
  assert.equal(res.status, 404);
  assert.match(await res.text(), /introuvable/);
  assert.equal((await t.client().get('/invitations/%3Cx%3E')).status, 404);
});
