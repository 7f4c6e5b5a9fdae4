/** French error pages (403, 404, 413, 429, 500) in the DSFR layout. */
import type { Context } from 'hono';
import type { AppEnv } from '../http/context.js';
import { Layout } from './layout.js';
import { render, pageContext } from '../http/render.js';

const PAGES: Record<number, { title: string; lead: string; text: string }> = {
  403: { title: 'Accès refusé', lead: 'Vous n’avez pas les droits nécessaires pour voir cette page.', text: 'Si vous pensez qu’il s’agit d’une erreur, contactez l’administrateur de votre organisme ou l’équipe de la GEN.' },
  404: { title: 'Page non trouvée', lead: 'La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.', text: 'Si vous avez tapé l’adresse web dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible.' },
  413: { title: 'Envoi trop volumineux', lead: 'Les données envoyées dépassent la taille autorisée.', text: 'Réduisez la taille du fichier ou du texte envoyé, puis réessayez.' },
  429: { title: 'Trop de tentatives', lead: 'Vous avez fait trop de demandes en peu de temps.', text: 'Patientez quelques minutes avant de réessayer.' },
  500: { title: 'Erreur inattendue', lead: 'Désolé, le service rencontre un problème, nous travaillons pour le résoudre le plus rapidement possible.', text: 'Essayez de rafraîchir la page ou bien réessayez plus tard.' },
};

/** Renders the French error page for a status. */
export function renderErrorPage(c: Context<AppEnv>, status: 403 | 404 | 413 | 429 | 500): Response | Promise<Response> {
  const p = PAGES[status]!;
  return render(c, (
    <Layout ctx={pageContext(c)} title={p.title}>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-8">
          <h1>{p.title}</h1>
          <p class="fr-text--sm fr-mb-3w">Erreur {status}</p>
          <p class="fr-text--lead fr-mb-3w">{p.lead}</p>
          <p class="fr-text--sm fr-mb-5w">{p.text}</p>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn" href="/">Page d’accueil</a></li>
            <li><a class="fr-btn fr-btn--secondary" href="/contact">Nous contacter</a></li>
          </ul>
        </div>
      </div>
    </Layout>
  ), status);
}
