/**
 * The label's whole journey, in a real browser against the real server (demo data on), through
 * the pages only: from an application just submitted that nobody has reviewed yet (« Administrateur
 * systèmes DevOps » of Simplon Démo, seeded by src/applications/seed.ts) to an active label listed
 * in the public catalogue.
 *
 * Inès (instructor, lead of the Île-de-France group) assigns Alex (admin) and herself; assigned, she
 * first sees the declaration of interests (organisation, SIRET, partners named) instead of the
 * application and declares « aucun lien d’intérêt ». She records the admissibility criterion by
 * criterion with the keyboard (an empty form first: error summary), then declares the application
 * admissible; she contacts the two partners and asks the Région. Each partner opens its personal
 * link (read in the admin outbox) and confirms; the Région gives its opinion. Both reviewers score
 * the 6 criteria; Alex, opening the application for the first time as a reviewer, must declare
 * first (an empty declaration shows the error summary), then declares « aucun lien d’intérêt ». Alex labels the application at the demo committee meeting with a motivation, sends the
 * decision mail; Paula, admin of the organisation, reads the decision and signs the convention (the
 * staff who countersign are told by mail); Samir (monitoring) follows the mail's link and
 * countersigns: the label is active and the training is in /formations (Samir also tries to suspend
 * another label without a motivation: error summary). Last, on the application the committee
 * deferred, Inès sends a new link to a partner whose link expired unanswered and asks the Région
 * again with a new due date. Every page visited passes axe (WCAG 2.1 AA); steps run in order and a
 * failure skips the next ones.
 */
import assert from 'node:assert/strict';
import { story, follow, pathOf } from './helpers/story.js';
import { visit, check, type Visitor } from './helpers/browser.js';
import { fill, choose, submitFormOf, clickButton, errorsShown, assertErrorSummaryFocused, linkFromOutbox } from './helpers/forms.js';

const ADMIN_EMAIL = 'admin@demo.label-gen.fr';
const INSTRUCTOR_EMAIL = 'instructeur@demo.label-gen.fr';
const MONITORING_EMAIL = 'suivi@demo.label-gen.fr';
const PORTEUR_EMAIL = 'porteur@demo.label-gen.fr';
/** The demo application submitted and never reviewed (src/applications/seed.ts, FRESH_APPLICATION_TITLE). */
const TITLE = 'Administrateur systèmes DevOps';
const PARTNERS = ['karim.haddad@nuage-services.exemple.fr', 'lea.moreau@mde-montreuil.exemple.fr'];
const REGION_CONTACT = 'avis.formation@iledefrance.exemple.fr';

const s = story();
const step = s.step;

let applicationPath = '';
let labelNumber = '';
let staffLabelPath = '';

const main = async (v: Visitor) => (await v.page.locator('main').innerText()).replace(/\s+/g, ' ');
const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Presses a key on a field reached by focus, as a keyboard user does, and waits for the page when it sends the form. */
async function pressOn(v: Visitor, selector: string, key: string, navigates = false): Promise<number> {
  await v.page.locator(selector).focus();
  if (!navigates) {
    await v.page.keyboard.press(key);
    return 0;
  }
  const [res] = await Promise.all([v.page.waitForNavigation({ waitUntil: 'load' }), v.page.keyboard.press(key)]);
  return res?.status() ?? 0;
}

/** Selects the option with this label in a select, and sends its form. */
async function selectAndSend(v: Visitor, id: string, label: string | RegExp): Promise<void> {
  const value = await v.page.locator(`#${id} option`, { hasText: label }).first().getAttribute('value');
  assert.ok(value, `option ${label} absente de #${id}`);
  await v.page.locator(`#${id}`).selectOption(value);
  const status = await submitFormOf(v.page, id);
  assert.ok(status < 400, `envoi de #${id} refusé (${status}) ${await errorsShown(v.page)}`);
  await check(v);
}

/**
 * An assigned reviewer on the declaration page (shown instead of the application): checks what it
 * names, optionally sends it empty first (error summary), then declares « aucun lien d’intérêt ».
 */
async function declareNoTie(v: Visitor, o: { emptyFirst?: boolean } = {}): Promise<void> {
  const { page } = v;
  assert.equal(pathOf(v), applicationPath);
  assert.equal(await page.locator('h1').innerText(), 'Déclaration d’intérêts', 'la déclaration avant le contenu de la candidature');
  const text = await main(v);
  assert.match(text, /Simplon Démo[\s\S]*SIRET \d{14}/, 'l’organisme et son SIRET');
  assert.match(text, /Nuage Services[\s\S]*Maison de l’emploi de Montreuil/, 'les partenaires nommés');
  assert.doesNotMatch(text, /Dossier déposé|Pièces justificatives/, 'rien du dossier avant la déclaration');
  assert.equal((await page.request.get(`${applicationPath}/dossier.pdf`)).status(), 403, 'ni le dossier en PDF');
  if (o.emptyFirst) {
    await clickButton(page, 'Enregistrer ma déclaration');
    const links = await assertErrorSummaryFocused(v, 'déclaration sans choix');
    assert.equal(links.length, 1);
  }
  await choose(page, 'choice', 'none');
  const status = await clickButton(page, 'Enregistrer ma déclaration');
  assert.ok(status < 400, `déclaration refusée ${await errorsShown(page)}`);
  await check(v);
  assert.match(await main(v), /Votre déclaration d’absence de lien d’intérêt est enregistrée[\s\S]*Dossier déposé/);
}

/** A reviewer opens the application (declaring no tie first if not done yet), and scores the 6 criteria (levels given per criterion). */
async function score(v: Visitor, levels: number[], comment: string, o: { declares: boolean }): Promise<void> {
  const { page } = v;
  await visit(v, applicationPath);
  if (o.declares) await declareNoTie(v, { emptyFirst: true });
  else assert.match(await main(v), /Dossier déposé/, 'déjà déclarée : le dossier s’ouvre directement');
  await visit(v, `${applicationPath}/notation`);
  const groups = page.locator('form fieldset:has(input[type="radio"])');
  assert.equal(await groups.count(), 6, 'les 6 critères de sélection');
  for (let i = 0; i < 6; i++) {
    const id = await groups.nth(i).locator('input[type="radio"]').nth(levels[i]!).getAttribute('id');
    await page.locator(`label[for="${id}"]`).click();
  }
  const comments = page.locator('form textarea');
  for (let i = 0; i < await comments.count(); i++) await comments.nth(i).fill(comment);
  const status = await clickButton(page, 'Enregistrer ma notation');
  assert.ok(status < 400, `notation refusée ${await errorsShown(page)}`);
  await check(v);
  assert.match(await main(v), /Votre notation est enregistrée/);
}

// ---- Instruction: assignment, admissibility, consultations ----

step('Inès, responsable du groupe Île-de-France, ouvre la candidature tout juste déposée et affecte deux instructeurs', async () => {
  const ines = await s.signedIn(INSTRUCTOR_EMAIL);
  await visit(ines, '/gestion/candidatures');
  await follow(ines, TITLE);
  applicationPath = pathOf(ines);
  assert.match(applicationPath, /^\/gestion\/candidatures\/[0-9a-f-]{36}$/);
  const text = await main(ines);
  assert.match(text, /Aucun instructeur n’est affecté/, 'personne n’a encore instruit la candidature');
  assert.match(text, /2 partenaires jamais contactés/i);
  assert.match(text, /Non consultée/i, 'la Région n’est pas encore consultée');
  await selectAndSend(ines, 'reviewerId', 'Alex Administrateur');
  // Once assigned herself, Inès sees the declaration of interests instead of the application.
  await selectAndSend(ines, 'reviewerId', 'Inès Instructrice');
  await declareNoTie(ines);
  const after = await main(ines);
  assert.match(after, /Inès Instructrice, affecté[^–]*– aucun lien d’intérêt déclaré le/);
  assert.match(after, /Alex Administrateur, affecté[^–]*– déclaration d’intérêts attendue/);
});

step('recevabilité critère par critère, au clavier : un envoi vide montre le résumé des erreurs, puis la candidature est déclarée recevable', async () => {
  const ines = await s.signedIn(INSTRUCTOR_EMAIL);
  const { page } = ines;
  await visit(ines, `${applicationPath}/recevabilite`);
  const firstRadio = 'form#avis input[type="radio"]';
  await pressOn(ines, 'form#avis button[type="submit"]', 'Enter', true);
  const links = await assertErrorSummaryFocused(ines, 'avis de recevabilité vides');
  assert.equal(links.length, 10, 'un lien par critère sans avis');
  const groups = page.locator('form#avis fieldset:has(input[type="radio"])');
  assert.equal(await groups.count(), 10, 'les 10 critères de recevabilité');
  for (let i = 0; i < 10; i++) {
    const id = await groups.nth(i).locator('input[type="radio"][value="met"]').getAttribute('id');
    await pressOn(ines, `#${id}`, 'Space');
    assert.ok(await page.locator(`#${id}`).isChecked(), `critère ${i + 1} : la barre d’espace coche « Rempli »`);
  }
  assert.ok(await page.locator(firstRadio).first().isChecked());
  const comments = page.locator('form#avis textarea');
  await comments.nth(8).fill('Certificat Qualiopi vérifié sur la liste publique des organismes certifiés.');
  await comments.nth(9).fill('Attestations fiscales et sociales demandées par courriel et reçues.');
  assert.ok(await pressOn(ines, 'form#avis button[type="submit"]', 'Enter', true) < 400, `avis refusés ${await errorsShown(page)}`);
  await check(ines);
  assert.match(await main(ines), /Les avis de recevabilité sont enregistrés/);
  const admissible = await page.locator('input[name="outcome"][value="admissible"]').getAttribute('id');
  await pressOn(ines, `#${admissible}`, 'Space');
  await page.locator('form#decision textarea[name="motivation"]').fill('Les 10 critères sont remplis.');
  assert.ok(await pressOn(ines, 'form#decision button[type="submit"]', 'Enter', true) < 400, `décision refusée ${await errorsShown(page)}`);
  await check(ines);
  assert.equal(pathOf(ines), applicationPath);
  assert.match(await main(ines), /La candidature est recevable : elle passe à la notation/);
});

step('Inès contacte les deux partenaires et demande l’avis de la Région Île-de-France', async () => {
  const ines = await s.signedIn(INSTRUCTOR_EMAIL);
  const { page } = ines;
  await visit(ines, `${applicationPath}/consultations`);
  // The hourly job may have consulted them already (admissible application): then nothing is left to send.
  if (await page.getByRole('button', { name: 'Contacter les partenaires' }).count()) {
    await clickButton(page, 'Contacter les partenaires');
    await check(ines);
    assert.match(await main(ines), /Les demandes de confirmation sont envoyées à 2 partenaires/);
  }
  if (await page.locator('#dueOn').count()) {
    await fill(page, { dueOn: isoIn(21) });
    await clickButton(page, 'Demander l’avis de la Région');
    await check(ines);
    assert.match(await main(ines), /L’avis est demandé à : Île-de-France/);
  }
  const partners = await page.locator('table:has(caption:text("Confirmations des partenaires"))').innerText();
  assert.equal((partners.match(/Demande envoyée/gi) ?? []).length, 2, `les deux partenaires sont sollicités : ${partners}`);
  assert.match(await main(ines), /Avis demandé/i);
});

step('chaque partenaire confirme par son lien personnel, lu dans la boîte d’envoi ; la Région donne un avis favorable', async () => {
  const alex = await s.signedIn(ADMIN_EMAIL);
  for (const [i, email] of PARTNERS.entries()) {
    const link = await linkFromOutbox(alex, email, /\/consultation\/partenaire\/[A-Za-z0-9_-]{43}/);
    const partner = await s.visitor();
    await visit(partner, link);
    assert.match(await main(partner), new RegExp(TITLE));
    await choose(partner.page, 'partnership', 'oui');
    await choose(partner.page, 'commitment', 'oui');
    await fill(partner.page, { comment: i === 0 ? 'Nous accueillerons les stagiaires et recruterons deux personnes.' : 'Nous orienterons les demandeurs d’emploi vers les réunions d’information.' });
    await clickButton(partner.page, 'Envoyer ma réponse');
    await check(partner);
    assert.match(await main(partner), /Votre réponse est enregistrée/);
  }
  const link = await linkFromOutbox(alex, REGION_CONTACT, /\/consultation\/region\/[A-Za-z0-9_-]{43}/);
  const region = await s.visitor();
  await visit(region, link);
  assert.match(await main(region), new RegExp(TITLE));
  await choose(region.page, 'opinion', 'favourable');
  await fill(region.page, { respondentName: 'Nadia Ferhat, chargée de mission formation', comment: 'Besoin confirmé d’administrateurs systèmes dans l’Est parisien.' });
  await clickButton(region.page, 'Envoyer l’avis');
  await check(region);
  assert.match(await main(region), /L’avis de la Région est enregistré/);

  // Inès reads the answers (Alex, assigned, has not declared his interests yet: the application stays closed to him).
  const ines = await s.signedIn(INSTRUCTOR_EMAIL);
  await visit(ines, applicationPath);
  const partners = await ines.page.locator('table:has(caption:text("Confirmations des partenaires"))').innerText();
  assert.equal((partners.match(/Partenariat confirmé/gi) ?? []).length, 2, partners);
  assert.match(await ines.page.locator('table:has(caption:text("Avis des Régions"))').innerText(), /Avis favorable/i);
  assert.doesNotMatch(await main(ines), /jamais contacté/i);
});

// ---- Scoring by two reviewers ----

step('Inès, qui a déclaré n’avoir aucun lien d’intérêt, note les 6 critères', async () => {
  await score(await s.signedIn(INSTRUCTOR_EMAIL), [4, 3, 3, 4, 3, 3], 'Besoin régional avéré, partenaires engagés.', { declares: false });
});

step('Alex, second instructeur, déclare d’abord n’avoir aucun lien d’intérêt, note à son tour et voit alors les deux notes', async () => {
  const alex = await s.signedIn(ADMIN_EMAIL);
  await score(alex, [3, 3, 4, 3, 3, 4], 'Dossier solide ; accompagnement social bien décrit.', { declares: true });
  const sheets = await alex.page.locator('table:has(caption:text("Notes par critère"))').innerText();
  assert.match(sheets, /Inès Instructrice/, 'sa note enregistrée, il voit celle d’Inès');
  assert.match(sheets, /Alex Administrateur/);
});

// ---- Committee, decision mail ----

step('en séance, Alex labellise la candidature avec une motivation, puis envoie le courrier de décision', async () => {
  const alex = await s.signedIn(ADMIN_EMAIL);
  const { page } = alex;
  await visit(alex, '/gestion/comite');
  const meeting = page.locator('tbody tr', { hasText: 'Visioconférence' }).filter({ hasText: 'À valider' }).first();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), meeting.locator('a').first().click()]);
  await check(alex);
  const meetingPath = pathOf(alex);
  const item = page.locator('tbody tr', { hasText: TITLE }).first();
  const line = (await item.innerText()).replace(/\s+/g, ' ');
  assert.match(line, /2 notes/);
  assert.match(line, /Partenaires : 2 confirmé\(s\) sur 2 sollicité\(s\)/);
  assert.match(line, /Région : Favorable/i);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), item.getByRole('link', { name: /Décider/ }).click()]);
  await check(alex);
  await choose(page, 'outcome', 'labelled');
  await fill(page, { motivation: 'Formation qui répond aux besoins régionaux, partenaires et Région favorables.' });
  const status = await submitFormOf(page, 'motivation');
  assert.ok(status < 400, `décision refusée ${await errorsShown(page)}`);
  await check(alex);
  await visit(alex, meetingPath);
  assert.match((await page.locator('tbody tr', { hasText: TITLE }).first().innerText()).replace(/\s+/g, ' '), /Labellisée/i);
  await visit(alex, `${meetingPath}/courriers`);
  await clickButton(page, /Envoyer (le courrier|les \d+ courriers) en attente/);
  await check(alex);
  assert.match(await main(alex), /Envoyé le/i);
  await visit(alex, '/gestion/labels');
  const label = page.locator('tbody tr', { hasText: TITLE }).first();
  assert.match(await label.innerText(), /En attente de convention/i);
  labelNumber = (await label.locator('a').first().innerText()).trim();
  assert.match(labelNumber, /^GEN-\d{4}-\d{4}$/);
});

// ---- The convention ----

step('Paula lit la décision motivée, puis signe la convention du nouveau label', async () => {
  const paula = await s.signedIn(PORTEUR_EMAIL);
  const { page } = paula;
  await visit(paula, '/organisations');
  await follow(paula, 'Simplon Démo');
  const orgId = pathOf(paula).split('/')[2]!;
  await visit(paula, `/organisations/${orgId}/candidatures/${applicationPath.split('/').pop()}`);
  assert.match(await main(paula), /partenaires et Région favorables/, 'la motivation de la décision est dans son espace');
  await visit(paula, `/organisations/${orgId}/labels`);
  assert.match(await main(paula), /prend fin le/, 'le bandeau de renouvellement du label de démonstration bientôt échu');
  const row = page.locator('tbody tr', { hasText: labelNumber });
  assert.match(await row.innerText(), /À signer/i);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), row.locator('a').first().click()]);
  await check(paula);
  await page.locator('label[for="jeSigne"]').click();
  assert.ok(await page.locator('#jeSigne').isChecked());
  await submitFormOf(page, 'jeSigne');
  await check(paula);
  assert.match(await main(paula), /Vous avez signé la convention/);
});

step('Samir suit le lien du courriel « convention à contresigner » et contresigne : le label est actif', async () => {
  const alex = await s.signedIn(ADMIN_EMAIL);
  const link = await linkFromOutbox(alex, MONITORING_EMAIL, /https?:\/\/[^\s]+\/gestion\/labels\/[0-9a-f-]{36}/);
  assert.match(await main(alex), new RegExp(`Convention à contresigner : ${TITLE} \\(${labelNumber}\\)`));
  staffLabelPath = new URL(link).pathname;
  const samir = await s.signedIn(MONITORING_EMAIL);
  const { page } = samir;
  await visit(samir, staffLabelPath);
  assert.match(await main(samir), new RegExp(labelNumber));
  await page.locator('label[for="contresigne"]').click();
  assert.ok(await page.locator('#contresigne').isChecked());
  await submitFormOf(page, 'contresigne');
  await check(samir);
  const text = await main(samir);
  assert.match(text, /le label est actif/);
  assert.match(text, /du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4} inclus/);
  assert.match(text, /Contresignature de la GEN/);
});

step('suspendre un label sans motivation est refusé avec le résumé des erreurs ; motivée, la suspension est enregistrée', async () => {
  const samir = await s.signedIn(MONITORING_EMAIL);
  const { page } = samir;
  await visit(samir, '/gestion/labels');
  const active = page.locator('tbody tr', { hasText: 'Technicien supérieur' }).first();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), active.locator('a').first().click()]);
  await check(samir);
  await choose(page, 'evenement', 'suspend');
  await submitFormOf(page, 'motivation');
  const links = await assertErrorSummaryFocused(samir, 'suspension sans motivation');
  assert.ok(links.includes('#motivation'));
  await fill(page, { motivation: 'Attestation de démarrage non transmise.' });
  await submitFormOf(page, 'motivation');
  await check(samir);
  assert.match(await main(samir), /Suspendu/i);
});

step('la formation labellisée apparaît dans le catalogue public /formations', async () => {
  const visitor = await s.visitor();
  const path = `/formations?q=${encodeURIComponent('DevOps')}`;
  let found = false;
  // The catalogue index follows the data version; a rebuild in progress answers from the previous index for a moment.
  for (let i = 0; i < 10 && !found; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 1000));
    await visit(visitor, path);
    found = (await main(visitor)).includes(TITLE);
  }
  assert.ok(found, `« ${TITLE} » doit être listée dans ${path}`);
  await follow(visitor, TITLE);
  assert.match(await main(visitor), /Simplon Démo/);
});

// ---- A link that expired unanswered, a Région past its due date ----

step('sur la candidature reportée, Inès envoie un nouveau lien au partenaire « sans réponse » et redemande l’avis de la Région', async () => {
  const ines = await s.signedIn(INSTRUCTOR_EMAIL);
  const { page } = ines;
  await visit(ines, '/gestion/candidatures');
  const row = page.locator('tbody tr', { hasText: 'Concepteur développeur d’applications' }).filter({ hasText: 'Numérique Solidaire Nord' }).first();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), row.getByRole('link', { name: 'Concepteur développeur d’applications' }).click()]);
  await check(ines);
  const deferredPath = pathOf(ines);
  assert.match(await main(ines), /Sans réponse/i);
  assert.match(await main(ines), /Échéance dépassée/i);
  await fill(page, { resendMotivation: 'Le partenaire a demandé un nouveau lien par téléphone.' });
  const status = await submitFormOf(page, 'resendMotivation');
  assert.ok(status < 400, `nouveau lien refusé ${await errorsShown(page)}`);
  await check(ines);
  assert.match(await main(ines), /Un nouveau lien personnel est envoyé à Entreprise Exemple/);
  // A new due date is required: the form comes back with its error summary, the motivation kept.
  await visit(ines, deferredPath);
  await fill(page, { regionResendMotivation: 'Avis attendu pour la prochaine séance.' });
  await submitFormOf(page, 'regionResendMotivation');
  const links = await assertErrorSummaryFocused(ines, 'nouvelle demande d’avis sans échéance');
  assert.deepEqual(links, ['#resendDueOn']);
  assert.equal(await page.locator('#regionResendMotivation').inputValue(), 'Avis attendu pour la prochaine séance.');
  await fill(page, { resendDueOn: isoIn(14) });
  await submitFormOf(page, 'resendDueOn');
  await check(ines);
  const text = await main(ines);
  assert.match(text, /L’avis de la Région Île-de-France est redemandé/);
  assert.match(await page.locator('table:has(caption:text("Confirmations des partenaires"))').innerText(), /Demande envoyée/i);
});
