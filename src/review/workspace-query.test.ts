import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWorkspaceQuery, workspaceSearch } from './workspace-query.js';

test('les filtres de l’espace d’instruction sont lus depuis l’adresse, les valeurs invalides sont ignorées', () => {
  const q = readWorkspaceQuery(new URLSearchParams('statut=scoring&region=11&note_min=6,5&note_max=42&tri=score&ordre=asc&page=-3&instructeur=aucun&appel=pas-un-uuid'));
  assert.equal(q.status, 'scoring');
  assert.equal(q.regionCode, '11');
  assert.equal(q.scoreMin, 6.5);
  assert.equal(q.scoreMax, undefined, 'une note au-delà de 10 est ignorée');
  assert.equal(q.sort, 'score');
  assert.equal(q.dir, 'asc');
  assert.equal(q.page, 1);
  assert.equal(q.reviewer, 'none');
  assert.equal(q.callId, undefined);
  assert.equal(readWorkspaceQuery(new URLSearchParams('statut=pirate&tri=drop')).status, undefined);
});

test('les liens gardent les filtres et changent seulement ce qui est demandé', () => {
  const q = readWorkspaceQuery(new URLSearchParams('statut=scoring&q=développeur&page=3'));
  assert.equal(workspaceSearch(q, { page: 1 }), '?statut=scoring&q=d%C3%A9veloppeur');
  assert.equal(workspaceSearch(q, { sort: 'title', dir: 'asc' }), '?statut=scoring&q=d%C3%A9veloppeur&tri=title&ordre=asc&page=3');
});
