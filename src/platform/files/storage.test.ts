import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDiskStorage, isSafeKey, newStorageKey } from './storage.js';

test('le stockage sur disque écrit, relit et supprime un fichier', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-files-'));
  const s = localDiskStorage(dir);
  const key = newStorageKey('applications/abc');
  await s.put(key, Buffer.from('bonjour'));
  assert.equal((await s.get(key))?.toString(), 'bonjour');
  await s.delete(key);
  assert.equal(await s.get(key), null);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('une clé qui sortirait du dossier est refusée', async () => {
  assert.equal(isSafeKey('../etc/passwd'), false);
  assert.equal(isSafeKey('/etc/passwd'), false);
  assert.equal(isSafeKey('a/../../b'), false);
  assert.equal(isSafeKey('applications/1234/abcd-ef'), true);
  await assert.rejects(localDiskStorage(os.tmpdir()).put('../x', Buffer.from('x')));
});
