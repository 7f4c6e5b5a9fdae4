import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUser, createOrganisation } from '../platform/testing/harness.js';
import { SAMPLES } from '../platform/files/files.fixtures.js';
import { setup, createDraft } from './applications.test-helpers.js';

function upload(kind: string, bytes: Uint8Array, name: string): FormData {
  const f = new FormData();
  f.append('kind', kind);
  f.append('file', new Blob([Buffer.from(bytes)]), name);
  return f;
}

test('pièces : types vérifiés sur le contenu, fichier vide et exécutable refusés, taille maximale, téléchargement réservé aux membres', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-app-files-'));
  const s = await setup({ env: { FILES_DIR: dir, MAX_UPLOAD_MB: '0.01' } });
  const url = await createDraft(s);
  for (const [kind, name, bytes] of [['qualiopi', 'q.pdf', SAMPLES.pdf], ['budget', 'b.xlsx', SAMPLES.xlsx], ['other', 'o.odt', SAMPLES.odt], ['nda', 'n.png', SAMPLES.png]] as const) {
    assert.equal((await s.client.postMultipart(`${url}/pieces`, upload(kind, bytes, name))).status, 303, name);
  }
  const exe = await s.client.postMultipart(`${url}/pieces`, upload('budget', SAMPLES.exe, 'budget.pdf'));
  assert.equal(exe.status, 422);
  assert.match(await exe.text(), /pas d’un type accepté/);
  const empty = await s.client.postMultipart(`${url}/pieces`, upload('budget', new Uint8Array(0), 'vide.pdf'));
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Le fichier est vide/);
  const big = await s.client.postMultipart(`${url}/pieces`, upload('budget', Buffer.concat([SAMPLES.pdf, Buffer.alloc(20_000)]), 'gros.pdf'));
  assert.equal(big.status, 422);
  assert.match(await big.text(), /dépasse la taille autorisée de 0 Mo|dépasse la taille autorisée/);
  const noKind = await s.client.postMultipart(`${url}/pieces`, upload('inconnu', SAMPLES.pdf, 'a.pdf'));
  assert.equal(noKind.status, 422);

  const page = await (await s.client.get(`${url}/pieces`)).text();
  const link = /href="([^"]+\/pieces\/[0-9a-f-]{36})"/.exec(page)![1]!;
  const dl = await s.client.get(link);
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.match(dl.headers.get('content-disposition')!, /attachment; filename="q.pdf"/);
  assert.ok(Buffer.from(await dl.arrayBuffer()).equals(SAMPLES.pdf));

  const other = await createUser(s.t.deps);
  await createOrganisation(s.t.deps, { admins: [other.id] });
  const c = s.t.client();
  await c.loginAs(other.id);
  assert.equal((await c.get(link)).status, 404);
  assert.equal((await s.t.client().get(link)).status, 303);

  const del = await s.client.post(`${link}/supprimer`);
  assert.equal(del.status, 303);
  assert.equal((await s.client.get(link)).status, 404);
  await s.t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
