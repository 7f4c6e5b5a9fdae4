/** The public help centre: /aide (search in French) and /aide/:slug. */
import type { Router } from '../platform/http/router.js';
import type { AppDeps } from '../platform/http/context.js';
import { PUBLIC } from '../platform/http/access.js';
import { render, pageContext } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { findArticleBySlug, searchArticles } from './faq.store.js';
import { ArticlePage, HelpIndexPage } from './views/help.js';

/** Registers the help-centre pages. */
export function registerHelpRoutes(r: Router, deps: AppDeps): void {
  const db = deps.database.db;
  r.get('/aide', PUBLIC, async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    return render(c, <HelpIndexPage ctx={pageContext(c)} q={q} articles={await searchArticles(db, { q })} />);
  });
  r.get('/aide/:slug', PUBLIC, async (c) => {
    const slug = c.req.param('slug') ?? '';
    const article = /^[a-z0-9-]{1,80}$/.test(slug) ? await findArticleBySlug(db, slug) : null;
    return article ? render(c, <ArticlePage ctx={pageContext(c)} article={article} />) : renderErrorPage(c, 404);
  });
}
