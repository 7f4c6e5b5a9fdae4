import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance, foldText, streetKey } from './normalize.js';

test('replie casse, accents, ligatures et ponctuation', () => {
  assert.equal(foldText("  Rue de l’Œuvre-Sainte-Élisabeth, "), 'rue de l oeuvre sainte elisabeth');
});

test('donne la même clé aux écritures usuelles d’une voie', () => {
  const key = streetKey('Rue du Faubourg Saint-Antoine');
  assert.equal(key, 'rue faubourg saint antoine');
  for (const typed of ['r du fbg st antoine', 'R. FG SAINT-ANTOINE', 'rue du faubourg st-antoine']) {
    assert.equal(streetKey(typed), key, typed);
  }
  assert.equal(streetKey('bd Voltaire'), streetKey('Boulevard Voltaire'));
  assert.equal(streetKey('Place du 18 Juin 1940'), streetKey('Place du Dix-Huit Juin 1940'));
});

test('« pas » n’est un passage qu’en tête de voie', () => {
  assert.equal(streetKey('Rue du Pas de la Mule'), 'rue pas mule');
  assert.equal(streetKey('pas Brady'), 'passage brady');
});

test('mesure la distance d’édition avec transpositions', () => {
  assert.equal(editDistance('myrha', 'myrha'), 0);
  assert.equal(editDistance('myrha', 'mryha'), 1);
  assert.equal(editDistance('myrha', 'mirha'), 1);
  assert.equal(editDistance('myrha', 'myra'), 1);
  assert.equal(editDistance('voltaire', 'vaugirard', 1), 2, 'borné : max + 1');
});
