/**
 * Antivirus hook: every upload goes through a Scanner. With CLAMAV_URL set, the bytes are streamed
 * to clamd with the INSTREAM command; without it, nothing is scanned (development, demo).
 */
import net from 'node:net';

/** Outcome of a scan. */
export type ScanResult = { clean: true } | { clean: false; signature: string };

/** What the platform needs from an antivirus. */
export interface Scanner {
  /** Scans bytes; rejects when the antivirus cannot answer (the upload is then refused). */
  scan(bytes: Uint8Array): Promise<ScanResult>;
}

/** No antivirus configured: every file passes. */
export const noScanner: Scanner = { scan: async () => ({ clean: true }) };

const CHUNK = 64 * 1024;

/** A clamd scanner at tcp://host:port, speaking the INSTREAM protocol (null-terminated commands). */
export function clamdScanner(url: string, opts: { timeoutMs?: number } = {}): Scanner {
  const u = new URL(url);
  const host = u.hostname;
  const port = Number(u.port || 3310);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return {
    scan: (bytes) => new Promise<ScanResult>((resolve, reject) => {
      const socket = net.createConnection({ host, port });
      const replies: Buffer[] = [];
      let settled = false;
      const fail = (e: Error) => { if (!settled) { settled = true; socket.destroy(); reject(e); } };
      socket.setTimeout(timeoutMs, () => fail(new Error('clamd : délai dépassé')));
      socket.on('error', fail);
      socket.on('connect', () => {
        socket.write('zINSTREAM\0');
        for (let i = 0; i < bytes.length; i += CHUNK) {
          const part = bytes.subarray(i, Math.min(i + CHUNK, bytes.length));
          const len = Buffer.alloc(4);
          len.writeUInt32BE(part.length);
          socket.write(len);
          socket.write(part);
        }
        socket.write(Buffer.alloc(4));
      });
      socket.on('data', (d) => replies.push(d));
      socket.on('end', () => {
        if (settled) return;
        settled = true;
        socket.destroy();
        const parsed = parseClamdReply(Buffer.concat(replies).toString('utf8'));
        if (parsed instanceof Error) reject(parsed);
        else resolve(parsed);
      });
    }),
  };
}

/** Reads clamd's answer: "stream: OK", "stream: <name> FOUND", or an error. */
export function parseClamdReply(raw: string): ScanResult | Error {
  const reply = raw.replace(/\0+$/, '').trim();
  if (/^stream: OK$/.test(reply)) return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return { clean: false, signature: found[1]! };
  return new Error(`clamd : réponse inattendue « ${reply.slice(0, 200)} »`);
}
