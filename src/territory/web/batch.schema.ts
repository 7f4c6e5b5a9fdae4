/** Batch files of addresses sent to the territory engine; files and rows are deleted after 24 hours. */
import { pgTable, uuid, text, integer, jsonb, timestamp, index } from 'drizzle-orm/pg-core';
import type { ColumnMapping } from './batch-file.js';
import type { BatchSummary } from './batch-run.js';

export const territoryBatches = pgTable('territory_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** mapping → queued → running → done | failed */
  status: text('status').notNull(),
  filename: text('filename').notNull(),
  encoding: text('encoding').notNull(),
  header: jsonb('header').$type<string[]>().notNull(),
  mapping: jsonb('mapping').$type<ColumnMapping>(),
  /** Geography date (YYYY-MM-DD) asked for, or null for today. */
  date: text('date'),
  total: integer('total').notNull(),
  done: integer('done').notNull().default(0),
  summary: jsonb('summary').$type<BatchSummary>(),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [index('territory_batches_expires_idx').on(t.expiresAt)]);
