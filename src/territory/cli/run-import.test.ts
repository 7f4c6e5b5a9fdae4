import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runImportCli } from './run-import.js';

async function captureStderr(run: () => Promise<number>): Promise<{ code: number; stderr: string }> {
  const original = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await run(), stderr };
  } finally {
    process.stderr.write = original;
  }
}

test('sans arguments, la commande affiche son usage en français et sort en code 2', async () => {
  const { code, stderr } = await captureStderr(() => runImportCli('qpv', [], 'exemple'));
  assert.equal(code, 2);
  assert.match(stderr, /Usage : .* FICHIER VERSION DEBUT_VALIDITE \[FIN_VALIDITE\]/);
  assert.match(stderr, /AAAA-MM-JJ/);
});

test('un fichier introuvable est signalé avant toute ouverture de la base', async () => {
  const { code, stderr } = await captureStderr(() => runImportCli('zrr', ['/nulle/part.csv', 'zrr-2017', '2017-07-01'], 'exemple'));
  assert.equal(code, 1);
  assert.match(stderr, /Impossible de lire \/nulle\/part\.csv : ENOENT/);
});
