/** Staff pages of the help centre's articles and of the saved replies. */
import { raw } from 'hono/html';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { TOPICS, TOPIC_SHORT, type Topic } from '../support.js';
import { Checkbox, parisDate } from './parts.js';

const crumbs = [{ label: 'Espace GEN', href: '/gestion' }, { label: 'Demandes d’assistance', href: '/gestion/support' }];

/** The list of articles, drafts included. */
export function ArticlesAdminPage({ ctx, articles }: { ctx: PageContext; articles: { id: string; slug: string; title: string; topic: Topic; published: boolean; updatedAt: Date }[] }) {
  return (
    <Layout ctx={ctx} title="Articles du centre d’aide" breadcrumb={crumbs}>
      <h1>Articles du centre d’aide</h1>
      <p><a class="fr-btn" href="/gestion/support/aide/nouvel-article">Écrire un article</a></p>
      <div class="fr-table"><table>
        <caption class="fr-sr-only">Articles par sujet</caption>
        <thead><tr><th scope="col">Titre</th><th scope="col">Sujet</th><th scope="col">Publication</th><th scope="col">Modifié le</th></tr></thead>
        <tbody>{articles.map((a) => (
          <tr><td><a href={`/gestion/support/aide/${a.id}`}>{a.title}</a></td><td>{TOPIC_SHORT[a.topic]}</td><td>{a.published ? <a href={`/aide/${a.slug}`}>Publié</a> : 'Brouillon'}</td><td>{parisDate(a.updatedAt)}</td></tr>
        ))}</tbody>
      </table></div>
    </Layout>
  );
}

/** Writing or editing an article; the preview is the Markdown rendered safely. */
export function ArticleFormPage({ ctx, articleId, state, previewHtml }: { ctx: PageContext; articleId: string | null; state?: FormState; previewHtml?: string }) {
  const errors = state?.errors ?? {};
  const title = articleId ? 'Modifier un article' : 'Écrire un article';
  return (
    <Layout ctx={ctx} title={title} hasErrors={Object.keys(errors).length > 0} breadcrumb={[...crumbs, { label: 'Articles', href: '/gestion/support/aide' }]}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} fieldOrder={['titre', 'adresse', 'sujet', 'contenu', 'ordre', '_form']} />
      <Form action={articleId ? `/gestion/support/aide/${articleId}` : '/gestion/support/aide/nouvel-article'} csrf={ctx.csrfToken}>
        <Input name="titre" label="Titre" state={state} maxlength={150} />
        <Input name="adresse" label="Adresse de l’article" hint="Après /aide/ : lettres sans accent, chiffres et tirets, par exemple deposer-une-candidature." state={state} spellcheck={false} maxlength={80} />
        <Select name="sujet" label="Sujet" hint="L’article est proposé à côté du formulaire de contact pour ce sujet." state={state} options={TOPICS.map((t) => ({ value: t, label: TOPIC_SHORT[t] }))} />
        <Textarea name="contenu" label="Contenu (Markdown)" hint="# Titre, **gras**, *italique*, `code`, listes « - » ou « 1. », liens [texte](https://… ou /aide/…). Le HTML n’est pas interprété." state={state} rows={14} maxlength={20000} />
        <Input name="ordre" type="number" label="Ordre d’affichage" hint="Les plus petits nombres d’abord." state={state} inputmode="numeric" />
        <Checkbox name="publie" label="Publié (visible dans le centre d’aide)" state={state} />
        <Submit label="Enregistrer l’article" />
      </Form>
      {previewHtml ? <section class="fr-mt-4w" aria-labelledby="apercu"><h2 id="apercu">Aperçu</h2><div class="lg-article">{raw(previewHtml)}</div></section> : null}
    </Layout>
  );
}

/** The saved replies: one form per reply to edit or delete it, and one to add a new one. */
export function MacrosPage({ ctx, macros, state, editing }: { ctx: PageContext; macros: { id: string; title: string; body: string }[]; state?: FormState; editing?: string | null }) {
  const errors = state?.errors ?? {};
  return (
    <Layout ctx={ctx} title="Réponses types" hasErrors={Object.keys(errors).length > 0} breadcrumb={crumbs}>
      <h1>Réponses types</h1>
      <p>Des textes prêts à l’emploi, insérés dans la réponse d’une demande puis adaptés avant l’envoi.</p>
      <ErrorSummary errors={errors} fieldOrder={['titre', 'contenu', '_form']} />
      {macros.map((m) => (
        <section class="fr-mb-4w" aria-labelledby={`macro-${m.id}`}>
          <h2 class="fr-h5" id={`macro-${m.id}`}>{m.title}</h2>
          <Form action={`/gestion/support/reponses-types/${m.id}`} csrf={ctx.csrfToken}>
            <Input name={`titre-${m.id}`} label="Titre" state={{ values: { [`titre-${m.id}`]: m.title } }} maxlength={120} />
            <Textarea name={`contenu-${m.id}`} label="Texte" state={{ values: { [`contenu-${m.id}`]: m.body } }} rows={5} maxlength={10000} />
            <Submit label="Enregistrer" secondary />
          </Form>
          <Form action={`/gestion/support/reponses-types/${m.id}/supprimer`} csrf={ctx.csrfToken}>
            <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-1w">{`Supprimer « ${m.title} »`}</button>
          </Form>
        </section>
      ))}
      <section aria-labelledby="nouvelle-macro">
        <h2 id="nouvelle-macro">Nouvelle réponse type</h2>
        <Form action="/gestion/support/reponses-types" csrf={ctx.csrfToken}>
          <Input name="titre" label="Titre" state={editing ? undefined : state} maxlength={120} />
          <Textarea name="contenu" label="Texte" state={editing ? undefined : state} rows={5} maxlength={10000} />
          <Submit label="Ajouter la réponse type" />
        </Form>
      </section>
    </Layout>
  );
}
