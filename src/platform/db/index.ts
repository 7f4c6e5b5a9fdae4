/**
 * One schema, two drivers: embedded PGlite (default, files under DATA_DIR/pglite) or a real
 * PostgreSQL server when DATABASE_URL is set. Migrations are applied at every open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema.js';

/** The database handle every store receives. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, usable wherever a store accepts a Db. */
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
/** Either a database or an open transaction. */
export type DbOrTx = Db | Tx;

/** Raw SQL access, used by pg-boss and by maintenance commands. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs SQL that may hold several statements when it has no parameters (pg-boss needs it). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** An open database with its driver kind and a way to close it. */
export interface Database {
  db: Db;
  raw: RawSql;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Only for PGlite: a tarball of the data directory (used to snapshot a migrated test database). */
  dump?(): Promise<Blob>;
}

/** Where the SQL migrations live. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Options to open the database. */
export interface OpenOptions {
  /** postgres:// URL: use a real server. */
  url?: string;
  /** PGlite data directory; undefined = in memory. */
  dataDir?: string;
  /** PGlite: start from a dumped data directory (tarball), skipping initdb. */
  loadDataDir?: Blob;
  /** Apply migrations (default true). */
  migrate?: boolean;
}

/** Open the database and apply pending migrations. */
export async function openDb(opts: OpenOptions = {}): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.migrate ?? true);
  return openPglite(opts);
}

async function openPostgres(url: string, doMigrate: boolean): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // Timestamps come back as strings (not parsed Date) only where drizzle asks for them; keep pg defaults.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection closed by the server (restart, failover, database dropped) must not crash the
  // process: pg emits it on the pool, which then replaces the connection on the next query.
  let ending = false;
  pool.on('error', (err) => { if (!ending) console.warn(`PostgreSQL : connexion inactive perdue (${err.message})`); });
  const db = drizzle(pool, { schema }) as unknown as Db;
  if (doMigrate) await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    kind: 'postgres',
    raw: {
      query: async (text, values) => pool.query(text, values as unknown[]) as never,
      executeSql: async (text, values) => pool.query(text, values as unknown[]) as never,
    },
    close: () => { ending = true; return pool.end(); },
  };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (opts.dataDir) fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { unaccent, pg_trgm },
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  if (opts.migrate ?? true) await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    kind: 'pglite',
    raw: {
      query: async (text, values) => client.query(text, values as unknown[]) as never,
      executeSql: async (text, values) => {
        if (values && values.length > 0) return client.query(text, values) as never;
        const results = await client.exec(text);
        return (results[results.length - 1] ?? { rows: [] }) as never;
      },
    },
    close: () => client.close(),
    dump: async () => client.dumpDataDir('gzip') as Promise<Blob>,
  };
}

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR/pglite. */
export function configuredDb(config: { DATABASE_URL?: string; dataDir: string }): { open: () => Promise<Database>; where: string } {
  const dataDir = path.join(config.dataDir, 'pglite');
  return config.DATABASE_URL
    ? { open: () => openDb({ url: config.DATABASE_URL }), where: 'PostgreSQL (DATABASE_URL)' }
    : { open: () => openDb({ dataDir }), where: `PGlite embarqué (${dataDir})` };
}
