/**
 * Starts the real server (src/main.ts as a child process) on a free loopback port, on a fresh
 * PGlite database in a temp directory, with the demo data and the job queue, and waits for
 * /healthz. Everything the browser tests do goes through HTTP, like a person would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A running server. */
export interface RunningServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** What the server printed at start (URL, demo accounts, TOTP secrets). */
  output(): string;
  /** The TOTP secret printed for a demo staff account. */
  totpSecret(email: string): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts src/main.ts; resolves once /healthz answers ok (at most `timeoutMs`). */
export async function startServer(o: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'label-gen-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: url,
      DEMO_DATA: '1',
      JOBS: '1',
      LOG_LEVEL: 'warn',
      ...o.env,
    },
  });
  child.stdout!.on('data', (b) => { out += b; });
  child.stderr!.on('data', (b) => { out += b; });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.on('exit', (code) => { exited = code; resolve(); }));

  const stop = async () => {
    if (exited === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (o.timeoutMs ?? 240_000);
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`Le serveur s’est arrêté au démarrage (code ${exited}) :\n${out}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && /Comptes de démonstration|démarré/.test(out)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Le serveur n’a pas répondu sur ${url}/healthz à temps :\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    output: () => out,
    totpSecret(email: string) {
      const at = out.indexOf(email);
      const m = at >= 0 ? /secret ([A-Z2-7]{16,})/.exec(out.slice(at, at + 400)) : null;
      if (!m) throw new Error(`Aucun secret TOTP affiché pour ${email} au démarrage :\n${out}`);
      return m[1]!;
    },
    stop,
  };
}
