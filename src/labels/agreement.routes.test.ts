import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { pdfText } from '../platform/pdf/pdf-text.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { SAMPLES } from '../platform/files/files.fixtures.js';
import { renderPdf } from '../platform/pdf/pdf.js';
import { labels, labelSignatures } from './labels.schema.js';
import { createOtherOrganisation, createPendingLabel } from './labels.fixtures.js';
import { validity } from './label.js';

// 10:00 UTC on 05/10/2026 is 12:00 in Paris: the signature day is 2026-10-05.
const NOW = new Date('2026-10-05T10:00:00Z');
const t = await createTestApp({ now: () => NOW });
after(() => t.close());
const db = t.deps.database.db;

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const labelRow = async (id: string) => (await db.select().from(labels).where(eq(labels.id, id)))[0]!;
const sigs = (id: string) => db.select().from(labelSignatures).where(eq(labelSignatures.labelId, id));
const actions = async (id: string) => (await db.select().from(auditLog).where(and(eq(auditLog.objectType, 'label'), eq(auditLog.objectId, id)))).map((a) => a.action);

test('signature électronique par l’administrateur puis contresignature : le label devient actif pour 3 ans', async () => {
  const { org, admin, label } = await createPendingLabel(t.deps);
  const base = `/organisations/${org.id}/labels/${label.id}`;
  const porteur = t.client();
  await porteur.loginAs(admin.id);

  const list = await (await porteur.get(`/organisations/${org.id}/labels`)).text();
  assert.match(list, new RegExp(label.number));
  assert.match(list, /À signer/);
  const page = await (await porteur.get(base)).text();
  assert.match(page, /Je signe la convention de labellisation/);

  const unticked = await porteur.post(`${base}/signer`, {});
  assert.equal(unticked.status, 422);
  assert.match(await unticked.text(), /Cochez « Je signe »/);
  assert.equal((await sigs(label.id)).length, 0);

  const signed = await porteur.post(`${base}/signer`, { jeSigne: 'oui' });
  assert.equal(signed.status, 303);
  const [orgSig] = await sigs(label.id);
  assert.equal(orgSig!.kind, 'organisation');
  assert.equal(orgSig!.signerId, admin.id);
  assert.equal(orgSig!.signerEmail, admin.email);
  assert.equal(orgSig!.signedAt.toISOString(), NOW.toISOString());
  const pdf = await porteur.get(`${base}/convention.pdf`);
  const bytes = new Uint8Array(await pdf.arrayBuffer());
  assert.equal(sha(bytes), orgSig!.sha256, 'l’empreinte enregistrée est celle des octets exacts du PDF signé');
  assert.equal(orgSig!.size, bytes.length);
  const text = (await pdfText(bytes)).text.replace(/\s+/g, ' ');
  assert.ok(text.includes(`Signé électroniquement par ${admin.fullName} (${admin.email})`));
  assert.ok(text.includes('le 05/10/2026 à 12:00:00'));
  assert.equal((await labelRow(label.id)).status, 'pending_agreement', 'le label attend la contresignature');

  const twice = await porteur.post(`${base}/signer`, { jeSigne: 'oui' });
  assert.equal(twice.status, 422);
  assert.match(await twice.text(), /déjà été signée/);
  assert.equal((await sigs(label.id)).length, 1);

  const instructor = await createUser(t.deps, { staff: ['instructor'] });
  const staffReader = t.client();
  await staffReader.loginAs(instructor.id);
  assert.equal((await staffReader.post(`/gestion/labels/${label.id}/contresigner`, { contresigne: 'oui' })).status, 403, 'un instructeur ne contresigne pas');
  const staffPage = await (await staffReader.get(`/gestion/labels/${label.id}`)).text();
  assert.doesNotMatch(staffPage, /Contresigner la convention/);

  const monitoring = await createUser(t.deps, { staff: ['monitoring'], fullName: 'Samir Suivi' });
  const gen = t.client();
  await gen.loginAs(monitoring.id);
  const staffList = await (await gen.get('/gestion/labels')).text();
  assert.match(staffList, /attend(ent)? la contresignature de la GEN/);
  assert.match(staffList, /À contresigner/);
  assert.match(await (await gen.get(`/gestion/labels/${label.id}`)).text(), /Contresigner la convention/);
  const counter = await gen.post(`/gestion/labels/${label.id}/contresigner`, { contresigne: 'oui' });
  assert.equal(counter.status, 303);
  const after = await labelRow(label.id);
  assert.equal(after.status, 'active');
  assert.deepEqual({ validFrom: after.validFrom, validUntil: after.validUntil }, validity('2026-10-05', 3));
  assert.equal(after.validUntil, '2029-10-04');
  assert.equal(after.agreementSignedAt?.toISOString(), NOW.toISOString());

  const all = await sigs(label.id);
  const counterSig = all.find((s) => s.kind === 'countersignature')!;
  const finalBytes = new Uint8Array(await (await porteur.get(`${base}/convention.pdf`)).arrayBuffer());
  assert.equal(sha(finalBytes), counterSig.sha256);
  const finalText = (await pdfText(finalBytes)).text.replace(/\s+/g, ' ');
  assert.ok(finalText.includes('Signé électroniquement par Samir Suivi'));
  assert.ok(finalText.includes('valable du 05/10/2026 au 04/10/2029 inclus'));
  assert.ok(finalText.replace(/ /g, '').includes(orgSig!.sha256), 'la contresignature cite l’empreinte du document signé par l’organisme');

  assert.deepEqual(await actions(label.id), ['label.created', 'label.agreement_signed', 'label.agreement_countersigned', 'label.activated']);
  const mails = await db.select().from(mailOutbox).where(and(eq(mailOutbox.to, admin.email), eq(mailOutbox.template, 'labels.activated')));
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.text, /valable du 05\/10\/2026 au 04\/10\/2029/);
  assert.match(mails[0]!.text, /au plus tard le 05\/01\/2027/);

  const again = await gen.post(`/gestion/labels/${label.id}/contresigner`, { contresigne: 'oui' });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /déjà signée par les deux parties/);
});

test('un membre lit la convention mais ne signe pas ; un autre organisme ne voit pas le label', async () => {
  const { org, member, label } = await createPendingLabel(t.deps);
  const base = `/organisations/${org.id}/labels/${label.id}`;
  const m = t.client();
  await m.loginAs(member.id);
  const page = await m.get(base);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.doesNotMatch(html, /Je signe la convention/);
  assert.match(html, /attend la signature d’un administrateur/);
  assert.equal((await m.get(`${base}/convention.pdf`)).status, 200);
  assert.equal((await m.post(`${base}/signer`, { jeSigne: 'oui' })).status, 403);
  assert.equal((await sigs(label.id)).length, 0);

  const other = await createOtherOrganisation(t.deps);
  const o = t.client();
  await o.loginAs(other.admin.id);
  assert.equal((await o.get(`/organisations/${other.org.id}/labels/${label.id}`)).status, 404, 'le label d’un autre organisme n’existe pas');
  assert.equal((await o.post(`/organisations/${other.org.id}/labels/${label.id}/signer`, { jeSigne: 'oui' })).status, 404);
  assert.equal((await o.get(`${base}`)).status, 404);
});

test('la GEN ne peut pas contresigner avant la signature de l’organisme', async () => {
  const { label } = await createPendingLabel(t.deps);
  const admin = await createUser(t.deps, { staff: ['admin'] });
  const gen = t.client();
  await gen.loginAs(admin.id);
  const res = await gen.post(`/gestion/labels/${label.id}/contresigner`, { contresigne: 'oui' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /L’organisme n’a pas encore signé la convention/);
  assert.equal((await labelRow(label.id)).status, 'pending_agreement');
  assert.equal((await sigs(label.id)).length, 0);
});

test('copie signée déposée par la GEN : PDF vérifié, date contrôlée, label actif à la date de signature', async () => {
  const { label, admin: orgAdmin } = await createPendingLabel(t.deps, { decidedAt: new Date('2026-09-20T08:00:00Z') });
  const admin = await createUser(t.deps, { staff: ['admin'] });
  const gen = t.client();
  await gen.loginAs(admin.id);
  const url = `/gestion/labels/${label.id}/copie-signee`;
  const send = (signedOn: string, bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.append('signedOn', signedOn);
    form.append('fichier', new File([Buffer.from(bytes)], name));
    return gen.postMultipart(url, form);
  };
  const exe = await send('2026-10-01', SAMPLES.exe, 'convention.pdf');
  assert.equal(exe.status, 422);
  assert.match(await exe.text(), /n’est pas d’un type accepté/);
  const png = await send('2026-10-01', SAMPLES.png, 'convention.png');
  assert.equal(png.status, 422);
  assert.match(await png.text(), /doit être un fichier PDF/);
  const paper = await renderPdf({ title: 'Convention signée', blocks: [{ kind: 'paragraph', text: 'Copie numérisée' }] });
  const future = await send('2026-10-06', paper, 'convention.pdf');
  assert.equal(future.status, 422);
  assert.match(await future.text(), /ne peut pas être dans le futur/);
  const early = await send('2026-09-19', paper, 'convention.pdf');
  assert.equal(early.status, 422);
  assert.match(await early.text(), /ne peut pas précéder la décision du comité/);
  assert.equal((await labelRow(label.id)).status, 'pending_agreement');
  assert.equal((await sigs(label.id)).length, 0);

  const ok = await send('2026-10-02', paper, 'convention-signée.pdf');
  assert.equal(ok.status, 303);
  const row = await labelRow(label.id);
  assert.equal(row.status, 'active');
  assert.equal(row.validFrom, '2026-10-02');
  assert.equal(row.validUntil, '2029-10-01');
  const [copy] = await sigs(label.id);
  assert.equal(copy!.kind, 'signed_copy');
  assert.equal(copy!.sha256, sha(paper));
  assert.equal(copy!.signedOn, '2026-10-02');
  const download = await gen.get(`/gestion/labels/${label.id}/convention.pdf`);
  assert.equal(sha(new Uint8Array(await download.arrayBuffer())), sha(paper));
  assert.deepEqual((await actions(label.id)).slice(1), ['label.agreement_copy_recorded', 'label.activated']);
  assert.equal((await db.select().from(mailOutbox).where(and(eq(mailOutbox.to, orgAdmin.email), eq(mailOutbox.template, 'labels.activated')))).length, 1);
});
