import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { parseRncp, rncpDate, rncpText, rncpWarnings, normaliseRncp } from './rncp.js';
import { importRncp } from './commands/import-rncp.js';
import { rncpCertifications, rncpImports } from './applications.schema.js';
import { completeValues } from './sample-values.js';
import { setup, createDraft } from './applications.test-helpers.js';

const FIXTURE = new URL('./fixtures/rncp-small.csv', import.meta.url);
const FULL_2021 = new URL('../../assets/rncp/rncp_info.v1.4.utf8.csv.gz', import.meta.url);

test('les dates du répertoire (M/J/AA) et les codes sont lus ; une date impossible est refusée', () => {
  assert.equal(rncpDate('9/1/23'), '2023-09-01');
  assert.equal(rncpDate('12/31/2030'), '2030-12-31');
  assert.equal(rncpDate(''), null);
  assert.equal(rncpDate('2/30/24'), undefined);
  assert.equal(rncpDate('demain'), undefined);
  assert.equal(normaliseRncp(' rncp 31114 '), 'RNCP31114');
  assert.equal(normaliseRncp('31114'), 'RNCP31114');
});

test('le petit extrait est lu : champ sur deux lignes, code en double (la fiche active l’emporte)', () => {
  const r = parseRncp(readFileSync(FIXTURE, 'utf8'));
  assert.ok(r.ok);
  assert.equal(r.rows.length, 3);
  const byCode = Object.fromEntries(r.rows.map((x) => [x.code, x]));
  assert.deepEqual(byCode.RNCP31114, { code: 'RNCP31114', title: 'Développeur web et web mobile', level: '5', active: true, validUntil: '2023-09-01' });
  assert.equal(byCode.RNCP5927!.title, 'Développeur\nlogiciel');
  assert.equal(byCode.RNCP5927!.active, false);
  assert.equal(byCode.RNCP34066!.validUntil, '2034-07-05');
});

test('une seule ligne fautive refuse tout le fichier, en nommant la ligne ; un en-tête inconnu aussi', () => {
  const text = readFileSync(FIXTURE, 'utf8') + 'RNCPXX;Titre;;ACTIVE;;niveau5;;;;;\nRNCP1;Titre;13/45/21;ACTIVE;;niveau5;;;;;\nRNCP2;Titre;;PEUT-ETRE;;niveau5;;;;;\n';
  const r = parseRncp(text);
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.errors.map((e) => e.split(' :')[0]), ['Fiche n° 5', 'Fiche n° 6', 'Fiche n° 7']);
  const bad = parseRncp('Code;Titre\nRNCP1;x\n');
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.errors[0]! : '', /Colonnes absentes de l’en-tête : CodeRNCP/);
  assert.equal(parseRncp(readFileSync(FIXTURE, 'utf8').split('\n')[0]!).ok, false);
});

test('avertissements : code inconnu, fiche inactive, fin d’enregistrement avant la fin du label', () => {
  assert.match(rncpWarnings('RNCP1', null, '2029-09-01')[0]!, /introuvable dans le répertoire RNCP importé/);
  const inactive = rncpWarnings('RNCP5927', { title: 'Développeur logiciel', active: false, validUntil: null }, '2029-09-01');
  assert.equal(inactive.length, 1);
  assert.match(inactive[0]!, /est inactive/);
  const ending = rncpWarnings('RNCP31114', { title: 'DWWM', active: true, validUntil: '2023-09-01' }, '2029-09-01');
  assert.match(ending[0]!, /prend fin le 01\/09\/2023, avant la fin des années du label \(01\/09\/2029\)/);
  assert.deepEqual(rncpWarnings('RNCP34066', { title: 'Dév', active: true, validUntil: '2034-07-05' }, '2029-09-01'), []);
  // The day the label ends is enough.
  assert.deepEqual(rncpWarnings('RNCP34066', { title: 'Dév', active: true, validUntil: '2029-09-01' }, '2029-09-01'), []);
});

test('la table RNCP complète de 2021 livrée avec le projet est lue en entier', () => {
  const r = parseRncp(rncpText(readFileSync(FULL_2021)));
  assert.ok(r.ok, !r.ok ? r.errors.join('\n') : '');
  assert.equal(r.rows.length, 17_369);
  const dwwm = r.rows.find((x) => x.code === 'RNCP31114')!;
  assert.deepEqual([dwwm.active, dwwm.validUntil, dwwm.level], [true, '2023-09-01', '5']);
  assert.ok(r.rows.filter((x) => x.active).length > 4000);
});

test('import tout ou rien, puis la rubrique « Formation » affiche les avertissements RNCP', async () => {
  const s = await setup();
  const db = s.t.deps.database.db;
  const url = await createDraft(s);
  await s.client.post(`${url}/sections/formation`, { ...completeValues().training, version: '0' });
  // Without a table, no check.
  assert.doesNotMatch(await (await s.client.get(`${url}/sections/formation`)).text(), /Vérification au répertoire RNCP/);
  // A bad file changes nothing.
  const refused = await importRncp(db, Buffer.from('CodeRNCP;intituleDiplome;date_fin_validite_enregistrement;ActiveInactive;NiveauEurope\nRNCP1;A;;ACTIVE;niveau5\nZZZ;B;;ACTIVE;niveau5\n'), 'mauvais.csv', new Date());
  assert.equal(refused.ok, false);
  assert.equal((await db.select().from(rncpCertifications)).length, 0);
  assert.equal((await db.select().from(rncpImports)).length, 0);
  // The gzip-compressed fixture is imported.
  const ok = await importRncp(db, gzipSync(readFileSync(FIXTURE)), 'rncp-small.csv.gz', new Date());
  assert.deepEqual(ok, { ok: true, rows: 3 });
  const page = await (await s.client.get(`${url}/sections/formation`)).text();
  assert.match(page, /Vérification au répertoire RNCP/);
  assert.match(page, /RNCP31114 au RNCP prend fin le 01\/09\/2023/);
  // An inactive code, then an unknown one.
  await s.client.post(`${url}/sections/formation`, { ...completeValues().training, certCode: 'RNCP5927', version: '1' });
  assert.match(await (await s.client.get(`${url}/sections/formation`)).text(), /RNCP5927 \(« Développeur\s+logiciel »\) est inactive/);
  await s.client.post(`${url}/sections/formation`, { ...completeValues().training, certCode: 'RNCP77777', version: '2' });
  assert.match(await (await s.client.get(`${url}/sections/formation`)).text(), /Le code RNCP77777 est introuvable/);
  // A second import replaces the table entirely.
  await importRncp(db, Buffer.from('CodeRNCP;intituleDiplome;date_fin_validite_enregistrement;ActiveInactive;NiveauEurope\nRNCP77777;Nouveau;1/1/40;ACTIVE;niveau5\n'), 'v2.csv', new Date());
  assert.equal((await db.select().from(rncpCertifications)).length, 1);
  assert.equal((await db.select().from(rncpCertifications).where(eq(rncpCertifications.code, 'RNCP31114'))).length, 0);
  assert.doesNotMatch(await (await s.client.get(`${url}/sections/formation`)).text(), /Vérification au répertoire RNCP/);
  await s.t.close();
});
