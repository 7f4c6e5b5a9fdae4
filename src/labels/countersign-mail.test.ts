import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { users } from '../platform/auth/auth.schema.js';
import { labelSignatures } from './labels.schema.js';
import { createPendingLabel } from './labels.fixtures.js';
import { renderConvention, storeConvention } from './agreement.documents.js';
import { signAsOrganisation } from './commands/sign-agreement.js';

// 10:00 UTC on 05/10/2026 is 12:00 in Paris.
const NOW = new Date('2026-10-05T10:00:00Z');
const t = await createTestApp({ now: () => NOW });
after(() => t.close());
const db = t.deps.database.db;

const countersignMails = (labelNumber: string) => db.select().from(mailOutbox)
  .where(and(eq(mailOutbox.template, 'labels.to_countersign'), eq(mailOutbox.subject, `Convention à contresigner : Développeur web et web mobile (${labelNumber})`)));

// The staff of this test database: who countersigns (admin, monitoring) is told; the others are not.
const samir = await createUser(t.deps, { staff: ['monitoring'], fullName: 'Samir Suivi', email: 'samir.suivi@gen.exemple.fr' });
const alex = await createUser(t.deps, { staff: ['admin', 'instructor'], fullName: 'Alex Admin', email: 'alex.admin@gen.exemple.fr' });
const ines = await createUser(t.deps, { staff: ['instructor'], email: 'ines.instruction@gen.exemple.fr' });
const carla = await createUser(t.deps, { staff: ['committee'], email: 'carla.comite@gen.exemple.fr' });
const gone = await createUser(t.deps, { staff: ['admin'], email: 'parti.admin@gen.exemple.fr' });
await db.update(users).set({ disabledAt: new Date('2026-01-01T00:00:00Z') }).where(eq(users.id, gone.id));

test('l’organisme signe : chaque personne de la GEN qui contresigne reçoit un courriel avec le lien vers la page du label, audité dans la même transaction', async () => {
  const { org, admin, label } = await createPendingLabel(t.deps);
  const porteur = t.client();
  await porteur.loginAs(admin.id);
  const res = await porteur.post(`/organisations/${org.id}/labels/${label.id}/signer`, { jeSigne: 'oui' });
  assert.equal(res.status, 303);

  const mails = await countersignMails(label.number);
  const to = mails.map((m) => m.to).sort();
  assert.ok(to.includes(samir.email), 'le suivi-évaluation contresigne : il est prévenu');
  assert.ok(to.includes(alex.email), 'un administrateur contresigne : il est prévenu');
  for (const other of [ines.email, carla.email, gone.email, admin.email]) assert.ok(!to.includes(other), `${other} ne doit pas recevoir ce courriel`);
  assert.equal(new Set(to).size, to.length, 'un seul courriel par personne, même avec deux rôles');

  const mail = mails.find((m) => m.to === samir.email)!;
  assert.equal(mail.status, 'stored');
  assert.match(mail.text, new RegExp(`${admin.fullName}, pour ${org.name}, a signé le 05/10/2026 à 12:00:00 la convention de labellisation de la formation « Développeur web et web mobile » \\(label ${label.number}\\)`));
  assert.match(mail.text, /Le label ne devient actif qu’avec la contresignature de la Grande École du Numérique/);
  assert.ok(mail.text.includes(`Contresigner la convention : ${t.deps.config.baseUrl}/gestion/labels/${label.id}`), mail.text);
  assert.match(mail.html, new RegExp(`href="${t.deps.config.baseUrl}/gestion/labels/${label.id}"`));

  const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.objectId, label.id), eq(auditLog.action, 'label.agreement_signed')));
  assert.deepEqual([...(audit!.after as { countersignersNotified: string[] }).countersignersNotified].sort(), to);

  // The staff member told by mail opens the link: the label's staff page offers the countersignature.
  const gen = t.client();
  await gen.loginAs(samir.id);
  const page = await gen.get(`/gestion/labels/${label.id}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Contresigner la convention/);

  // A second signature is refused and tells nobody again.
  const twice = await porteur.post(`/organisations/${org.id}/labels/${label.id}/signer`, { jeSigne: 'oui' });
  assert.equal(twice.status, 422);
  assert.equal((await countersignMails(label.number)).length, to.length);
});

test('si la transaction de la signature échoue, aucun courriel ne part et la signature n’est pas enregistrée', async () => {
  const { org, admin, label } = await createPendingLabel(t.deps);
  const bytes = await renderConvention(db, label.id, { organisation: { signerName: admin.fullName, signerEmail: admin.email, signedAt: NOW } });
  const document = await storeConvention(t.deps, label.id, bytes!, 'convention-test.pdf');
  const actor = { id: admin.id, name: admin.fullName, email: admin.email, label: admin.fullName, ip: null };
  let enqueued: string[] = [];
  await assert.rejects(db.transaction(async (tx) => {
    const res = await signAsOrganisation(tx, actor, { labelId: label.id, organisationId: org.id, document }, NOW, { baseUrl: 'https://gen.exemple.fr', smtp: false });
    assert.ok(res.ok);
    enqueued = res.mailIds;
    throw new Error('panne après la signature');
  }), /panne après la signature/);
  assert.ok(enqueued.length >= 2, 'les courriels étaient préparés dans la transaction');
  assert.equal((await db.select().from(mailOutbox).where(inArray(mailOutbox.id, enqueued))).length, 0, 'annulés avec elle');
  assert.equal((await db.select().from(labelSignatures).where(eq(labelSignatures.labelId, label.id))).length, 0);
  assert.equal((await countersignMails(label.number)).length, 0);
});
