/** The DSFR page frame: skip links, header with the Marianne block, navigation, footer. */
import type { Child } from 'hono/jsx';
import type { Actor } from '../http/context.js';

/** What the layout needs to know about the request. */
export interface PageContext {
  actor: Actor | null;
  csrfToken: string;
  path: string;
  flash?: string | null;
}

/** Props of a page. */
export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** The page shows form errors: the title starts with "Erreur : ". */
  hasErrors?: boolean;
  breadcrumb?: { label: string; href?: string }[];
  children?: Child;
}

const SERVICE = 'Label Grande École du Numérique';

function navLinks(actor: Actor | null): { href: string; label: string }[] {
  const links = [{ href: '/', label: 'Accueil' }, { href: '/formations', label: 'Trouver une formation' }];
  if (actor && actor.memberships.length > 0) links.push({ href: '/organisations', label: 'Mes organismes' });
  if (actor && actor.staffRoles.length > 0) links.push({ href: '/gestion', label: 'Espace GEN' });
  links.push({ href: '/appels', label: 'Appels à labellisation' });
  return links;
}

/** The whole HTML page (without doctype, added by render()). */
export function Layout({ ctx, title, hasErrors, breadcrumb, children }: LayoutProps) {
  const fullTitle = `${hasErrors ? 'Erreur : ' : ''}${title} – ${SERVICE}`;
  const links = navLinks(ctx.actor);
  return (
    <html lang="fr" data-fr-scheme="system">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
        <meta name="format-detection" content="telephone=no" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/dsfr/dsfr.min.css" />
        <link rel="stylesheet" href="/dsfr/utility/icons/icons.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/dsfr/favicon/favicon.svg" type="image/svg+xml" />
        <script type="module" src="/dsfr/dsfr.module.min.js"></script>
        <script type="module" src="/static/app.js"></script>
      </head>
      <body>
        <div class="fr-skiplinks">
          <nav class="fr-container" role="navigation" aria-label="Accès rapide">
            <ul class="fr-skiplinks__list">
              <li><a class="fr-link" href="#contenu">Contenu</a></li>
              <li><a class="fr-link" href="#navigation-principale">Menu</a></li>
              <li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
            </ul>
          </nav>
        </div>
        <header role="banner" class="fr-header">
          <div class="fr-header__body">
            <div class="fr-container">
              <div class="fr-header__body-row">
                <div class="fr-header__brand fr-enlarge-link">
                  <div class="fr-header__brand-top">
                    <div class="fr-header__logo">
                      <p class="fr-logo">République<br />Française</p>
                    </div>
                    <div class="fr-header__navbar">
                      <button class="fr-btn--menu fr-btn" data-fr-opened="false" aria-controls="menu-principal" aria-haspopup="menu" id="bouton-menu" title="Menu">Menu</button>
                    </div>
                  </div>
                  <div class="fr-header__service">
                    <a href="/" title={`Accueil – ${SERVICE}`}>
                      <p class="fr-header__service-title">{SERVICE}</p>
                    </a>
                    <p class="fr-header__service-tagline">Former aux métiers du numérique, partout et pour tous</p>
                  </div>
                </div>
                <div class="fr-header__tools">
                  <div class="fr-header__tools-links">
                    <HeaderTools ctx={ctx} />
                  </div>
                </div>
              </div>
            </div>
          </div>
          <div class="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
            <div class="fr-container">
              <button class="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer">Fermer</button>
              <div class="fr-header__menu-links"></div>
              <nav class="fr-nav" id="navigation-principale" role="navigation" aria-label="Menu principal">
                <ul class="fr-nav__list">
                  {links.map((l) => (
                    <li class="fr-nav__item">
                      <a class="fr-nav__link" href={l.href} aria-current={isCurrent(ctx.path, l.href) ? 'page' : undefined}>{l.label}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>
        </header>
        <main id="contenu" role="main" tabindex={-1}>
          <div class="fr-container fr-py-6w">
            {breadcrumb && breadcrumb.length > 0 ? <Breadcrumb items={breadcrumb} current={title} /> : null}
            {ctx.flash ? (
              <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-4w" role="status">
                <p>{ctx.flash}</p>
              </div>
            ) : null}
            {children}
          </div>
        </main>
        <Footer />
      </body>
    </html>
  );
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

function HeaderTools({ ctx }: { ctx: PageContext }) {
  if (!ctx.actor) {
    return (
      <ul class="fr-btns-group">
        <li><a class="fr-btn fr-icon-lock-line" href="/connexion">Se connecter</a></li>
        <li><a class="fr-btn fr-icon-account-line" href="/inscription">Créer un compte</a></li>
      </ul>
    );
  }
  return (
    <ul class="fr-btns-group">
      <li><a class="fr-btn fr-icon-account-circle-line" href="/compte">{ctx.actor.fullName}</a></li>
      <li>
        <form method="post" action="/deconnexion" class="lg-inline-form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit" class="fr-btn fr-icon-logout-box-r-line">Se déconnecter</button>
        </form>
      </li>
    </ul>
  );
}

function Breadcrumb({ items, current }: { items: { label: string; href?: string }[]; current: string }) {
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
      <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">Voir le fil d’Ariane</button>
      <div class="fr-collapse" id="fil-ariane">
        <ol class="fr-breadcrumb__list">
          {items.map((i) => (
            <li>{i.href ? <a class="fr-breadcrumb__link" href={i.href}>{i.label}</a> : <span class="fr-breadcrumb__link">{i.label}</span>}</li>
          ))}
          <li><a class="fr-breadcrumb__link" aria-current="page">{current}</a></li>
        </ol>
      </div>
    </nav>
  );
}

function Footer() {
  return (
    <footer class="fr-footer" role="contentinfo" id="pied-de-page">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title={`Retour à l’accueil – ${SERVICE} – République Française`}>
              <p class="fr-logo">République<br />Française</p>
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">
              La plateforme du label Grande École du Numérique accompagne les organismes de formation
              aux métiers du numérique, de la candidature au suivi des sessions labellisées.
            </p>
            <ul class="fr-footer__content-list">
              <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="/contact">Nous contacter</a></li>
              <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="/plan-du-site">Plan du site</a></li>
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/accessibilite">Accessibilité : partiellement conforme</a></li>
            <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/mentions-legales">Mentions légales</a></li>
            <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/donnees-personnelles">Données personnelles</a></li>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>Sauf mention contraire, les contenus de ce site sont proposés sous licence Ouverte / Etalab 2.0.</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
