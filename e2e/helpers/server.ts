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
  /** The process's exit code once stopped (null when killed by a signal). */
  exitCode(): number | null | undefined;
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

/** Marker written in a template data directory once its server stopped cleanly. */
const READY = '.e2e-template-ready';

/**
 * The data directory a test server starts from: a copy of the seeded template named by
 * E2E_TEMPLATE_DIR (made once per run by scripts/test.mjs --e2e, see buildTemplate), else empty
 * (the server then seeds the demo itself, ≈ 1 min).
 */
function freshDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'label-gen-e2e-'));
  const template = process.env.E2E_TEMPLATE_DIR;
  if (template && fs.existsSync(path.join(template, READY))) {
    fs.cpSync(template, dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, READY));
  }
  return dataDir;
}

/**
 * Seeds the demo once into `dir` (a real server start, then a clean stop), so that every browser
 * test file starts from a copy instead of seeding again. Same environment as startServer.
 */
export async function buildTemplate(dir: string): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const server = await startServer({ dataDir: dir, timeoutMs: 600_000 });
  await server.stop();
  if (server.exitCode() !== 0) throw new Error(`Le serveur du gabarit ne s’est pas arrêté proprement (code ${server.exitCode()}) :\n${server.output()}`);
  fs.writeFileSync(path.join(dir, READY), new Date().toISOString());
}

/** Starts src/main.ts; resolves once /healthz answers ok (at most `timeoutMs`). */
export async function startServer(o: { env?: Record<string, string>; timeoutMs?: number; dataDir?: string } = {}): Promise<RunningServer> {
  const port = await freePort();
  const ownDir = !o.dataDir;
  const dataDir = o.dataDir ?? freshDataDir();
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
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
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
    exitCode: () => exited,
  };
}
