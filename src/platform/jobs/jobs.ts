/**
 * Background jobs. In the running platform they go through pg-boss (tables in the same database,
 * so PGlite and PostgreSQL both work); tests use the inline runner, which runs a job right away.
 */
import PgBoss from 'pg-boss';
import type { RawSql } from '../db/index.js';
import { log } from '../log.js';

/** A job handler. */
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/** What the platform needs from a job queue. */
export interface Jobs {
  /** Registers the handler of a queue (before start). */
  define(name: string, handler: JobHandler): void;
  /** Queues a job; call it after the transaction that wrote the data has committed. */
  send(name: string, data: Record<string, unknown>, opts?: { startAfterSeconds?: number; singletonKey?: string }): Promise<void>;
  /** A recurring job (cron in Europe/Paris). */
  schedule(name: string, cron: string): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss on the platform's database. */
export function pgBossJobs(raw: RawSql): Jobs {
  const handlers = new Map<string, JobHandler>();
  const schedules: { name: string; cron: string }[] = [];
  const boss = new PgBoss({ db: { executeSql: (text: string, values?: unknown[]) => raw.executeSql(text, values) }, schema: 'pgboss' } as never);
  boss.on('error', (e: unknown) => log.error('jobs error', { error: String(e) }));
  let started = false;
  return {
    define: (name, handler) => { handlers.set(name, handler); },
    schedule: (name, cron) => { schedules.push({ name, cron }); },
    async send(name, data, opts) {
      await boss.send(name, data, { startAfter: opts?.startAfterSeconds, singletonKey: opts?.singletonKey, retryLimit: 5, retryBackoff: true });
    },
    async start() {
      await boss.start();
      for (const [name, handler] of handlers) {
        await boss.createQueue(name);
        await boss.work(name, { pollingIntervalSeconds: 2, batchSize: 5 }, async (jobs) => {
          for (const j of jobs) await handler((j.data ?? {}) as Record<string, unknown>);
        });
      }
      for (const s of schedules) await boss.schedule(s.name, s.cron, {}, { tz: 'Europe/Paris' });
      started = true;
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}

/** Runs each job at once in the same process (tests, and commands run by hand). */
export function inlineJobs(): Jobs & { ran: { name: string; data: Record<string, unknown> }[] } {
  const handlers = new Map<string, JobHandler>();
  const ran: { name: string; data: Record<string, unknown> }[] = [];
  return {
    ran,
    define: (name, handler) => { handlers.set(name, handler); },
    schedule: () => {},
    async send(name, data) {
      ran.push({ name, data });
      const h = handlers.get(name);
      if (h) await h(data);
    },
    start: async () => {},
    stop: async () => {},
  };
}
