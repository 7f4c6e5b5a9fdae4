/** The public help centre: search, articles grouped by topic, one article rendered from safe Markdown. */
import { raw } from 'hono/html';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { TOPICS, TOPIC_SHORT, type Topic } from '../support.js';
import { markdownToText, renderMarkdown } from '../markdown.js';

/** An article in a list. */
interface ArticleItem { slug: string; title: string; topic: Topic; body: string }

/** The help centre home, or its search results. */
export function HelpIndexPage({ ctx, q, articles }: { ctx: PageContext; q: string; articles: ArticleItem[] }) {
  const groups = TOPICS.map((t) => ({ topic: t, items: articles.filter((a) => a.topic === t) })).filter((g) => g.items.length > 0);
  return (
    <Layout ctx={ctx} title={q ? `Recherche « ${q} » – Centre d’aide` : 'Centre d’aide'} breadcrumb={[{ label: 'Accueil', href: '/' }]}>
      <h1>Centre d’aide</h1>
      <form method="get" action="/aide" role="search" class="fr-mb-4w">
        <div class="fr-search-bar fr-search-bar--lg" id="recherche-aide">
          <label class="fr-label" for="q">Rechercher dans le centre d’aide</label>
          <input class="fr-input" type="search" id="q" name="q" value={q} placeholder="Rechercher, par exemple : dépôt de candidature" />
          <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
        </div>
      </form>
      {q ? <p role="status">{articles.length === 0 ? `Aucun article ne correspond à « ${q} ».` : `${articles.length} article${articles.length > 1 ? 's' : ''} pour « ${q} ».`}</p> : null}
      {groups.map((g) => (
        <section class="fr-mb-4w" aria-labelledby={`sujet-${g.topic}`}>
          <h2 id={`sujet-${g.topic}`}>{TOPIC_SHORT[g.topic]}</h2>
          <ul>{g.items.map((a) => <li><a href={`/aide/${a.slug}`}>{a.title}</a><p class="fr-text--sm">{excerpt(a.body)}</p></li>)}</ul>
        </section>
      ))}
      <div class="fr-callout">
        <h2 class="fr-callout__title">Vous n’avez pas trouvé votre réponse ?</h2>
        <p class="fr-callout__text">L’équipe de la Grande École du Numérique vous répond, même sans compte.</p>
        <a class="fr-btn" href="/contact">Nous écrire</a>
      </div>
    </Layout>
  );
}

function excerpt(md: string): string {
  const t = markdownToText(md);
  return t.length > 200 ? `${t.slice(0, 197)}…` : t;
}

/** One article; its HTML comes from renderMarkdown, which escapes everything it does not produce itself. */
export function ArticlePage({ ctx, article, draft }: { ctx: PageContext; article: ArticleItem; draft?: boolean }) {
  return (
    <Layout ctx={ctx} title={article.title} breadcrumb={[{ label: 'Accueil', href: '/' }, { label: 'Centre d’aide', href: '/aide' }]}>
      <p class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">{TOPIC_SHORT[article.topic]}</p>
      {draft ? <p class="fr-badge fr-badge--sm fr-badge--warning">Brouillon : non publié</p> : null}
      <h1>{article.title}</h1>
      <div class="lg-article">{raw(renderMarkdown(article.body))}</div>
      <p class="fr-mt-4w">Cet article ne répond pas à votre question ? <a href={`/contact?sujet=${article.topic}`}>Écrivez-nous</a>.</p>
    </Layout>
  );
}
