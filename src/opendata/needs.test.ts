import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogueEntry } from '../catalogue/search.js';
import { answersJob, jobKeyPhrase, needsOfRegion, parseJobs } from './needs.js';

const entry = (number: string, title: string, region: string, o: Partial<CatalogueEntry> = {}) => ({
  number, title, targetJobs: '', cert: { register: null, code: null, title: null, level: null },
  places: [{ region }], sessions: [], organisation: { name: 'Org' }, ...o,
}) as unknown as CatalogueEntry;

test('phrase clé d’un métier : avant la parenthèse et la première barre oblique', () => {
  assert.equal(jobKeyPhrase('Développeur (full-stack, front-end, back-end, DevOps, mobile)'), 'Développeur');
  assert.equal(jobKeyPhrase('Chargé de communication digitale/web'), 'Chargé de communication digitale');
  assert.equal(jobKeyPhrase('Chef de projet web / digital / fonctionnel / technique'), 'Chef de projet web');
});

test('une formation répond à un métier quand tous ses mots y figurent (accents, genre et pluriel ignorés)', () => {
  assert.equal(answersJob('Développeur (full-stack)', entry('A', 'Développeuse web et web mobile', '11')), true);
  assert.equal(answersJob('Technicien systèmes et réseau', entry('B', 'Technicien supérieur systèmes et réseaux', '84')), true);
  assert.equal(answersJob('Technicien systèmes et réseau', entry('C', 'Technicien de maintenance', '84')), false, 'il manque des mots');
  assert.equal(answersJob('Data analyst', entry('D', 'Formation numérique', '11', { targetJobs: 'Data analyst junior' })), true, 'les métiers visés comptent');
  assert.equal(answersJob('Designer UX/UI', entry('E', 'Concepteur', '11', { cert: { register: 'RNCP', code: 'RNCP1', title: 'Designer UX', level: '6' } })), true, 'la certification compte');
});

test('besoins d’une région : seules les formations de la région', () => {
  const rows = needsOfRegion(['Développeur (mobile)', 'Community manager'], '32', [entry('A', 'Développeur web', '11'), entry('B', 'Développeuse d’applications', '32')]);
  assert.deepEqual(rows.map((r) => [r.job, r.trainings.map((e) => e.number)]), [['Développeur (mobile)', ['B']], ['Community manager', []]]);
});

test('saisie des métiers : une ligne par métier, doublons et lignes vides écartés, limites', () => {
  assert.deepEqual(parseJobs('  Développeur \n\nDéveloppeur\r\nData   analyst\n'), { ok: true, jobs: ['Développeur', 'Data analyst'] });
  assert.equal(parseJobs(' \n ').ok, false);
  assert.equal(parseJobs(Array.from({ length: 31 }, (_, i) => `Métier ${i}`).join('\n')).ok, false);
  assert.equal(parseJobs('x'.repeat(151)).ok, false);
});
