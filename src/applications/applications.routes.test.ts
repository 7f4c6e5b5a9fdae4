import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, and } from 'drizzle-orm';
import { createUser, createOrganisation } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { memberships } from '../organisations/organisations.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { applicationSubmissions, applicationSections } from './applications.schema.js';
import { completeValues } from './sample-values.js';
import { SECTIONS } from './sections/catalogue.js';
import { setup, createDraft, appRow } from './applications.test-helpers.js';

test('une personne non connectée est renvoyée vers la connexion ; un membre d’un autre organisme reçoit 404', async () => {
  const s = await setup();
  const url = await createDraft(s);
  assert.equal((await s.t.client().get(url)).status, 303);
  const other = await createUser(s.t.deps);
  await createOrganisation(s.t.deps, { admins: [other.id] });
  const c = s.t.client();
  await c.loginAs(other.id);
  for (const p of [s.base, url, `${url}/sections/formation`, `${url}/recapitulatif`, `${url}/pieces`]) assert.equal((await c.get(p)).status, 404, p);
  assert.equal((await c.post(`${url}/sections/formation`, { version: '0', summary: 'x' })).status, 404);
  await s.t.close();
});

test('une adresse de candidature mal formée ou d’un autre organisme répond 404', async () => {
  const s = await setup();
  const url = await createDraft(s);
  assert.equal((await s.client.get(`${s.base}/pas-un-uuid`)).status, 404);
  assert.equal((await s.client.get(`${url}/sections/inconnue`)).status, 404);
  const org2 = await createOrganisation(s.t.deps, { admins: [s.userId] });
  const c = s.t.client();
  await c.loginAs(s.userId);
  assert.equal((await c.get(url.replace(s.orgId, org2.id))).status, 404);
  await s.t.close();
});

test('créer une candidature : l’appel et l’intitulé sont exigés, un doublon est refusé', async () => {
  const s = await setup();
  const empty = await s.client.post(`${s.base}/nouvelle`, { callId: '', trainingTitle: '' });
  assert.equal(empty.status, 422);
  const html = await empty.text();
  assert.match(html, /<title>Erreur : Nouvelle candidature/);
  assert.match(html, /Choisissez un appel à labellisation/);
  await createDraft(s, 'Développeur web');
  const dup = await s.client.post(`${s.base}/nouvelle`, { callId: s.callId, trainingTitle: 'développeur WEB' });
  assert.equal(dup.status, 422);
  assert.match(await dup.text(), /déjà une candidature pour cette formation/);
  const list = await (await s.client.get(s.base)).text();
  assert.match(list, /Développeur web/);
  await s.t.close();
});

test('parcours : enregistrer, conflit de version, déposer, lecture seule, retirer', async () => {
  const s = await setup();
  const url = await createDraft(s);
  const values = completeValues();
  // Save every section from its own page.
  for (const def of SECTIONS) {
    const res = await s.client.post(`${url}/sections/${def.slug}`, { ...values[def.key], version: '0', _action: 'enregistrer' });
    assert.equal(res.status, 303, `${def.slug} : ${res.status}`);
  }
  const overview = await (await s.client.get(url)).text();
  assert.equal((overview.match(/>Complète</g) ?? []).length, SECTIONS.length);

  // Two members edit "Formation" from version 1: the second save is refused, nothing is lost.
  const colleague = await createUser(s.t.deps, { fullName: 'Corentin Collègue' });
  await s.t.deps.database.db.insert(memberships).values({ organisationId: s.orgId, userId: colleague.id, role: 'member' });
  const c2 = s.t.client();
  await c2.loginAs(colleague.id);
  const first = await c2.post(`${url}/sections/formation`, { ...values.training, summary: 'Version de Corentin', version: '1' });
  assert.equal(first.status, 303);
  const stale = await s.client.post(`${url}/sections/formation`, { ...values.training, summary: 'Version de Paula', version: '1' });
  assert.equal(stale.status, 409);
  const conflict = await stale.text();
  assert.match(conflict, /Corentin Collègue a enregistré cette rubrique/);
  assert.match(conflict, /Version de Paula/);
  assert.match(conflict, /Version de Corentin/);
  assert.match(conflict, /name="version" value="2"/);
  const [row] = await s.t.deps.database.db.select().from(applicationSections).where(and(eq(applicationSections.sectionKey, 'training')));
  assert.equal(row!.values.summary, 'Version de Corentin');

  // Documents, then the summary shows every criterion met but R8.
  for (const kind of ['qualiopi', 'nda', 'tax_social', 'budget']) {
    const f = new FormData();
    f.append('kind', kind);
    f.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), `${kind}.pdf`);
    assert.equal((await s.client.postMultipart(`${url}/pieces`, f)).status, 303);
  }
  const summary = await (await s.client.get(`${url}/recapitulatif`)).text();
  assert.equal((summary.match(/>Non rempli</g) ?? []).length, 0);

  // Submit without the sworn statement, then with it, twice.
  const noSworn = await s.client.post(`${url}/recapitulatif/deposer`, {});
  assert.equal(noSworn.status, 422);
  assert.match(await noSworn.text(), /Cochez la déclaration sur l’honneur/);
  const [a, b] = await Promise.all([
    s.client.post(`${url}/recapitulatif/deposer`, { sworn: 'oui' }),
    s.client.post(`${url}/recapitulatif/deposer`, { sworn: 'oui' }),
  ]);
  assert.equal(a.status, 303);
  assert.equal(b.status, 303);
  const app = await appRow(s, url);
  assert.equal(app.state, 'submitted');
  assert.match(app.receiptNumber!, /^GEN-\d{4}-00001$/);
  const subs = await s.t.deps.database.db.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, app.id));
  assert.equal(subs.length, 1);
  const mails = await s.t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'application.submitted'));
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.text, new RegExp(`Numéro de récépissé : ${app.receiptNumber}`));

  // Read-only after submission.
  const page = await (await s.client.get(`${url}/sections/formation`)).text();
  assert.doesNotMatch(page, /name="version"/);
  assert.match(page, /n’est plus modifiable/);
  const late = await s.client.post(`${url}/sections/formation`, { ...values.training, summary: 'Trop tard', version: '2' });
  assert.equal(late.status, 409);
  assert.match(await late.text(), /Trop tard/);
  const f = new FormData();
  f.append('kind', 'other');
  f.append('file', new Blob([Buffer.from('%PDF-1.4\n')]), 'x.pdf');
  assert.equal((await s.client.postMultipart(`${url}/pieces`, f)).status, 409);

  // Withdraw with a motivation (required), audited with before/after.
  const noReason = await s.client.post(`${url}/retrait`, { reason: '', version: String(app.version) });
  assert.equal(noReason.status, 422);
  const w = await s.client.post(`${url}/retrait`, { reason: 'Formation reportée', version: String(app.version) });
  assert.equal(w.status, 303);
  assert.equal((await appRow(s, url)).state, 'withdrawn');
  const audit = await s.t.deps.database.db.select().from(auditLog).where(eq(auditLog.objectId, app.id));
  const actions = audit.map((e) => e.action);
  assert.ok(actions.includes('application.created'));
  assert.equal(actions.filter((x) => x === 'application.section_saved').length, SECTIONS.length + 1);
  const withdrawn = audit.find((e) => e.action === 'application.withdrawn')!;
  assert.deepEqual([withdrawn.before, withdrawn.after], [{ state: 'submitted' }, { state: 'withdrawn' }]);
  assert.deepEqual(audit.find((e) => e.action === 'application.submitted')!.before, { state: 'draft' });
  await s.t.close();
});

test('mauvaises saisies : nombres français, négatifs, dates inversées, texte trop long ; rien de tapé n’est perdu', async () => {
  const s = await setup();
  const url = await createDraft(s);
  const d = completeValues().duration;
  const ok = await s.client.post(`${url}/sections/duree-et-rythme`, { ...d, totalHours: '1 200,5', centreHours: '1 000,5', version: '0' });
  assert.equal(ok.status, 303);
  const neg = await s.client.post(`${url}/sections/duree-et-rythme`, { ...d, totalHours: '-5', version: '1' });
  assert.equal(neg.status, 422);
  const negHtml = await neg.text();
  assert.match(negHtml, /ne peut pas être négatif/);
  assert.match(negHtml, /value="-5"/);
  assert.match(negHtml, /enregistrées comme brouillon/);
  assert.match(negHtml, /name="version" value="2"/);
  const p = completeValues().places;
  const inv = await s.client.post(`${url}/sections/lieux-et-sessions`, { ...p, 'sessions-0-end': '2026-08-01', version: '0' });
  assert.equal(inv.status, 422);
  assert.match(await inv.text(), /la date de fin doit être postérieure à la date de début/);
  const big = await s.client.post(`${url}/sections/formation`, { ...completeValues().training, summary: 'a'.repeat(100_000), version: '0' });
  assert.equal(big.status, 422);
  assert.match(await big.text(), /Rien n’a été enregistré/);
  const rows = await s.t.deps.database.db.select().from(applicationSections).where(eq(applicationSections.sectionKey, 'training'));
  assert.equal(rows.length, 0);
  await s.t.close();
});

test('ajouter et retirer des modules sans JavaScript enregistre aussi la rubrique', async () => {
  const s = await setup();
  const url = await createDraft(s);
  const add = await s.client.post(`${url}/sections/duree-et-rythme`, { totalHours: '400', 'modules-count': '1', 'modules-0-name': 'Bases', version: '0', _action: 'ajouter:modules' });
  assert.equal(add.status, 303);
  const html = await (await s.client.get(`${url}/sections/duree-et-rythme`)).text();
  assert.match(html, /name="modules-count" value="2"/);
  assert.match(html, /value="Bases"/);
  assert.match(html, /name="version" value="1"/);
  const rm = await s.client.post(`${url}/sections/duree-et-rythme`, { totalHours: '400', 'modules-count': '2', 'modules-0-name': 'Bases', 'modules-1-name': 'Avancé', version: '1', _action: 'retirer:modules:0' });
  assert.equal(rm.status, 303);
  const after = await (await s.client.get(`${url}/sections/duree-et-rythme`)).text();
  assert.match(after, /name="modules-count" value="1"/);
  assert.match(after, /value="Avancé"/);
  assert.doesNotMatch(after, /value="Bases"/);
  await s.t.close();
});
