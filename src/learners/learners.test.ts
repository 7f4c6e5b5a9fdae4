import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_2021 } from '../calls/call-2021.data.js';
import { addMonths, checkRosterMapping, guessRosterMapping, isPastRetention, LEARNER_FIELDS, parseFrenchDate, readRoster, rosterTemplateCsv, validateLearner } from './learners.js';
import { indicators, indicatorRows, formatShare, type LearnerFacts } from './indicators.js';

const TODAY = '2026-03-01';
const good = { nom: 'Martin', prenom: 'Camille', sexe: 'Femme', date_naissance: '14/03/1999', courriel: 'c.martin@exemple.fr', telephone: '06 12 34 56 78', adresse: '29 rue Myrha 75018 Paris', niveau: 'Bac+2', situation: 'Demandeur d’emploi', rqth: 'non', aide_crous: 'oui' };

test('un apprenant complet est accepté, avec les libellés usuels reconnus', () => {
  const r = validateLearner(good, TODAY);
  assert.ok(r.ok);
  assert.equal(r.data.sex, 'F');
  assert.equal(r.data.birthDate, '1999-03-14');
  assert.equal(r.data.educationLevel, 'bac_2');
  assert.equal(r.data.entrySituation, 'job_seeker');
  assert.equal(r.data.crousAid, true);
  assert.equal(r.data.rqth, false);
  const r2 = validateLearner({ ...good, sexe: 'H', niveau: 'infra-bac', situation: 'RSA', courriel: '', telephone: '', rqth: '', aide_crous: '' }, TODAY);
  assert.ok(r2.ok);
  assert.equal(r2.data.sex, 'M');
  assert.equal(r2.data.educationLevel, 'infra_bac');
  assert.equal(r2.data.email, null);
  assert.ok(validateLearner({ ...good, niveau: '≥ bac+3' }, TODAY).ok);
});

test('chaque champ faux reçoit son message en français', () => {
  const r = validateLearner({ nom: '', prenom: 'A', sexe: 'X', date_naissance: '31/02/2000', courriel: 'pas-un-courriel', telephone: 'abc', adresse: '', niveau: 'doctorat ès lettres', situation: 'retraité', rqth: 'peut-être', aide_crous: 'non' }, TODAY);
  assert.ok(!r.ok);
  assert.deepEqual(Object.keys(r.errors).sort(), ['adresse', 'courriel', 'date_naissance', 'niveau', 'nom', 'rqth', 'sexe', 'situation', 'telephone'].sort());
  assert.match(r.errors.date_naissance!, /n’existe pas/);
  assert.match(r.errors.sexe!, /F ou M/);
  const future = validateLearner({ ...good, date_naissance: '2027-01-01' }, TODAY);
  assert.ok(!future.ok && /futur/.test(future.errors.date_naissance!));
});

test('les dates : 29 février des années bissextiles seulement, deux formats', () => {
  assert.equal(parseFrenchDate('29/02/2000'), '2000-02-29');
  assert.equal(parseFrenchDate('29/02/2001'), null);
  assert.equal(parseFrenchDate('2001-12-31'), '2001-12-31');
  assert.equal(parseFrenchDate('1/2/2001'), '2001-02-01');
  assert.equal(parseFrenchDate('hier'), null);
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
});

test('la correspondance des colonnes est devinée depuis l’en-tête du modèle et vérifiée', () => {
  const header = LEARNER_FIELDS.map((f) => f.label);
  const m = guessRosterMapping(header);
  assert.deepEqual(Object.values(m), header.map((_, i) => i));
  assert.deepEqual(checkRosterMapping(m, header.length), {});
  const other = guessRosterMapping(['E-mail', 'NOM', 'Prénom', 'Genre', 'Né le', 'Adresse postale', 'Niveau', 'Statut']);
  assert.equal(other.courriel, 0);
  assert.equal(other.nom, 1);
  assert.equal(other.date_naissance, 4);
  assert.equal(other.rqth, null);
  assert.deepEqual(checkRosterMapping(other, 8), {});
  const broken = checkRosterMapping({ ...other, prenom: 1, adresse: null }, 8);
  assert.ok(broken.col_prenom && broken.col_adresse);
  assert.ok(rosterTemplateCsv().startsWith('\ufeffNom;Prénom;Sexe;Date de naissance'));
});

test('l’import liste toutes les erreurs par ligne et par colonne, y compris les doublons, et ne garde rien', () => {
  const header = LEARNER_FIELDS.map((f) => f.label);
  const row = (o: Partial<typeof good>) => LEARNER_FIELDS.map((f) => ({ ...good, ...o } as Record<string, string>)[f.key] ?? '');
  const rows = [
    { line: 2, cells: row({}) },
    { line: 3, cells: row({ nom: 'Durand', date_naissance: '32/01/2000' }) },
    { line: 4, cells: row({ nom: 'Petit', sexe: '?', courriel: 'faux' }) },
    { line: 5, cells: row({}) },
  ];
  const r = readRoster(header, rows, guessRosterMapping(header), TODAY);
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.map((e) => [e.line, e.column]), [[3, 'Date de naissance'], [4, 'Sexe'], [4, 'Courriel'], [5, 'Nom']]);
  assert.match(r.errors[3]!.message, /ligne 2/);
  const ok = readRoster(header, rows.slice(0, 1), guessRosterMapping(header), TODAY, [{ lastName: 'Autre', firstName: 'X', birthDate: '1990-01-01' }]);
  assert.ok(ok.ok && ok.learners.length === 1 && ok.learners[0]!.line === 2);
  const dup = readRoster(header, rows.slice(0, 1), guessRosterMapping(header), TODAY, [{ lastName: 'MARTIN', firstName: 'camille', birthDate: '1999-03-14' }]);
  assert.ok(!dup.ok && /déjà dans la liste/.test(dup.errors[0]!.message));
});

test('la conservation : effacement une fois la fin du label et la durée de conservation passées', () => {
  assert.equal(isPastRetention('2026-06-14', 12, '2027-06-14'), false);
  assert.equal(isPastRetention('2026-06-14', 12, '2027-06-15'), true);
  assert.equal(isPastRetention(null, 12, '2099-01-01'), false);
});

const base: LearnerFacts = { sex: 'M', educationLevel: 'bac_2', placement: 'placed', inQpv: false, inZrrFrr: false, leftOn: null, completion: null, certification: null, situation3m: null, situation6m: null };

test('les indicateurs comptent les parts et les comparent aux objectifs de l’appel', () => {
  const ls: LearnerFacts[] = [
    { ...base, sex: 'F', inQpv: true, educationLevel: 'infra_bac', certification: 'full', situation3m: 'cdi', situation6m: 'cdi' },
    { ...base, sex: 'F', inZrrFrr: true, educationLevel: 'bac', certification: 'partial', situation3m: 'job_seeking', situation6m: 'work_study' },
    { ...base, certification: 'not_presented', leftOn: '2026-02-01', completion: 'left', situation3m: 'unknown' },
    { ...base, placement: 'unplaced', inQpv: null, inZrrFrr: null, certification: 'full', situation3m: 'interim' },
    ...Array.from({ length: 6 }, () => ({ ...base, certification: 'no' as const })),
  ];
  const i = indicators(ls, RULES_2021);
  assert.equal(i.count, 10);
  assert.equal(i.unplaced, 1);
  assert.deepEqual([i.women.num, i.women.den, i.women.meets], [2, 10, false]);
  assert.deepEqual([i.priorityArea.num, i.priorityArea.meets], [2, false]);
  assert.equal(i.qpv.num, 1);
  assert.equal(i.zrrFrr.num, 1);
  assert.equal(i.bacOrBelow.num, 2);
  assert.deepEqual([i.examSuccess.num, i.examSuccess.den], [2, 9]);
  // Intérim is not positive in 2021: 1 of 4 declared at 3 months.
  assert.deepEqual([i.positive3m.num, i.positive3m.den, i.positive3m.small, i.positive3m.meets], [1, 4, true, false]);
  assert.deepEqual([i.positive6m.num, i.positive6m.den, i.positive6m.meets], [2, 2, true]);
  assert.equal(i.dropouts.num, 1);
  assert.equal(formatShare(i.women), '20 %');
  // The rule is data of the call: counting intérim changes the result.
  const j = indicators(ls, { ...RULES_2021, positiveSituations: ['cdi', 'interim'] });
  assert.equal(j.positive3m.num, 2);
});

test('un groupe vide ou petit : pas de 0 % trompeur, effectif signalé', () => {
  const i = indicators([], RULES_2021);
  assert.equal(i.women.value, null);
  assert.equal(i.women.meets, null);
  assert.equal(formatShare(i.women), '—');
  const rows = indicatorRows(indicators([{ ...base, sex: 'F' }], RULES_2021));
  const women = rows.find((r) => r.key === 'women')!;
  assert.equal(women.value, '100 %');
  assert.match(women.verdict, /effectif trop faible/);
  assert.equal(rows[0]!.verdict, 'Objectif non atteint');
});
