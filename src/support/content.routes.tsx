/** Staff write the help centre's articles (Markdown) and the saved replies. */
import type { Router } from '../platform/http/router.js';
import type { AppDeps } from '../platform/http/context.js';
import { isUuid } from '../platform/http/access.js';
import { parseForm, readForm, validate } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { supportAccess } from './support.policy.js';
import { articleForm, macroForm } from './forms.js';
import { findArticle, searchArticles } from './faq.store.js';
import { listMacros } from './tickets.store.js';
import { renderMarkdown } from './markdown.js';
import { saveArticle, saveMacro, deleteMacro } from './commands/content.js';
import { staffActor } from './http.js';
import { ArticleFormPage, ArticlesAdminPage, MacrosPage } from './views/content-admin.js';

/** Registers /gestion/support/aide… and /gestion/support/reponses-types… (before the :ticketId routes). */
export function registerContentRoutes(r: Router, deps: AppDeps): void {
  const db = deps.database.db;
  const FAQ = supportAccess('support.faq.edit');
  const MACROS = supportAccess('support.macros.edit');

  r.get('/gestion/support/aide', FAQ, async (c) => render(c, <ArticlesAdminPage ctx={pageContext(c)} articles={await searchArticles(db, { includeDrafts: true })} />));
  r.get('/gestion/support/aide/nouvel-article', FAQ, (c) => render(c, <ArticleFormPage ctx={pageContext(c)} articleId={null} state={{ values: { ordre: '100', publie: 'oui' } }} />));
  r.post('/gestion/support/aide/nouvel-article', FAQ, async (c) => {
    const form = await parseForm(c, articleForm);
    if (!form.ok) return render(c, <ArticleFormPage ctx={pageContext(c)} articleId={null} state={form} />, 422);
    const d = form.data;
    const res = await db.transaction((tx) => saveArticle(tx, staffActor(c), null, { title: d.titre, slug: d.adresse, topic: d.sujet, body: d.contenu, published: d.publie, position: d.ordre }, deps.now()));
    if (!res.ok) return render(c, <ArticleFormPage ctx={pageContext(c)} articleId={null} state={{ errors: res.errors ?? { _form: res.message }, values: form.values }} />, 422);
    return redirectWith(c, `/gestion/support/aide/${res.articleId}`, 'L’article a été enregistré.');
  });
  r.get('/gestion/support/aide/:articleId', FAQ, async (c) => {
    const id = c.req.param('articleId');
    const a = isUuid(id) ? await findArticle(db, id.toLowerCase()) : null;
    if (!a) return renderErrorPage(c, 404);
    const values = { titre: a.title, adresse: a.slug, sujet: a.topic, contenu: a.body, ordre: String(a.position), publie: a.published ? 'oui' : '' };
    return render(c, <ArticleFormPage ctx={pageContext(c)} articleId={a.id} state={{ values }} previewHtml={renderMarkdown(a.body)} />);
  });
  r.post('/gestion/support/aide/:articleId', FAQ, async (c) => {
    const id = c.req.param('articleId');
    const a = isUuid(id) ? await findArticle(db, id.toLowerCase()) : null;
    if (!a) return renderErrorPage(c, 404);
    const form = await parseForm(c, articleForm);
    if (!form.ok) return render(c, <ArticleFormPage ctx={pageContext(c)} articleId={a.id} state={form} />, 422);
    const d = form.data;
    const res = await db.transaction((tx) => saveArticle(tx, staffActor(c), a.id, { title: d.titre, slug: d.adresse, topic: d.sujet, body: d.contenu, published: d.publie, position: d.ordre }, deps.now()));
    if (!res.ok) return render(c, <ArticleFormPage ctx={pageContext(c)} articleId={a.id} state={{ errors: res.errors ?? { _form: res.message }, values: form.values }} />, 422);
    return redirectWith(c, `/gestion/support/aide/${a.id}`, 'L’article a été enregistré.');
  });

  r.get('/gestion/support/reponses-types', MACROS, async (c) => render(c, <MacrosPage ctx={pageContext(c)} macros={await listMacros(db)} />));
  r.post('/gestion/support/reponses-types', MACROS, async (c) => {
    const form = await parseForm(c, macroForm);
    if (!form.ok) return render(c, <MacrosPage ctx={pageContext(c)} macros={await listMacros(db)} state={form} />, 422);
    const res = await db.transaction((tx) => saveMacro(tx, staffActor(c), null, { title: form.data.titre, body: form.data.contenu }, deps.now()));
    if (!res.ok) return render(c, <MacrosPage ctx={pageContext(c)} macros={await listMacros(db)} state={{ errors: { _form: res.message }, values: form.values }} />, 422);
    return redirectWith(c, '/gestion/support/reponses-types', 'La réponse type a été ajoutée.');
  });
  r.post('/gestion/support/reponses-types/:macroId', MACROS, async (c) => {
    const id = c.req.param('macroId');
    if (!isUuid(id)) return renderErrorPage(c, 404);
    const raw = await readForm(c);
    const form = validate(macroForm, { titre: raw[`titre-${id}`], contenu: raw[`contenu-${id}`] });
    if (!form.ok) return render(c, <MacrosPage ctx={pageContext(c)} macros={await listMacros(db)} state={form} editing={id} />, 422);
    const res = await db.transaction((tx) => saveMacro(tx, staffActor(c), id.toLowerCase(), { title: form.data.titre, body: form.data.contenu }, deps.now()));
    if (!res.ok) return renderErrorPage(c, 404);
    return redirectWith(c, '/gestion/support/reponses-types', 'La réponse type a été enregistrée.');
  });
  r.post('/gestion/support/reponses-types/:macroId/supprimer', MACROS, async (c) => {
    const id = c.req.param('macroId');
    if (!isUuid(id)) return renderErrorPage(c, 404);
    const res = await db.transaction((tx) => deleteMacro(tx, staffActor(c), id.toLowerCase(), deps.now()));
    if (!res.ok) return renderErrorPage(c, 404);
    return redirectWith(c, '/gestion/support/reponses-types', 'La réponse type a été supprimée.');
  });
}
