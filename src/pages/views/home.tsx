/** The home page: what the label is, and where each kind of visitor goes. */
import { Layout, type PageContext } from '../../platform/views/layout.js';

/** Home page. */
export function HomePage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Accueil">
      <h1>Le label Grande École du Numérique</h1>
      <p class="fr-text--lead">
        Le label GEN distingue des formations courtes aux métiers du numérique, gratuites et ouvertes
        sans prérequis académique aux personnes éloignées de l’emploi. Il est attribué pour trois ans,
        formation par formation, après un appel à labellisation.
      </p>
      <div class="fr-grid-row fr-grid-row--gutters fr-mt-4w">
        <Card title="Trouver une formation" href="/formations" text="Chercher une formation labellisée près de chez vous : métier, lieu, dates des prochaines sessions, alternance." />
        <Card title="Chiffres clés" href="/chiffres-cles" text="Formations labellisées, sessions, apprenants, sorties positives : les résultats du label par année et par région, face aux objectifs." />
        <Card title="Besoins régionaux" href="/besoins-regionaux" text="Les métiers du numérique recherchés dans chaque région et les formations labellisées qui y préparent." />
        <Card title="Données ouvertes" href="/donnees-ouvertes" text="L’offre de formations labellisées et ses sessions en CSV, JSON et LHÉO, libres de réutilisation." />
        <Card title="Vérifier un label" href="/labels/verifier" text="Un numéro de label ou un code QR : savoir si le label d’une formation est en vigueur." />
        <Card title="Vérifier un fichier d’adresses" href="/territoire/fichier" text="Classer des milliers d’adresses d’un coup (CSV ou XLSX) : quartier prioritaire, ZRR, FRR." />
        <Card title="Mon adresse est-elle en quartier prioritaire ?" href="/territoire/adresse" text="Vérifier si une adresse se situe dans un quartier prioritaire de la politique de la ville (QPV) ou une zone rurale (ZRR, FRR)." />
        <Card title="Candidater au label" href="/appels" text="Organismes de formation : consulter l’appel en cours et déposer une candidature en ligne." />
      </div>
      {ctx.actor ? null : (
        <div class="fr-callout fr-mt-6w">
          <h2 class="fr-callout__title">Vous représentez un organisme de formation ?</h2>
          <p class="fr-callout__text">Créez votre compte pour déclarer votre organisme, inviter vos collègues et candidater.</p>
          <a class="fr-btn" href="/inscription">Créer un compte</a>
        </div>
      )}
    </Layout>
  );
}

function Card({ title, href, text }: { title: string; href: string; text: string }) {
  return (
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-card fr-enlarge-link">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h2 class="fr-card__title"><a href={href}>{title}</a></h2>
            <p class="fr-card__desc">{text}</p>
          </div>
        </div>
      </div>
    </div>
  );
}
