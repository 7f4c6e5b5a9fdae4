/** Staff write the help centre (Markdown articles) and the saved replies; every change is audited. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { findArticle, insertArticle, slugTaken, updateArticle } from '../faq.store.js';
import { deleteMacro as removeMacroRow, findMacro, upsertMacro } from '../tickets.store.js';
import type { SupportActor, SupportOutcome, Topic } from '../support.js';

/** An article as the form gives it. */
export interface ArticleInput { title: string; slug: string; topic: Topic; body: string; published: boolean; position: number }

/** Creates (id null) or updates an article; the slug must be unique. */
export async function saveArticle(tx: Tx, actor: SupportActor & { id: string }, id: string | null, v: ArticleInput, now: Date): Promise<SupportOutcome<{ articleId: string }>> {
  if (await slugTaken(tx, v.slug, id)) return { ok: false, message: 'Cette adresse est déjà utilisée.', errors: { slug: 'Cette adresse est déjà utilisée par un autre article : choisissez-en une autre.' } };
  const before = id ? await findArticle(tx, id) : null;
  if (id && !before) return { ok: false, message: 'Cet article n’existe plus.' };
  const row = id
    ? (await updateArticle(tx, id, { ...v, updatedBy: actor.id, updatedAt: now }))!
    : await insertArticle(tx, { ...v, updatedBy: actor.id, createdAt: now, updatedAt: now });
  await recordAudit(tx, actor, {
    action: id ? 'support.article_updated' : 'support.article_created', objectType: 'faq_article', objectId: row.id,
    before: before ? { title: before.title, slug: before.slug, topic: before.topic, published: before.published } : null,
    after: { title: row.title, slug: row.slug, topic: row.topic, published: row.published },
  }, now);
  return { ok: true, articleId: row.id };
}

/** Creates (id null) or updates a saved reply. */
export async function saveMacro(tx: Tx, actor: SupportActor & { id: string }, id: string | null, v: { title: string; body: string }, now: Date): Promise<SupportOutcome<{ macroId: string }>> {
  if (id && !(await findMacro(tx, id))) return { ok: false, message: 'Cette réponse type n’existe plus.' };
  const row = await upsertMacro(tx, id, { ...v, updatedBy: actor.id, updatedAt: now });
  await recordAudit(tx, actor, { action: id ? 'support.macro_updated' : 'support.macro_created', objectType: 'support_macro', objectId: row!.id, after: { title: v.title } }, now);
  return { ok: true, macroId: row!.id };
}

/** Deletes a saved reply. */
export async function deleteMacro(tx: Tx, actor: SupportActor, id: string, now: Date): Promise<SupportOutcome> {
  const before = await findMacro(tx, id);
  if (!before || !(await removeMacroRow(tx, id))) return { ok: false, message: 'Cette réponse type n’existe plus.' };
  await recordAudit(tx, actor, { action: 'support.macro_deleted', objectType: 'support_macro', objectId: id, before: { title: before.title } }, now);
  return { ok: true };
}
