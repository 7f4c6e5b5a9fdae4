import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, stem, stems, words, stemMatches } from './text.js';

test('les accents, la casse et les ligatures sont ignorés', () => {
  assert.equal(fold('Développeur ÉCOLE Cœur'), 'developpeur ecole coeur');
});

test('« développeuse », « développeurs », « développement » et « développer » ont la même racine que « développeur »', () => {
  const root = stem(fold('développeur'));
  for (const w of ['développeuse', 'développeurs', 'développeuses', 'développement', 'développer', 'DÉVELOPPEUR']) {
    assert.equal(stem(fold(w)), root, w);
  }
});

test('féminins et pluriels courants du numérique se rejoignent', () => {
  assert.equal(stem('administratrice'), stem('administrateur'));
  assert.equal(stem('administration'), stem('administrateur'));
  assert.equal(stem('technicienne'), stem('technicien'));
  assert.equal(stem('reseaux'), stem('reseau'));
  assert.equal(stem('securite'), stem('securites'));
  assert.equal(stem('analyste'), stem('analystes'));
});

test('des mots différents gardent des racines différentes', () => {
  assert.notEqual(stem('reseau'), stem('donnees'));
  assert.notEqual(stem('developpeur'), stem('designer'));
  assert.equal(stem('web'), 'web');
  assert.equal(stem('rncp31114'), 'rncp31114');
});

test('les élisions et les mots vides sont retirés', () => {
  assert.deepEqual(words("L'analyste d’exploitation et de la donnée"), ['analyste', 'exploitation', 'donnee']);
  assert.deepEqual(stems('Développeuse web'), [stem('developpeur'), 'web']);
});

test('une racine de 4 lettres ou plus trouve les mots qui la prolongent (saisie en cours)', () => {
  assert.equal(stemMatches('deve', 'developp'), true);
  assert.equal(stemMatches('dev', 'developp'), false);
  assert.equal(stemMatches('web', 'web'), true);
});
