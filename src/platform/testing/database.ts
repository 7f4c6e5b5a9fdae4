/**
 * Fresh databases for tests. PGlite: every test database starts from a migrated snapshot built
 * once (0.6 s instead of 4 s). PostgreSQL (TEST_DATABASE_URL): a new database per test, cloned
 * from a migrated template.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, MIGRATIONS_DIR, type Database } from '../db/index.js';

const CACHE_DIR = path.resolve(MIGRATIONS_DIR, '../node_modules/.cache/label-gen');

function migrationsHash(): string {
  const h = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(e.name).update(fs.readFileSync(p));
    }
  };
  walk(MIGRATIONS_DIR);
  return h.digest('hex').slice(0, 16);
}

let snapshot: Promise<Blob> | null = null;

async function pgliteSnapshot(): Promise<Blob> {
  const file = path.join(CACHE_DIR, `pglite-${migrationsHash()}.tgz`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const db = await openDb({});
  const blob = await db.dump!();
  await db.close();
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file);
  return blob;
}

/** A migrated, empty database for one test; close() destroys it. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return openPostgresTestDb(url);
  snapshot ??= pgliteSnapshot();
  return openDb({ loadDataDir: await snapshot, migrate: false });
}

async function openPostgresTestDb(adminUrl: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const tpl = `lg_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(7331)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [tpl]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${tpl}`);
      const t = await openDb({ url: withDb(adminUrl, tpl) });
      await t.close();
    }
    const name = `lg_t_${crypto.randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name} template ${tpl}`);
    await admin.query('select pg_advisory_unlock(7331)');
    const db = await openDb({ url: withDb(adminUrl, name), migrate: false });
    return {
      ...db,
      close: async () => {
        await db.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  } finally {
    await admin.end();
  }
}

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
