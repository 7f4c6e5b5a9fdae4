/**
 * The catalogue's data version: one row, bumped by database triggers (migrations
 * `catalogue_version`, `catalogue_changes`) whenever a label, a session, a labelled application's
 * section, an organisation or a job family changes. The public pages cache their index and answers
 * by this version, so a suspended or withdrawn label disappears at the next request, whatever code
 * changed it. Each bump also notifies the channel `catalogue_version` (PGlite listens to it).
 */
import { pgTable, integer, bigint, bigserial, timestamp, uuid, index } from 'drizzle-orm/pg-core';

export const catalogueVersion = pgTable('catalogue_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Which labels a change touched: row triggers add the label ids (version still null), the bump at
 * the end of the statement stamps them with the new version (taken under the version row's lock,
 * so versions follow commit order). The index then rebuilds only the labels changed after its own
 * version. A null label id means "every label". Rows 100,000 versions old are pruned by the bump.
 */
export const catalogueChanges = pgTable('catalogue_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  labelId: uuid('label_id'),
  version: bigint('version', { mode: 'number' }),
}, (t) => [index('catalogue_changes_version_idx').on(t.version)]);
