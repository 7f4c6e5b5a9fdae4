/** The staff dashboard: one card per thing the actor's roles allow. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { STAFF_ROLE_LABELS } from '../../platform/auth/roles.js';
import type { DashboardCard } from '../staff.js';

/** Page /gestion. */
export function DashboardPage({ ctx, cards }: { ctx: PageContext; cards: DashboardCard[] }) {
  const roles = ctx.actor?.staffRoles.map((r) => STAFF_ROLE_LABELS[r]).join(', ') ?? '';
  return (
    <Layout ctx={ctx} title="Espace GEN">
      <h1>Espace GEN</h1>
      <p class="fr-text--lead">Bonjour {ctx.actor?.fullName}. Vos rôles : {roles}.</p>
      <div class="fr-grid-row fr-grid-row--gutters">
        {cards.map((card) => (
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <div class={`fr-card${card.available ? ' fr-enlarge-link' : ''}`}>
              <div class="fr-card__body">
                <div class="fr-card__content">
                  <h2 class="fr-card__title">
                    {card.available ? <a href={card.href}>{card.title}</a> : card.title}
                  </h2>
                  <p class="fr-card__desc">{card.description}</p>
                  {card.available ? null : (
                    <div class="fr-card__end"><p class="fr-badge fr-badge--info fr-badge--sm">Bientôt disponible</p></div>
                  )}
                </div>
              </div>
            </div>
          </div>
        ))}
      </div>
    </Layout>
  );
}
