/** The only file that queries help-centre articles; search is French full text plus accent-insensitive title match. */
import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { faqArticles } from './support.schema.js';
import type { Topic } from './support.js';

/** An article row. */
export type ArticleRow = typeof faqArticles.$inferSelect;

/** Published articles, optionally of one topic and matching a search in French, best match first. */
export async function searchArticles(db: DbOrTx, o: { topic?: Topic; q?: string; includeDrafts?: boolean; limit?: number } = {}): Promise<ArticleRow[]> {
  const where: SQL[] = [];
  if (!o.includeDrafts) where.push(eq(faqArticles.published, true));
  if (o.topic) where.push(eq(faqArticles.topic, o.topic));
  const q = o.q?.trim().slice(0, 200) ?? '';
  if (q === '') {
    return db.select().from(faqArticles).where(where.length ? and(...where) : undefined)
      .orderBy(asc(faqArticles.topic), asc(faqArticles.position), asc(faqArticles.title)).limit(o.limit ?? 200);
  }
  const doc = sql`to_tsvector('french', unaccent(${faqArticles.title} || ' ' || ${faqArticles.body}))`;
  const query = sql`websearch_to_tsquery('french', unaccent(${q}))`;
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  where.push(sql`(${doc} @@ ${query} or unaccent(${faqArticles.title}) ilike unaccent(${like}))`);
  return db.select().from(faqArticles).where(and(...where))
    .orderBy(sql`ts_rank(${doc}, ${query}) desc`, asc(faqArticles.title)).limit(o.limit ?? 50);
}

/** A published article by slug (or any article for staff). */
export async function findArticleBySlug(db: DbOrTx, slug: string, o: { includeDrafts?: boolean } = {}): Promise<ArticleRow | null> {
  const cond = o.includeDrafts ? eq(faqArticles.slug, slug) : and(eq(faqArticles.slug, slug), eq(faqArticles.published, true));
  const [row] = await db.select().from(faqArticles).where(cond);
  return row ?? null;
}

/** An article by id. */
export async function findArticle(db: DbOrTx, id: string): Promise<ArticleRow | null> {
  const [row] = await db.select().from(faqArticles).where(eq(faqArticles.id, id));
  return row ?? null;
}

/** Whether another article already uses this slug. */
export async function slugTaken(db: DbOrTx, slug: string, exceptId: string | null): Promise<boolean> {
  const cond = exceptId ? and(eq(faqArticles.slug, slug), ne(faqArticles.id, exceptId)) : eq(faqArticles.slug, slug);
  const [row] = await db.select({ id: faqArticles.id }).from(faqArticles).where(cond).limit(1);
  return !!row;
}

/** Inserts an article. */
export async function insertArticle(tx: DbOrTx, v: typeof faqArticles.$inferInsert): Promise<ArticleRow> {
  const [row] = await tx.insert(faqArticles).values(v).returning();
  return row!;
}

/** Updates an article. */
export async function updateArticle(tx: DbOrTx, id: string, v: Partial<typeof faqArticles.$inferInsert>): Promise<ArticleRow | null> {
  const [row] = await tx.update(faqArticles).set(v).where(eq(faqArticles.id, id)).returning();
  return row ?? null;
}
