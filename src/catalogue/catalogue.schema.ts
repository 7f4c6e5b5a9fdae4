/**
 * The catalogue's data version: one row, bumped by database triggers (migration
 * `catalogue_version`) whenever a label, a session, a labelled application's section, an
 * organisation or a job family changes. The public pages cache their index and answers by this
 * version, so a suspended or withdrawn label disappears at the next request, whatever code changed it.
 */
import { pgTable, integer, bigint, timestamp } from 'drizzle-orm/pg-core';

export const catalogueVersion = pgTable('catalogue_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
