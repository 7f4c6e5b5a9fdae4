import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { clamdScanner, parseClamdReply } from './clamav.js';
import { checkUpload } from './upload.js';
import { SAMPLES } from './files.fixtures.js';

const EICAR_MARK = 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE';

/** A fake clamd on 127.0.0.1: reads INSTREAM chunks, answers FOUND when the EICAR mark is inside. */
async function fakeClamd(behaviour: 'scan' | 'garbage' = 'scan'): Promise<{ url: string; received: Buffer[]; close: () => Promise<void> }> {
  const received: Buffer[] = [];
  const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (!buf.subarray(0, 10).equals(Buffer.from('zINSTREAM\0'))) return;
      let p = 10;
      const parts: Buffer[] = [];
      for (;;) {
        if (p + 4 > buf.length) return;
        const len = buf.readUInt32BE(p);
        if (len === 0) break;
        if (p + 4 + len > buf.length) return;
        parts.push(buf.subarray(p + 4, p + 4 + len));
        p += 4 + len;
      }
      const content = Buffer.concat(parts);
      received.push(content);
      const reply = behaviour === 'garbage' ? 'INSTREAM size limit exceeded. ERROR\0'
        : content.includes(EICAR_MARK) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0';
      sock.end(reply);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return { url: `tcp://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(() => r())) };
}

test('clamd reçoit le fichier entier en morceaux INSTREAM et répond OK pour un fichier sain', async () => {
  const clamd = await fakeClamd();
  const big = Buffer.concat([SAMPLES.pdf, Buffer.alloc(200_000, 0x20)]);
  const res = await clamdScanner(clamd.url).scan(big);
  assert.deepEqual(res, { clean: true });
  assert.ok(clamd.received[0]!.equals(big));
  await clamd.close();
});

test('un fichier infecté est refusé avec le nom de la signature', async () => {
  const clamd = await fakeClamd();
  const infected = Buffer.concat([SAMPLES.pdf, Buffer.from(EICAR_MARK)]);
  assert.deepEqual(await clamdScanner(clamd.url).scan(infected), { clean: false, signature: 'Eicar-Test-Signature' });
  const r = await checkUpload(infected, 'a.pdf', 1_000_000, clamdScanner(clamd.url));
  assert.equal(r.ok, false);
  assert.match((r as { message: string }).message, /antivirus a détecté/);
  await clamd.close();
});

test('un antivirus injoignable ou une réponse inattendue refusent le fichier', async () => {
  const clamd = await fakeClamd('garbage');
  const r = await checkUpload(SAMPLES.pdf, 'a.pdf', 1_000_000, clamdScanner(clamd.url));
  assert.match((r as { message: string }).message, /momentanément indisponible/);
  await clamd.close();
  const down = await checkUpload(SAMPLES.pdf, 'a.pdf', 1_000_000, clamdScanner(clamd.url, { timeoutMs: 2000 }));
  assert.equal(down.ok, false);
});

test('la réponse de clamd est lue strictement', () => {
  assert.deepEqual(parseClamdReply('stream: OK\0'), { clean: true });
  assert.ok(parseClamdReply('') instanceof Error);
});
