/**
 * "The training concerned" of a ticket, found among labelled trainings. Kept behind two functions
 * and an opaque reference ("label:<uuid>") so that the source can change (catalogue, sessions)
 * without touching tickets.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { labels } from '../labels/labels.schema.js';
import { organisations } from '../organisations/organisations.schema.js';

/** A training a person may pick. */
export interface TrainingChoice { ref: string; label: string }

/** Labels whose training is public: decided and past the agreement, including ended ones (complaints may come late). */
const PUBLIC_LABEL_STATUSES = ['active', 'suspended', 'withdrawn', 'terminated', 'expired'] as const;

function describe(r: { title: string; org: string; city: string; number: string }): string {
  return `${r.title} — ${r.org} (${r.city}), label ${r.number}`;
}

/** Labelled trainings matching a search (title, organisation, city or label number), at most `limit`. */
export async function searchTrainings(db: DbOrTx, q: string, limit = 10): Promise<TrainingChoice[]> {
  const text = q.trim().slice(0, 100);
  if (text.length < 2) return [];
  const like = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const rows = await db.select({ id: labels.id, title: labels.trainingTitle, number: labels.number, org: organisations.name, city: organisations.city })
    .from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(and(inArray(labels.status, [...PUBLIC_LABEL_STATUSES]), sql`(unaccent(${labels.trainingTitle}) ilike unaccent(${like})
      or unaccent(${organisations.name}) ilike unaccent(${like}) or unaccent(${organisations.city}) ilike unaccent(${like}) or ${labels.number} ilike ${like})`))
    .orderBy(labels.trainingTitle).limit(limit);
  return rows.map((r) => ({ ref: `label:${r.id}`, label: describe(r) }));
}

/** The training of a reference, or null when it does not exist (or is not public). */
export async function trainingByRef(db: DbOrTx, ref: string): Promise<TrainingChoice | null> {
  const m = /^label:([0-9a-f-]{36})$/i.exec(ref);
  if (!m) return null;
  const [r] = await db.select({ title: labels.trainingTitle, number: labels.number, org: organisations.name, city: organisations.city })
    .from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(and(eq(labels.id, m[1]!.toLowerCase()), inArray(labels.status, [...PUBLIC_LABEL_STATUSES])));
  return r ? { ref: `label:${m[1]!.toLowerCase()}`, label: describe(r) } : null;
}
