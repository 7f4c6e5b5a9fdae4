/**
 * Rosters, in a real browser against the real server (demo data on): Paula, admin of Simplon Démo,
 * opens the learners of the session that just started (one address the engine could not place),
 * corrects it, imports a file with an error (every error listed by line and column, nothing
 * saved), then the corrected file; she attests the start (indicators against the call's targets),
 * then fills in the end-of-session report of the session that ended. Samir (monitoring) reads the
 * roster and accepts the report: addresses are minimised. Every page visited passes axe (WCAG 2.1
 * AA). Steps run in order; after a failure the next ones are skipped.
 */
import assert from 'node:assert/strict';
import { story, follow, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, type Visitor } from './helpers/browser.js';
import { fill, submitFormOf, clickButton, errorsShown, logIn } from './helpers/forms.js';

const MONITORING_EMAIL = 'suivi@demo.label-gen.fr';
const PORTEUR_EMAIL = 'porteur@demo.label-gen.fr';
const ACTIVE_LABEL = 'Technicien supérieur systèmes et réseaux';

const s = story();
const step = s.step;
let paula: Visitor | null = null;
let samir: Visitor | null = null;
let orgId = '';
let sessionsPath = '';
let endedRoster = '';

const HEADER = 'Nom;Prénom;Sexe;Date de naissance;Courriel;Téléphone;Adresse;Niveau de formation;Situation à l’entrée;RQTH;Aide CROUS demandée';

async function upload(v: Visitor, csv: string): Promise<void> {
  const { page } = v;
  await follow(v, 'Importer une liste (CSV ou XLSX)');
  assert.ok(await page.locator('a[href$="/apprenants/modele.csv"]').count(), 'lien du modèle');
  await page.locator('#fichier').setInputFiles({ name: 'apprenants.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`, 'utf8') });
  const status = await submitFormOf(page, 'fichier');
  assert.ok(status < 400, `envoi refusé ${await errorsShown(page)}`);
  await check(v);
  assert.match(await page.locator('main').innerText(), /Vérifier les colonnes du fichier/);
}

step('Paula ouvre la liste des apprenants de la session en cours : une adresse non placée', async () => {
  paula = await s.visitor();
  await logIn(paula, PORTEUR_EMAIL, DEMO_PASSWORD);
  const { page } = paula;
  await visit(paula, '/organisations');
  await follow(paula, 'Simplon Démo');
  orgId = new URL(page.url()).pathname.split('/')[2]!;
  await visit(paula, `/organisations/${orgId}/calendrier`);
  await follow(paula, new RegExp(`Sessions de « ${ACTIVE_LABEL} »`));
  sessionsPath = new URL(page.url()).pathname;
  await follow(paula, 'Session en cours');
  await follow(paula, 'Liste des apprenants de la session');
  const text = await page.locator('main').innerText();
  assert.match(text, /Une adresse n’a pas pu être placée/);
  assert.match(text, /Résidant en QPV, ZRR ou FRR/);
});

step('Paula corrige l’adresse non placée : elle est placée en QPV', async () => {
  assert.ok(paula);
  const { page } = paula;
  await page.locator('.fr-alert--warning a').first().click();
  await page.waitForLoadState('load');
  await check(paula);
  await fill(page, { adresse: '29 rue Myrha 75018 Paris' });
  const status = await submitFormOf(page, 'adresse');
  assert.ok(status < 400, `correction refusée ${await errorsShown(page)}`);
  await check(paula);
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /n’a pas pu être placée/);
  assert.match(text, /QPV QN07511M/);
});

step('un fichier avec une ligne fausse : l’erreur est listée par ligne et colonne, rien n’est importé', async () => {
  assert.ok(paula);
  const { page } = paula;
  await upload(paula, `${HEADER}\nZola;Émile;M;02/04/2001;emile.zola@exemple.fr;0611223344;20 avenue de l'Opéra 75001 Paris;bac;demandeur d’emploi;non;non\nSand;George;F;31/02/2000;george.sand@exemple.fr;;29 rue Myrha 75018 Paris;bac+2;RSA;non;oui\n`);
  const status = await submitFormOf(page, 'col_nom');
  assert.equal(status, 422);
  await check(paula, 'import refusé');
  const text = await page.locator('main').innerText();
  assert.match(text, /aucun apprenant n’a été importé/);
  const rows = await page.locator('#erreurs-import tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent ?? '')));
  assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['3', 'Date de naissance']], 'une erreur : ligne 3, colonne Date de naissance');
});

step('le fichier corrigé est importé : les apprenants rejoignent la liste', async () => {
  assert.ok(paula);
  const { page } = paula;
  await visit(paula, new URL(page.url()).pathname.replace(/\/import\/[0-9a-f-]+$/, ''));
  await upload(paula, `${HEADER}\nZola;Émile;M;02/04/2001;emile.zola@exemple.fr;0611223344;20 avenue de l'Opéra 75001 Paris;bac;demandeur d’emploi;non;non\nSand;George;F;28/02/2000;george.sand@exemple.fr;;29 rue Myrha 75018 Paris;bac+2;RSA;non;oui\n`);
  const status = await submitFormOf(page, 'col_nom');
  assert.ok(status < 400, `import refusé ${await errorsShown(page)}`);
  await check(paula);
  const text = await page.locator('main').innerText();
  assert.match(text, /2 apprenant\(s\) importé\(s\)/);
  assert.match(text, /Zola Émile/);
  assert.match(text, /Sand George/);
});

step('Paula atteste le démarrage : les indicateurs sont comparés aux objectifs de l’appel', async () => {
  assert.ok(paula);
  const { page } = paula;
  await follow(paula, 'Attester le démarrage');
  const text = await page.locator('main').innerText();
  assert.match(text, /Objectif de l’appel/);
  assert.match(text, /Femmes/);
  await page.locator('label[for="certifie"]').click();
  const status = await submitFormOf(page, 'date_demarrage');
  assert.ok(status < 400, `attestation refusée ${await errorsShown(page)}`);
  await check(paula);
  assert.match(await page.locator('main').innerText(), /Le démarrage est attesté avec 14 apprenant\(s\)/);
});

step('Paula remplit le bilan de fin de la session terminée', async () => {
  assert.ok(paula);
  const { page } = paula;
  await visit(paula, sessionsPath);
  await follow(paula, 'Session de lancement');
  await follow(paula, 'Liste des apprenants de la session');
  endedRoster = new URL(page.url()).pathname;
  await follow(paula, 'Remplir le bilan de fin de session');
  for (const prefix of ['parcours_', 'certification_', 'sortie_']) {
    const selects = page.locator(`select[name^="${prefix}"]`);
    const n = await selects.count();
    assert.ok(n >= 10, `${n} lignes`);
    for (let i = 0; i < n; i++) {
      const value = prefix === 'parcours_' ? 'completed' : prefix === 'certification_' ? 'full' : 'job_seeking';
      await selects.nth(i).selectOption(value);
    }
  }
  const status = await submitFormOf(page, 'date_fin');
  assert.ok(status < 400, `bilan refusé ${await errorsShown(page)}`);
  await check(paula);
  assert.match(await page.locator('main').innerText(), /bilan remis le/);
  await follow(paula, 'Situations à 3 mois');
  await page.locator('select[name^="situation_"]').first().selectOption('cdi');
  const saved = await submitFormOf(page, (await page.locator('select[name^="situation_"]').first().getAttribute('id'))!);
  assert.ok(saved < 400, `situations refusées ${await errorsShown(page)}`);
  await check(paula);
  assert.match(await page.locator('main').innerText(), /Situations à 3 mois enregistrées \(1 modifiée\(s\)\)/);
});

step('Samir (suivi-évaluation) lit la liste et accepte le bilan : les adresses sont réduites à la commune', async () => {
  samir = await s.visitor();
  await logIn(samir, MONITORING_EMAIL, DEMO_PASSWORD, s.server.totpSecret(MONITORING_EMAIL));
  const { page } = samir;
  const sessionId = endedRoster.split('/')[4]!;
  await visit(samir, `/gestion/suivi/sessions/${sessionId}/apprenants`);
  assert.match(await page.locator('main').innerText(), /Liste nominative/);
  await fill(page, { motivation: 'Bilan complet, résultats cohérents avec les attestations.' });
  const status = await clickButton(page, 'Accepter le bilan');
  assert.ok(status < 400, `acceptation refusée ${await errorsShown(page)}`);
  await check(samir);
  assert.match(await page.locator('main').innerText(), /adresse\(s\) réduite\(s\) à la commune/);
  await page.locator('tbody a[href*="/apprenants/"]').first().click();
  await page.waitForLoadState('load');
  await check(samir);
  const text = await page.locator('main').innerText();
  assert.match(text, /réduite à la commune/);
  assert.match(text, /Droit d’accès/);
});
