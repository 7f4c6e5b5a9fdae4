import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { applicationSections, applicationFiles } from './applications.schema.js';
import { completeValues } from './sample-values.js';
import { setup, createDraft } from './applications.test-helpers.js';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

test('10 Mo de texte dans un champ : rien n’est enregistré, la page l’explique (422) ; en autosave aussi', async () => {
  const s = await setup();
  const url = await createDraft(s);
  const res = await s.client.post(`${url}/sections/formation`, { ...completeValues().training, summary: TEN_MB, version: '0' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /Rien n’a été enregistré : un texte dépasse la longueur autorisée/);
  assert.match(html, /<title>Erreur : Formation/);
  const auto = await s.client.post(`${url}/sections/formation`, { ...completeValues().training, summary: TEN_MB, version: '0' }, { headers: { 'x-autosave': '1' } });
  assert.equal(auto.status, 422);
  assert.equal((await auto.json()).reason, 'oversized');
  assert.equal((await s.t.deps.database.db.select().from(applicationSections).where(eq(applicationSections.sectionKey, 'training'))).length, 0);
  await s.t.close();
});

test('10 Mo de texte envoyés comme « budget.pdf » : refusé d’après le contenu, rien n’est gardé', async () => {
  const s = await setup();
  const url = await createDraft(s);
  const f = new FormData();
  f.append('kind', 'budget');
  f.append('file', new Blob([Buffer.from(TEN_MB)]), 'budget.pdf');
  const res = await s.client.postMultipart(`${url}/pieces`, f);
  assert.equal(res.status, 422);
  assert.match(await res.text(), /pas d’un type accepté/);
  assert.equal((await s.t.deps.database.db.select().from(applicationFiles)).length, 0);
  await s.t.close();
});
