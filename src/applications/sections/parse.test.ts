import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrenchNumber, parseDate } from './fields.js';
import { readSection, pickValues, parseRowAction, applyRowAction } from './parse.js';
import { SECTIONS, sectionBySlug, sectionByKey } from './catalogue.js';
import { completeValues } from '../sample-values.js';

const ctx = { jobFamilies: [{ value: 'F1', label: 'Programmation et développement' }] };
const duration = sectionByKey('duration');

test('les nombres sont lus à la française', () => {
  assert.equal(parseFrenchNumber('1 200,5'), 1200.5);
  assert.equal(parseFrenchNumber('1\u202f200'), 1200);
  assert.equal(parseFrenchNumber('1200.5'), 1200.5);
  assert.equal(parseFrenchNumber('-3'), -3);
  assert.equal(parseFrenchNumber('1.200,5'), null);
  assert.equal(parseFrenchNumber('douze'), null);
});

test('les dates sont acceptées au format du champ date ou JJ/MM/AAAA, et doivent exister', () => {
  assert.equal(parseDate('2026-09-01'), '2026-09-01');
  assert.equal(parseDate('1/9/2026'), '2026-09-01');
  assert.equal(parseDate('2026-02-30'), null);
  assert.equal(parseDate('31/02/2026'), null);
});

test('chaque section complète de l’exemple est complète et sans erreur', () => {
  const all = completeValues();
  for (const def of SECTIONS) {
    const r = readSection(def, all[def.key], ctx);
    assert.deepEqual(r.errors, {}, def.key);
    assert.deepEqual(r.missing, [], def.key);
    assert.equal(r.completed, true, def.key);
  }
});

test('« 1 200,5 » heures est accepté et rangé comme nombre', () => {
  const r = readSection(duration, { ...completeValues().duration, totalHours: '1 200,5', centreHours: '1 000,5' }, ctx);
  assert.equal(r.data.totalHours, 1200.5);
  assert.equal(r.errors.totalHours, undefined);
});

test('des heures négatives sont refusées, la valeur tapée est gardée', () => {
  const r = readSection(duration, { ...completeValues().duration, totalHours: '-10' }, ctx);
  assert.equal(r.errors.totalHours, 'Nombre total d’heures de formation ne peut pas être négatif.');
  assert.equal(r.values.totalHours, '-10');
  assert.equal(r.data.totalHours, undefined);
  assert.equal(r.completed, false);
});

test('un texte à la place d’un nombre donne un message qui cite l’exemple', () => {
  const r = readSection(duration, { ...completeValues().duration, months: 'neuf' }, ctx);
  assert.match(r.errors.months!, /sous forme de nombre, par exemple 1 200,5/);
});

test('une session qui finit avant de commencer est signalée sur la date de fin', () => {
  const v = { ...completeValues().places, 'sessions-1-end': '2027-08-01' };
  const r = readSection(sectionByKey('places'), v, ctx);
  assert.equal(r.errors['sessions-1-end'], 'Session 2 : la date de fin doit être postérieure à la date de début.');
});

test('un texte trop long est une erreur et bloque l’enregistrement', () => {
  const r = readSection(sectionByKey('training'), { ...completeValues().training, summary: 'x'.repeat(3001) }, ctx);
  assert.match(r.errors.summary!, /ne doit pas dépasser 3\s000 caractères/);
  assert.deepEqual(r.oversized, ['summary']);
  const ok = readSection(sectionByKey('training'), { ...completeValues().training, summary: 'x'.repeat(3000) }, ctx);
  assert.deepEqual(ok.oversized, []);
});

test('une section vide est incomplète mais sans erreur de format', () => {
  const r = readSection(duration, {}, ctx);
  assert.deepEqual(r.errors, {});
  assert.equal(r.completed, false);
  assert.ok(r.missing.some((m) => m.name === 'totalHours'));
  assert.ok(r.missing.some((m) => m.label.startsWith('Modules')));
});

test('un champ obligatoire sous condition ne l’est que si la condition vaut', () => {
  const t = sectionByKey('training');
  const owned = readSection(t, { ...completeValues().training, certOwned: 'oui' }, ctx);
  assert.equal(owned.completed, true);
  const partner = readSection(t, { ...completeValues().training, certOwned: 'non' }, ctx);
  assert.deepEqual(partner.missing.map((m) => m.name), ['partnershipEndDate']);
});

test('les cross-contrôles : heures en centre + à distance = total, code RNCP bien formé', () => {
  const r = readSection(duration, { ...completeValues().duration, distanceHours: '300' }, ctx);
  assert.match(r.errors.distanceHours!, /doivent faire le total de 1\s200 h/);
  const t = readSection(sectionByKey('training'), { ...completeValues().training, certCode: 'RS5487' }, ctx);
  assert.equal(t.errors.certCode, 'Le code doit être de la forme RNCP12345.');
});

test('un choix hors liste est refusé (famille de métiers inconnue de l’appel)', () => {
  const r = readSection(sectionByKey('training'), { ...completeValues().training, jobFamily: 'F99' }, ctx);
  assert.equal(r.errors.jobFamily, 'Choisissez famille de métiers du numérique dans la liste.');
});

test('seuls les champs connus sont retenus d’un formulaire envoyé', () => {
  const v = pickValues(duration, { totalHours: ' 400 ', state: 'submitted', 'modules-count': '1', 'modules-0-name': 'A', 'modules-5-name': 'x' });
  assert.equal(v.totalHours, '400');
  assert.equal(v.state, undefined);
  assert.equal(v['modules-5-name'], undefined);
});

test('ajouter et retirer des lignes sans JavaScript', () => {
  const base = completeValues().duration;
  assert.deepEqual(parseRowAction(duration, 'ajouter:modules'), { kind: 'add', group: 'modules' });
  assert.equal(parseRowAction(duration, 'ajouter:inconnu'), null);
  const added = applyRowAction(duration, base, { kind: 'add', group: 'modules' });
  assert.equal(added['modules-count'], '3');
  const removed = applyRowAction(duration, base, parseRowAction(duration, 'retirer:modules:0')!);
  assert.equal(removed['modules-count'], '1');
  assert.equal(removed['modules-0-name'], 'Applications et bases de données');
  assert.equal(removed['modules-1-name'], undefined);
});

test('chaque section a un chemin unique', () => {
  const slugs = SECTIONS.map((s) => s.slug);
  assert.equal(new Set(slugs).size, slugs.length);
  assert.equal(sectionBySlug('duree-et-rythme')?.key, 'duration');
  assert.equal(sectionBySlug('inconnue'), null);
});
