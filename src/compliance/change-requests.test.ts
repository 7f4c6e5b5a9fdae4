import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, like } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { createPendingLabel, createOtherOrganisation, setLabelState } from '../labels/labels.fixtures.js';
import { SAMPLES } from '../platform/files/files.fixtures.js';
import { changeRequestFiles, changeRequests, trainingVersions } from './change-requests.schema.js';
import { seedDemoChangeRequests } from './change-requests.seed.js';
import { applyChange, changeDecisionRefusal, diffVersions, flattenSections, parseChangeRequest } from './change-requests.js';

test('modifications : différence entre deux versions de la fiche (ajout, suppression, modification)', () => {
  const before = { 'duration.months': '9', 'training.certCode': 'RNCP31114', 'places.city': 'Montreuil' };
  const after = { 'duration.months': '9', 'training.certCode': 'RNCP37674', 'modifications.content': 'Ajout d’un module' };
  assert.deepEqual(diffVersions(before, after), [
    { field: 'modifications.content', before: null, after: 'Ajout d’un module' },
    { field: 'places.city', before: 'Montreuil', after: null },
    { field: 'training.certCode', before: 'RNCP31114', after: 'RNCP37674' },
  ]);
  assert.deepEqual(diffVersions(before, { ...before }), []);
  const flat = flattenSections([{ sectionKey: 'duration', data: { months: 9, immersion: null } }, { sectionKey: 'places', data: { places: [{ city: 'Montreuil' }] } }]);
  assert.deepEqual(flat, { 'duration.months': '9', 'places.places': '[{"city":"Montreuil"}]' });
  assert.deepEqual(applyChange(flat, { type: 'modality', description: 'Passage à distance', fieldKey: 'duration.months', newValue: '10' }),
    { 'duration.months': '10', 'places.places': '[{"city":"Montreuil"}]', 'modifications.modality': 'Passage à distance' });
});

test('modifications : formulaire et décision refusés quand ils sont incomplets', () => {
  const bad = parseChangeRequest({ labelId: '', type: 'prix', description: 'court', requestedOn: '31/02/2026', fieldKey: 'inconnu.champ' }, ['duration.months']);
  assert.equal(bad.ok, false);
  assert.deepEqual(Object.keys((bad as { errors: Record<string, string> }).errors).sort(), ['description', 'fieldKey', 'labelId', 'newValue', 'requestedOn', 'type']);
  assert.equal(changeDecisionRefusal('pending', false, '  ')!.field, 'motivation');
  assert.equal(changeDecisionRefusal('pending', null, 'Motivation suffisante.')!.field, 'decision');
  assert.match(changeDecisionRefusal('approved', true, 'Motivation suffisante.')!.message, /déjà été traitée/);
  assert.equal(changeDecisionRefusal('pending', true, 'Motivation suffisante.'), null);
});

test('demande de modification : dépôt par un administrateur, refus sans motivation, approbation versionnée, pas de seconde décision', async () => {
  const t = await createTestApp({ now: () => new Date('2026-03-02T09:00:00Z') });
  try {
    const db = t.deps.database.db;
    const fx = await createPendingLabel(t.deps);
    await setLabelState(t.deps, fx.label.id, { status: 'active', validFrom: '2026-01-15', validUntil: '2029-01-14', agreementSignedAt: new Date('2026-01-15T10:00:00Z') });
    const agent = await createUser(t.deps, { staff: ['monitoring'], fullName: 'Agent Suivi' });
    const staff = t.client(); await staff.loginAs(agent.id);
    const admin = t.client(); await admin.loginAs(fx.admin.id);
    const member = t.client(); await member.loginAs(fx.member.id);
    const base = `/organisations/${fx.org.id}/conformite/modifications`;

    let res = await member.get(base);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Seuls les administrateurs de l’organisme peuvent déposer une demande/);
    const form = { labelId: fx.label.id, type: 'certification', description: 'Passage à la nouvelle version du titre RNCP de développeur web.', requestedOn: '2026-09-01', fieldKey: 'training.certCode', newValue: 'RNCP37674' };
    assert.equal((await member.post(base, form)).status, 403, 'un simple membre ne dépose pas de demande');

    res = await admin.post(base, { ...form, description: 'court' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /au moins 20 caractères/);
    assert.match(html, /RNCP37674/, 'les valeurs saisies sont conservées');

    const multipart = (file: Buffer, name: string) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(form)) fd.append(k, v);
      fd.append('pieces', new File([new Uint8Array(file)], name));
      return fd;
    };
    res = await admin.postMultipart(base, multipart(SAMPLES.exe, 'programme.pdf'));
    assert.equal(res.status, 422, 'une pièce qui n’est pas un document accepté est refusée');
    assert.equal((await db.select().from(changeRequests)).length, 0);
    res = await admin.postMultipart(base, multipart(SAMPLES.pdf, 'programme.pdf'));
    assert.equal(res.status, 303);
    const [cr] = await db.select().from(changeRequests).where(eq(changeRequests.labelId, fx.label.id));
    assert.equal(cr!.status, 'pending');
    const [piece] = await db.select().from(changeRequestFiles).where(eq(changeRequestFiles.changeRequestId, cr!.id));
    assert.equal(piece!.fileName, 'programme.pdf');

    const other = await createOtherOrganisation(t.deps);
    const stranger = t.client(); await stranger.loginAs(other.admin.id);
    assert.equal((await stranger.get(`/organisations/${other.org.id}/conformite/modifications/${cr!.id}`)).status, 404, 'la demande d’un autre organisme est introuvable');
    assert.equal((await stranger.post(`/organisations/${other.org.id}/conformite/modifications`, form)).status, 422, 'le label d’un autre organisme ne peut être visé');
    assert.equal((await admin.get(`/gestion/conformite/modifications/${cr!.id}`)).status, 403);
    assert.equal((await stranger.get(`/organisations/${other.org.id}/conformite/modifications/${cr!.id}/pieces/${piece!.id}`)).status, 404);
    const download = await staff.get(`/gestion/conformite/modifications/${cr!.id}/pieces/${piece!.id}`);
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), SAMPLES.pdf);

    const page = `/gestion/conformite/modifications/${cr!.id}`;
    res = await staff.get('/gestion/conformite/modifications');
    assert.match(await res.text(), /Certification visée/);
    res = await staff.post(`${page}/decision`, { version: String(cr!.version), decision: 'reject', motivation: '' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Motivez la décision/);

    res = await staff.post(`${page}/decision`, { version: String(cr!.version), decision: 'approve', motivation: 'Nouvelle version du titre équivalente, validée par France compétences.' });
    assert.equal(res.status, 303);
    const versions = await db.select().from(trainingVersions).where(eq(trainingVersions.labelId, fx.label.id)).orderBy(trainingVersions.versionNumber);
    assert.deepEqual(versions.map((v) => v.versionNumber), [1, 2]);
    assert.equal(versions[0]!.data['training.certCode'], 'RNCP31114', 'la version 1 reprend la candidature');
    assert.equal(versions[1]!.data['training.certCode'], 'RNCP37674');
    assert.equal(versions[1]!.changeRequestId, cr!.id);
    const audits = await db.select().from(auditLog).where(eq(auditLog.objectId, cr!.id));
    assert.deepEqual(audits.map((a) => a.action).sort(), ['change_request.approved', 'change_request.submitted']);
    const mails = await db.select().from(mailOutbox).where(like(mailOutbox.subject, 'Demande de modification approuvée%'));
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /France compétences/);

    res = await staff.post(`${page}/decision`, { version: String(cr!.version + 1), decision: 'reject', motivation: 'Seconde décision impossible.' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /déjà été traitée/);

    res = await admin.get(`${base}/${cr!.id}`);
    const orgHtml = await res.text();
    assert.match(orgHtml, /Version 2 par rapport à la version 1/);
    assert.match(orgHtml, /<td>training\.certCode<\/td><td>RNCP31114<\/td><td>RNCP37674<\/td>/);
  } finally {
    await t.close();
  }
});

test('démonstration : une demande de modification en attente sur le premier label actif', async () => {
  const t = await createTestApp({ now: () => new Date('2026-11-23T10:00:00Z') });
  try {
    const db = t.deps.database.db;
    assert.equal(await db.transaction((tx) => seedDemoChangeRequests(tx, t.deps.now())), false, 'sans label actif, rien n’est créé');
    const fx = await createPendingLabel(t.deps);
    await setLabelState(t.deps, fx.label.id, { status: 'active', validFrom: '2026-01-15', validUntil: '2029-01-14' });
    assert.equal(await db.transaction((tx) => seedDemoChangeRequests(tx, t.deps.now())), true);
    const rows = await db.select().from(changeRequests);
    assert.deepEqual(rows.map((r) => [r.labelId, r.status, r.type, r.requestedOn]), [[fx.label.id, 'pending', 'modality', '2027-01-22']]);
  } finally {
    await t.close();
  }
});
