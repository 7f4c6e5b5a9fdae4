/** Accessibility statement, legal notice, personal data and site map. */
import { Layout, type PageContext } from '../../platform/views/layout.js';

/** Accessibility statement (RGAA). */
export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Déclaration d’accessibilité">
      <h1>Déclaration d’accessibilité</h1>
      <p>La Grande École du Numérique s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
      <p>Cette déclaration d’accessibilité s’applique à la plateforme du label Grande École du Numérique.</p>
      <h2>État de conformité</h2>
      <p>La plateforme est <strong>partiellement conforme</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1 : aucun audit complet n’a encore été réalisé. Chaque page est contrôlée automatiquement (axe, niveau WCAG 2.1 AA) et parcourue au clavier lors des tests de la plateforme.</p>
      <h2>Établissement de cette déclaration</h2>
      <p>Technologies utilisées : HTML5, CSS (Système de design de l’État), JavaScript en amélioration progressive — toutes les pages fonctionnent sans JavaScript.</p>
      <h2>Retour d’information et contact</h2>
      <p>Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez nous contacter par la <a href="/contact">page de contact</a> pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.</p>
      <h2>Voies de recours</h2>
      <p>Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou une fonctionnalité, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous pouvez saisir le Défenseur des droits (formulaire en ligne, délégué territorial, ou courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07).</p>
    </Layout>
  );
}

/** Legal notice. */
export function LegalPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Mentions légales">
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>Groupement d’intérêt public Grande École du Numérique. Directeur de la publication : le directeur du GIP Grande École du Numérique.</p>
      <h2>Hébergement</h2>
      <p>La plateforme est hébergée en France par un hébergeur qualifié pour les services de l’État ; ses coordonnées sont précisées dans la convention d’hébergement.</p>
      <h2>Licence des contenus</h2>
      <p>Sauf mention contraire, les contenus sont publiés sous licence Ouverte / Etalab 2.0. Le Système de design de l’État et la police Marianne sont réservés aux sites de l’État.</p>
    </Layout>
  );
}

/** Personal data (RGPD). */
export function PersonalDataPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Données personnelles">
      <h1>Données personnelles</h1>
      <p>Le GIP Grande École du Numérique traite des données personnelles pour instruire les candidatures au label, suivre les formations labellisées et produire des statistiques publiques anonymes.</p>
      <h2>Données traitées</h2>
      <ul>
        <li>Comptes : nom, adresse électronique, mot de passe (stocké sous forme d’empreinte argon2id), journal des connexions.</li>
        <li>Organismes : raison sociale, SIRET, NDA, certification Qualiopi, coordonnées du contact.</li>
        <li>Apprenants des formations labellisées : identité, coordonnées, adresse (pour déterminer le quartier prioritaire ou la zone rurale), situation à l’entrée et à la sortie. Ces données ne sont visibles que par l’organisme qui les a déclarées et par l’équipe de suivi-évaluation de la GEN.</li>
      </ul>
      <h2>Durées de conservation</h2>
      <p>Les sessions de connexion expirent après une période d’inactivité. Les données nominatives des apprenants sont supprimées à l’issue de la durée de suivi prévue par la convention ; seules des statistiques anonymes sont conservées.</p>
      <h2>Vos droits</h2>
      <p>Vous pouvez exercer vos droits d’accès, de rectification, d’effacement et d’opposition par la <a href="/contact">page de contact</a>. Vous pouvez aussi adresser une réclamation à la CNIL.</p>
      <h2>Cookies</h2>
      <p>La plateforme n’utilise que des cookies strictement nécessaires : la session de connexion et un jeton de sécurité des formulaires. Aucun cookie de mesure d’audience ou publicitaire.</p>
    </Layout>
  );
}

/** Site map. */
export function SiteMapPage({ ctx }: { ctx: PageContext }) {
  const links: [string, string][] = [
    ['/', 'Accueil'], ['/formations', 'Trouver une formation'], ['/chiffres-cles', 'Chiffres clés'], ['/donnees-ouvertes', 'Données ouvertes'], ['/besoins-regionaux', 'Besoins régionaux'], ['/appels', 'Appels à labellisation'], ['/connexion', 'Se connecter'], ['/inscription', 'Créer un compte'],
    ['/accessibilite', 'Déclaration d’accessibilité'], ['/mentions-legales', 'Mentions légales'], ['/donnees-personnelles', 'Données personnelles'], ['/contact', 'Nous contacter'], ['/aide', 'Centre d’aide'],
  ];
  return (
    <Layout ctx={ctx} title="Plan du site">
      <h1>Plan du site</h1>
      <ul>{links.map(([href, label]) => <li><a href={href}>{label}</a></li>)}</ul>
    </Layout>
  );
}
