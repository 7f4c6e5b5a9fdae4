import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { createLabelInForce, createOtherOrganisation, createPendingLabel, setLabelState } from '../labels/labels.fixtures.js';
import { SAMPLES } from '../platform/files/files.fixtures.js';
import { changeRequestFiles, changeRequests, trainingVersions } from './change-requests.schema.js';
import { obligations, trainingSessions } from '../sessions/sessions.schema.js';
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

test('modifications : une demande de report de session nomme la session et des dates valides', () => {
  const base = { labelId: 'l1', type: 'session_dates', description: 'Report de la session d’automne faute de formateur disponible.', requestedOn: '2026-07-06' };
  const bad = parseChangeRequest({ ...base, newStart: '2026-02-30', newEnd: '' }, []);
  assert.equal(bad.ok, false);
  assert.deepEqual(Object.keys((bad as { errors: Record<string, string> }).errors).sort(), ['newEnd', 'newStart', 'sessionId']);
  const inverted = parseChangeRequest({ ...base, sessionId: 's1', newStart: '2026-07-06', newEnd: '2026-07-01' }, []);
  assert.match((inverted as { errors: Record<string, string> }).errors.newEnd!, /postérieure/);
  const ok = parseChangeRequest({ ...base, sessionId: 's1', newStart: '2026-07-06', newEnd: '2027-01-29', fieldKey: 'x.y', newValue: 'ignoré' }, []);
  assert.deepEqual(ok, { ok: true, labelId: 'l1', type: 'session_dates', description: base.description, requestedOn: '2026-07-06', fieldKey: null, newValue: null, sessionId: 's1', newStart: '2026-07-06', newEnd: '2027-01-29' });
  const content = parseChangeRequest({ ...base, type: 'content', sessionId: 's1', newStart: '2026-07-06' }, []);
  assert.equal(content.ok && content.sessionId, null, 'les champs de session ne valent que pour un report');
});

test('demande de modification : dépôt par un administrateur, refus sans motivation, approbation versionnée, pas de seconde décision', async () => {
  const t = await createTestApp({ now: () => new Date('2026-03-02T09:00:00Z') });
  try {
    const db = t.deps.database.db;
    const fx = await createLabelInForce(t.deps);
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

test('report de session au-delà du délai : demande pré-remplie, approbation motivée qui applique les dates (plus de manquement), refus qui les laisse', async () => {
  let now = new Date('2026-02-10T09:00:00Z');
  const t = await createTestApp({ now: () => now });
  try {
    const db = t.deps.database.db;
    const fx = await createLabelInForce(t.deps);
    const agent = await createUser(t.deps, { staff: ['monitoring'], fullName: 'Agent Suivi' });
    const staff = t.client(); await staff.loginAs(agent.id);
    const admin = t.client(); await admin.loginAs(fx.admin.id);
    const sessions = `/organisations/${fx.org.id}/labels/${fx.label.id}/sessions`;
    const session = { name: 'Session d’automne 2026', plannedStart: '2026-03-16', plannedEnd: '2026-10-30', address: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil', modality: 'presentiel', places: '12', workStudy: 'non' };
    assert.equal((await admin.post(`${sessions}/nouvelle`, session)).status, 303);
    const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.labelId, fx.label.id));

    // The organisation moves the start 4 months: refused, with the pre-filled request.
    let res = await admin.post(`${sessions}/${s!.id}/modifier`, { ...session, plannedStart: '2026-07-06', plannedEnd: '2027-01-29', version: '1', reason: 'Locaux en travaux au printemps' });
    assert.equal(res.status, 422);
    const prefilled = await admin.get(`/organisations/${fx.org.id}/conformite/modifications?type=session_dates&labelId=${fx.label.id}&sessionId=${s!.id}&newStart=2026-07-06&newEnd=2027-01-29&requestedOn=2026-07-06`);
    let html = await prefilled.text();
    assert.match(html, /value="session_dates"[^>]*checked/, 'le type est coché');
    assert.match(html, new RegExp(`<option value="${s!.id}" selected`), 'la session est choisie');
    assert.match(html, /value="2027-01-29"/);

    const base = `/organisations/${fx.org.id}/conformite/modifications`;
    const form = { labelId: fx.label.id, type: 'session_dates', description: 'Locaux en travaux au printemps : la session démarre en juillet.', requestedOn: '2026-07-06', sessionId: s!.id, newStart: '2026-07-06', newEnd: '2027-01-29' };
    res = await admin.post(base, { ...form, sessionId: '' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Choisissez la session dont le calendrier change/);
    res = await admin.post(base, form);
    assert.equal(res.status, 303);
    const [cr] = await db.select().from(changeRequests).where(eq(changeRequests.sessionId, s!.id));
    assert.deepEqual([cr!.status, cr!.previousStart, cr!.newStart, cr!.newEnd], ['pending', '2026-03-16', '2026-07-06', '2027-01-29']);
    html = await (await admin.get(`${base}/${cr!.id}`)).text();
    assert.match(html, /Report ou modification du calendrier d’une session/);
    assert.match(html, /<td>Démarrage<\/td><td>16\/03\/2026<\/td><td>06\/07\/2026<\/td>/);

    // A second request on the same session, rejected: nothing moves.
    res = await admin.post(base, { ...form, newStart: '2026-09-07', newEnd: '2027-03-26', description: 'Autre possibilité : démarrage en septembre après les travaux.' });
    assert.equal(res.status, 303);
    const [second] = await db.select().from(changeRequests).where(and(eq(changeRequests.sessionId, s!.id), eq(changeRequests.newStart, '2026-09-07')));
    res = await staff.post(`/gestion/conformite/modifications/${second!.id}/decision`, { version: String(second!.version), decision: 'reject', motivation: 'Un démarrage en septembre laisserait l’année sans session.' });
    assert.equal(res.status, 303);
    let [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, s!.id));
    assert.deepEqual([row!.plannedStart, row!.approvedStart], ['2026-03-16', null], 'un refus ne change pas la session');

    res = await staff.post(`/gestion/conformite/modifications/${cr!.id}/decision`, { version: String(cr!.version), decision: 'approve', motivation: '' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Motivez la décision/);
    res = await staff.post(`/gestion/conformite/modifications/${cr!.id}/decision`, { version: String(cr!.version), decision: 'approve', motivation: 'Travaux attestés par le bailleur ; report accepté.' });
    assert.equal(res.status, 303);
    [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, s!.id));
    assert.deepEqual([row!.initialStart, row!.plannedStart, row!.plannedEnd, row!.approvedStart], ['2026-03-16', '2026-07-06', '2027-01-29', '2026-07-06']);
    const [moved] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'session.dates_approved'), eq(auditLog.objectId, s!.id)));
    assert.equal((moved!.meta as { changeRequestId: string }).changeRequestId, cr!.id);
    assert.equal((moved!.meta as { reason: string }).reason, 'Travaux attestés par le bailleur ; report accepté.');
    const [attestation] = await db.select().from(obligations).where(and(eq(obligations.sessionId, s!.id), eq(obligations.kind, 'start_attestation')));
    assert.equal(attestation!.dueOn, '2026-08-06', 'les échéances suivent les nouvelles dates');
    assert.equal((await db.select().from(trainingVersions).where(eq(trainingVersions.labelId, fx.label.id))).length, 0, 'un report ne change pas la fiche formation');
    const [mail] = await db.select().from(mailOutbox).where(like(mailOutbox.subject, 'Demande de modification approuvée%'));
    assert.match(mail!.text, /du 06\/07\/2026 au 29\/01\/2027/);

    // No breach for the approved move, for the organisation and for staff.
    html = await (await admin.get(`${sessions}/${s!.id}`)).text();
    assert.doesNotMatch(html, /Manquement<\/h2>/);
    assert.match(html, /report au 06\/07\/2026 approuvé par la GEN/);
    assert.match(html, /Nouvelles dates approuvées par la GEN/);
    res = await staff.post(`/gestion/conformite/modifications/${cr!.id}/decision`, { version: String(cr!.version + 1), decision: 'reject', motivation: 'Seconde décision impossible.' });
    assert.equal(res.status, 422);
    now = new Date('2026-07-10T09:00:00Z');
    const late = t.client(); await late.loginAs(agent.id);
    const dash = await (await late.get('/gestion/suivi')).text();
    assert.match(dash, /Suivi-évaluation des formations labellisées/);
    assert.doesNotMatch(dash, /au lieu du 16\/03\/2026 prévu d’abord/);

    // Moving again beyond 2 months of the approved start needs a new request.
    now = new Date('2026-02-11T09:00:00Z');
    const again = t.client(); await again.loginAs(fx.admin.id);
    res = await again.post(`${sessions}/${s!.id}/modifier`, { ...session, plannedStart: '2026-10-05', plannedEnd: '2027-04-30', version: String(row!.version), reason: 'Nouveau retard des travaux' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /par rapport au 06\/07\/2026 approuvé par la GEN/);
    // Without approval, a start confirmed 4 months after the approved one is a breach again.
    await db.update(trainingSessions).set({ status: 'started', actualStart: '2026-11-09' }).where(eq(trainingSessions.id, s!.id));
    assert.match(await (await again.get(`${sessions}/${s!.id}`)).text(), /démarre le 09\/11\/2026, à plus de 2 mois du 06\/07\/2026 approuvé par la GEN/);
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

    // With a planned session, a pending postponement of 4 months too.
    await db.delete(changeRequests);
    const [s] = await db.insert(trainingSessions).values({
      labelId: fx.label.id, organisationId: fx.org.id, name: 'Session à venir', initialStart: '2027-02-22', plannedStart: '2027-02-22', plannedEnd: '2027-09-22',
      place: { address: '55 rue de Vincennes' }, modality: 'presentiel', places: 14,
    }).returning();
    assert.equal(await db.transaction((tx) => seedDemoChangeRequests(tx, t.deps.now())), true);
    const [moved] = await db.select().from(changeRequests).where(eq(changeRequests.type, 'session_dates'));
    assert.deepEqual([moved!.sessionId, moved!.status, moved!.previousStart, moved!.newStart, moved!.newEnd], [s!.id, 'pending', '2027-02-22', '2027-06-22', '2028-01-22']);
  } finally {
    await t.close();
  }
});
