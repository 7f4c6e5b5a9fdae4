import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, createUser, createOrganisation, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { pdfText } from '../platform/pdf/pdf-text.js';
import { ensureGeographies } from '../territory/web/reference-data.js';
import { createActiveLabel } from '../inspections/inspections.testing.js';
import { trainingSessions, obligations } from '../sessions/index.js';
import { learners, crousOffices } from './learners.schema.js';
import { LEARNER_FIELDS } from './learners.js';
import { purgeExpiredLearners } from './commands/privacy.js';

const NOW = new Date('2026-03-16T10:00:00Z');
let t: TestApp;
before(async () => { t = await createTestApp({ now: () => NOW }); await ensureGeographies(t.deps.database.db); });
after(async () => { await t.close(); });

/** A label in force with one session that started and ended before NOW; the org admin signed in. */
async function world() {
  const { label, org, admin } = await createActiveLabel(t.deps);
  const [session] = await t.deps.database.db.insert(trainingSessions).values({
    labelId: label.id, organisationId: org.id, name: 'Session d’automne', initialStart: '2025-10-01', plannedStart: '2025-10-01', plannedEnd: '2026-02-27',
    place: { address: '29 rue Myrha', postcode: '75018', commune: 'Paris' }, modality: 'presentiel', places: 14,
  }).returning();
  const client = t.client();
  await client.loginAs(admin.id);
  return { label, org, admin, session: session!, client, base: `/organisations/${org.id}/sessions/${session!.id}` };
}

const HEADER = LEARNER_FIELDS.map((f) => f.label).join(';');
const line = (nom: string, o: Partial<Record<'sexe' | 'naissance' | 'courriel' | 'adresse' | 'niveau', string>> = {}) =>
  [nom, 'Camille', o.sexe ?? 'F', o.naissance ?? '14/03/1999', o.courriel ?? `${nom.toLowerCase()}@exemple.fr`, '0612345678', o.adresse ?? '29 rue Myrha 75018 Paris', o.niveau ?? 'bac', 'demandeur d’emploi', 'non', 'non'].join(';');

/** Uploads a file, then confirms the guessed mapping; the last response. */
async function importFile(client: TestClient, base: string, bytes: Uint8Array | string, name = 'apprenants.csv') {
  const form = new FormData();
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  form.append('fichier', new File([data.slice().buffer as ArrayBuffer], name));
  const up = await client.postMultipart(`${base}/apprenants/import`, form);
  assert.equal(up.status, 303, await up.clone().text());
  const mappingUrl = up.headers.get('location')!;
  const page = await client.get(mappingUrl);
  const html = await page.text();
  const fields: Record<string, string> = {};
  for (const f of LEARNER_FIELDS) {
    const sel = new RegExp(`<select[^>]*name="col_${f.key}"[^>]*>([\\s\\S]*?)</select>`).exec(html)![1]!;
    fields[`col_${f.key}`] = /<option value="(\d+)" selected/.exec(sel)?.[1] ?? '';
  }
  return client.post(mappingUrl, fields);
}

const rowsOf = (sessionId: string) => t.deps.database.db.select().from(learners).where(eq(learners.sessionId, sessionId));

test('un fichier correct est importé : colonnes devinées, adresses placées avec la géographie du démarrage, import journalisé', async () => {
  const w = await world();
  const res = await importFile(w.client, w.base, `\ufeff${HEADER}\n${line('Martin')}\n${line('Durand', { sexe: 'M', adresse: '20 avenue de l\'Opéra 75001 Paris' })}\n${line('Petit', { adresse: 'zzzz qqqq 99999 Nulle part' })}\n`);
  assert.equal(res.status, 303);
  const rows = await rowsOf(w.session.id);
  assert.equal(rows.length, 3);
  const martin = rows.find((r) => r.lastName === 'Martin')!;
  assert.equal(martin.placement, 'placed');
  assert.equal(martin.qpvCode, 'QN07511M');
  assert.equal(martin.inQpv, true);
  assert.match(martin.geoVersions!, /qpv-2024/);
  assert.equal(rows.find((r) => r.lastName === 'Durand')!.inQpv, false);
  assert.equal(rows.find((r) => r.lastName === 'Petit')!.placement, 'unplaced');
  const page = await (await w.client.get(`${w.base}/apprenants`)).text();
  assert.match(page, /Une adresse n’a pas pu être placée/);
  assert.match(page, /Femmes/);
  const audit = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, w.session.id)));
  assert.ok(audit.some((a) => a.action === 'learners.import'));
  assert.ok(audit.some((a) => a.action === 'learners.roster_viewed'), 'la consultation de la liste est journalisée');
  const csv = await w.client.get(`${w.base}/apprenants.csv`);
  assert.equal(csv.status, 200);
  assert.match(await csv.text(), /^\ufeff?Nom;Prénom;Sexe/);
  const exported = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, w.session.id), eq(auditLog.action, 'learners.exported')));
  assert.equal(exported.length, 1, 'l’export de données personnelles est journalisé');
});

test('un fichier avec 3 lignes fausses : toutes les erreurs par ligne et colonne, rien n’est enregistré', async () => {
  const w = await world();
  const csv = [HEADER, line('Martin'), line('Durand', { naissance: '31/02/2000' }), line('Petit', { sexe: 'X', courriel: 'pas-un-courriel' }), line('Leroy', { niveau: 'doctorat' }), line('Moreau')].join('\n');
  const res = await importFile(w.client, w.base, csv);
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /4 erreurs/);
  for (const [lineNo, column] of [[3, 'Date de naissance'], [4, 'Sexe'], [4, 'Courriel'], [5, 'Niveau de formation']] as const) {
    assert.match(html, new RegExp(`<td>${lineNo}</td><td>${column}</td>`), `ligne ${lineNo}, colonne ${column}`);
  }
  assert.equal((await rowsOf(w.session.id)).length, 0);
});

test('un fichier Latin-1 (Windows-1252) est reconnu et les accents gardés', async () => {
  const w = await world();
  const text = `${HEADER}\n${line('Hélène')}\n${line('Noël', { sexe: 'M' })}\n`;
  const bytes = Uint8Array.from([...text].map((ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0))));
  assert.ok(bytes.includes(0xe9));
  const res = await importFile(w.client, w.base, bytes);
  assert.equal(res.status, 303);
  const names = (await rowsOf(w.session.id)).map((r) => r.lastName).sort();
  assert.deepEqual(names, ['Hélène', 'Noël']);
});

test('un classeur XLSX est importé, dates de naissance en cellules date comprises', async () => {
  const w = await world();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Apprenants');
  ws.addRow(['NOM', 'Prénom', 'Genre', 'Né le', 'E-mail', 'Adresse postale', 'Niveau', 'Statut']);
  ws.addRow(['Bernard', 'Louise', 'Femme', new Date(Date.UTC(1998, 6, 14)), 'louise@exemple.fr', '29 rue Myrha 75018 Paris', 'Bac+3 ou plus', 'Salarié']);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
  const res = await importFile(w.client, w.base, bytes, 'apprenants.xlsx');
  assert.equal(res.status, 303);
  const [l] = await rowsOf(w.session.id);
  assert.equal(l!.birthDate, '1998-07-14');
  assert.equal(l!.educationLevel, 'bac_3_plus');
  assert.equal(l!.entrySituation, 'employee');
  assert.equal(l!.rqth, false);
});

test('5 000 lignes sont importées d’un coup', async () => {
  const w = await world();
  const lines = [HEADER];
  for (let i = 0; i < 5000; i++) lines.push(line(`Nom${i}`, { adresse: i % 2 ? '29 rue Myrha 75018 Paris' : '20 avenue de l\'Opéra 75001 Paris' }));
  const started = Date.now();
  const res = await importFile(w.client, w.base, lines.join('\n'));
  assert.equal(res.status, 303);
  assert.equal((await rowsOf(w.session.id)).length, 5000);
  assert.ok(Date.now() - started < 120_000);
});

test('la liste d’un autre organisme n’existe pas (404) ; les instructeurs ne voient pas les listes', async () => {
  const w = await world();
  const stranger = await createUser(t.deps);
  const other = await createOrganisation(t.deps, { admins: [stranger.id] });
  const c = t.client();
  await c.loginAs(stranger.id);
  assert.equal((await c.get(`${w.base}/apprenants`)).status, 404);
  assert.equal((await c.get(`/organisations/${other.id}/sessions/${w.session.id}/apprenants`)).status, 404, 'une session d’un autre organisme sous son propre organisme');
  const instructor = await createUser(t.deps, { staff: ['instructor'] });
  const ic = t.client();
  await ic.loginAs(instructor.id);
  assert.equal((await ic.get(`/gestion/suivi/sessions/${w.session.id}/apprenants`)).status, 403);
});

test('attestation de démarrage, sortie anticipée, bilan, acceptation (adresses minimisées), situations à 3 mois', async () => {
  const w = await world();
  await importFile(w.client, w.base, `${HEADER}\n${line('Martin')}\n${line('Durand', { sexe: 'M' })}\n`);
  const [martin, durand] = (await rowsOf(w.session.id)).sort((a, b) => a.lastName!.localeCompare(b.lastName!)).reverse();
  const page = await (await w.client.get(`${w.base}/attestation`)).text();
  assert.match(page, /Femmes/);
  assert.match(page, /≥ 30 %/);
  const bad = await w.client.post(`${w.base}/attestation`, { date_demarrage: '02/10/2025' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Cochez la case/);
  assert.equal((await w.client.post(`${w.base}/attestation`, { date_demarrage: '02/10/2025', certifie: 'oui' })).status, 303);
  let [s] = await t.deps.database.db.select().from(trainingSessions).where(eq(trainingSessions.id, w.session.id));
  assert.equal(s!.status, 'started');
  assert.equal(s!.actualStart, '2025-10-02');
  assert.ok(s!.startAttestedAt);
  const [ob] = await t.deps.database.db.select().from(obligations).where(and(eq(obligations.sessionId, w.session.id), eq(obligations.kind, 'start_attestation')));
  assert.ok(ob?.doneAt, 'l’obligation d’attestation est faite');

  assert.equal((await w.client.post(`${w.base}/apprenants/${durand!.id}/sortie`, { date_sortie: '15/12/2025', motif_sortie: 'A trouvé un emploi' })).status, 303);
  const incomplete = await w.client.post(`${w.base}/bilan`, { date_fin: '27/02/2026' });
  assert.equal(incomplete.status, 422);
  assert.equal((await w.client.post(`${w.base}/bilan`, {
    date_fin: '27/02/2026',
    [`parcours_${martin!.id}`]: 'completed', [`certification_${martin!.id}`]: 'full', [`sortie_${martin!.id}`]: 'cdi',
    [`parcours_${durand!.id}`]: 'left', [`certification_${durand!.id}`]: 'not_presented', [`sortie_${durand!.id}`]: 'cdd_under_6m',
  })).status, 303);
  [s] = await t.deps.database.db.select().from(trainingSessions).where(eq(trainingSessions.id, w.session.id));
  assert.ok(s!.endReportedAt);
  assert.equal(s!.status, 'ended');

  const monitor = await createUser(t.deps, { staff: ['monitoring'] });
  const mc = t.client();
  await mc.loginAs(monitor.id);
  const noMotivation = await mc.post(`/gestion/suivi/sessions/${w.session.id}/bilan/acceptation`, { motivation: '' });
  assert.equal(noMotivation.status, 422);
  assert.equal((await mc.post(`/gestion/suivi/sessions/${w.session.id}/bilan/acceptation`, { motivation: 'Bilan complet et cohérent.' })).status, 303);
  const after = await rowsOf(w.session.id);
  assert.ok(after.every((l) => l.address === null && l.minimisedAt !== null));
  assert.match(after.find((l) => l.id === martin!.id)!.commune!, /^Paris/);
  assert.equal(after.find((l) => l.id === martin!.id)!.qpvCode, 'QN07511M');
  assert.equal(after.find((l) => l.id === durand!.id)!.leftOn, '2025-12-15');

  assert.equal((await w.client.post(`${w.base}/situations/3-mois`, { [`situation_${martin!.id}`]: 'cdi', [`situation_${durand!.id}`]: 'job_seeking' })).status, 303);
  const roster = await (await w.client.get(`${w.base}/apprenants`)).text();
  assert.match(roster, /Sorties positives à 3 mois/);
  assert.match(roster, /1 sur 2/);
});

test('la GEN corrige un résultat territorial avec un motif (journalisé) et envoie une copie de ses données à un apprenant', async () => {
  const w = await world();
  await importFile(w.client, w.base, `${HEADER}\n${line('Petit', { adresse: 'zzzz qqqq 99999 Nulle part' })}\n`);
  const [petit] = await rowsOf(w.session.id);
  const monitor = await createUser(t.deps, { staff: ['monitoring'] });
  const mc = t.client();
  await mc.loginAs(monitor.id);
  const url = `/gestion/suivi/sessions/${w.session.id}/apprenants/${petit!.id}`;
  assert.equal((await mc.get(url)).status, 200);
  const noReason = await mc.post(`${url}/placement`, { qpv: 'oui', code_qpv: 'QN07511M', zrr_frr: 'non', commune: 'Paris', motif: '' });
  assert.equal(noReason.status, 422);
  assert.match(await noReason.text(), /Motivez la correction/);
  assert.equal((await mc.post(`${url}/placement`, { qpv: 'oui', code_qpv: 'qn07511m', zrr_frr: 'non', commune: 'Paris', motif: 'Adresse vérifiée sur le justificatif de domicile.' })).status, 303);
  const [fixed] = await rowsOf(w.session.id);
  assert.equal(fixed!.placement, 'overridden');
  assert.equal(fixed!.qpvCode, 'QN07511M');
  const [entry] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'learners.placement_override'), eq(auditLog.objectId, petit!.id)));
  assert.equal((entry!.meta as { reason: string }).reason, 'Adresse vérifiée sur le justificatif de domicile.');

  assert.equal((await mc.post(`${url}/droit-acces`)).status, 303);
  const [mail] = await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'learners.access_copy'));
  assert.equal(mail!.to, 'petit@exemple.fr');
  const text = (await pdfText(Buffer.from(mail!.attachments[0]!.base64, 'base64'))).text;
  assert.match(text, /Petit/);
  assert.match(text, /QN07511M/);
});

test('un avis d’assiduité part au CROUS configuré, avec le PDF', async () => {
  const w = await world();
  await importFile(w.client, w.base, `${HEADER}\n${line('Martin').replace(/;non;non$/, ';non;oui')}\n`);
  const [martin] = await rowsOf(w.session.id);
  assert.equal(martin!.crousAid, true);
  const admin = await createUser(t.deps, { staff: ['admin'] });
  const ac = t.client();
  await ac.loginAs(admin.id);
  assert.equal((await ac.post('/gestion/crous', { nom: 'CROUS de Paris', courriel: 'assiduite@crous-paris.example' })).status, 303);
  const [office] = await t.deps.database.db.select().from(crousOffices).where(eq(crousOffices.name, 'CROUS de Paris'));
  await w.client.post(`${w.base}/attestation`, { date_demarrage: '01/10/2025', certifie: 'oui' });
  const res = await w.client.post(`${w.base}/apprenants/${martin!.id}/manquement`, { crous: office!.id, nature: 'exams', du: '05/01/2026', au: '09/01/2026', details: 'Absent aux trois épreuves sans justificatif.' });
  assert.equal(res.status, 303);
  const [mail] = await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'learners.crous_notice'));
  assert.equal(mail!.to, 'assiduite@crous-paris.example');
  assert.match((await pdfText(Buffer.from(mail!.attachments[0]!.base64, 'base64'))).text, /Absences aux examens/);
});

test('la purge efface les données personnelles à la fin du label + la conservation, en gardant les chiffres', async () => {
  const w = await world();
  await importFile(w.client, w.base, `${HEADER}\n${line('Martin')}\n`);
  // Label valid until 2028-06-14, retention 12 months: nothing on 2029-06-14, erased on 2029-06-15.
  assert.equal(await purgeExpiredLearners(t.deps.database.db, 12, '2029-06-14', NOW), 0);
  const n = await purgeExpiredLearners(t.deps.database.db, 12, '2029-06-15', NOW);
  assert.ok(n >= 1);
  const [l] = await rowsOf(w.session.id);
  assert.equal(l!.lastName, null);
  assert.equal(l!.email, null);
  assert.equal(l!.address, null);
  assert.equal(l!.birthDate, null);
  assert.ok(l!.erasedAt);
  assert.equal(l!.sex, 'F');
  assert.equal(l!.birthYear, '1999');
  assert.equal(l!.qpvCode, 'QN07511M');
  assert.equal(await purgeExpiredLearners(t.deps.database.db, 12, '2029-06-15', NOW), 0, 'idempotente');
});
