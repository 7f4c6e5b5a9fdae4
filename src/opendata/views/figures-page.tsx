/**
 * Public key figures: counts, the learners' shares against the call's targets as an accessible SVG
 * bar chart followed by its data table, then the same figures by year and by région. Figures over
 * fewer than 5 learners read "Secret statistique".
 */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { formatPublicCount, formatPublicShare, MIN_PUBLIC, type GroupFigures, type KeyFigures, type PublicShare } from '../figures.js';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
const fr = (n: number) => n.toLocaleString('fr-FR');

function verdict(s: PublicShare): string {
  if (s.share.hidden) return 'Secret statistique';
  if (s.share.value === null) return 'Aucune donnée';
  if (s.meets === null) return 'Pas d’objectif';
  return s.meets ? 'Objectif atteint' : 'Objectif non atteint';
}

/** Horizontal bars of the shares, with the target as a tick. */
function SharesChart({ shares, id }: { shares: PublicShare[]; id: string }) {
  const rowH = 34, labelW = 260, barW = 360, width = labelW + barW + 70, height = shares.length * rowH + 30;
  return (
    <svg class="lg-figures-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-titre ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-titre`}>Part des apprenants et objectifs de l’appel</title>
      <desc id={`${id}-desc`}>Diagramme en barres : une barre par indicateur, un trait vertical marque l’objectif quand l’appel en fixe un. Les mêmes chiffres figurent dans le tableau qui suit.</desc>
      {[0, 0.25, 0.5, 0.75, 1].map((x) => (
        <g>
          <line x1={labelW + x * barW} x2={labelW + x * barW} y1={0} y2={height - 20} class="lg-figures-chart__grid" />
          <text x={labelW + x * barW} y={height - 5} class="lg-figures-chart__axis" text-anchor="middle">{pct(x)}</text>
        </g>
      ))}
      {shares.map((s, i) => {
        const y = i * rowH + 6;
        const v = !s.share.hidden ? s.share.value : null;
        return (
          <g>
            <text x={labelW - 8} y={y + 16} text-anchor="end" class="lg-figures-chart__label">{s.label}</text>
            {v !== null ? <rect x={labelW} y={y} width={Math.max(1, v * barW)} height={22} class={`lg-figures-chart__bar${s.meets === false ? ' lg-figures-chart__bar--under' : ''}`} /> : null}
            {s.target !== null ? <line x1={labelW + s.target * barW} x2={labelW + s.target * barW} y1={y - 3} y2={y + 25} class="lg-figures-chart__target" /> : null}
            <text x={labelW + (v ?? 0) * barW + 6} y={y + 16} class="lg-figures-chart__value">{formatPublicShare(s.share)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * A DSFR table; a wide one scrolls in a focusable region (keyboard users can scroll it). The class
 * lg-figures-table makes the scrolling container the containing block of the table's hidden texts
 * (fr-sr-only is absolutely positioned): else they escape its overflow and widen the whole page.
 */
function Table({ caption, children, wide }: { caption: string; children: unknown; wide?: boolean }) {
  return (
    <div class="fr-table fr-table--sm lg-figures-table"><div class="fr-table__wrapper"><div class="fr-table__container" tabindex={wide ? 0 : undefined} role={wide ? 'region' : undefined} aria-label={wide ? caption : undefined}><div class="fr-table__content">
      <table>
        <caption>{caption}</caption>
        {children}
      </table>
    </div></div></div></div>
  );
}

/** Table of groups (years or régions): counts and shares. */
function GroupsTable({ caption, head, groups }: { caption: string; head: string; groups: GroupFigures[] }) {
  const labels = groups[0]?.shares.map((s) => s.label) ?? [];
  return (
    <Table caption={caption} wide>
      <thead>
        <tr><th scope="col">{head}</th><th scope="col">Formations</th><th scope="col">Organismes</th><th scope="col">Sessions</th><th scope="col">Apprenants</th>{labels.map((l) => <th scope="col">{l}</th>)}</tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr>
            <th scope="row">{g.key}</th><td>{fr(g.trainings)}</td><td>{fr(g.organisations)}</td><td>{fr(g.sessions)}</td><td>{formatPublicCount(g.learners)}</td>
            {g.shares.map((s) => <td>{formatPublicShare(s.share)}{s.meets === false ? <span class="fr-sr-only"> (objectif non atteint)</span> : null}</td>)}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The key figures page. */
export function FiguresPage({ ctx, figures, callTitle }: { ctx: PageContext; figures: KeyFigures | null; callTitle: string | null }) {
  if (!figures) {
    return (
      <Layout ctx={ctx} title="Chiffres clés">
        <h1>Chiffres clés du label</h1>
        <p>Aucun appel à labellisation n’est encore publié : il n’y a pas encore de chiffres.</p>
      </Layout>
    );
  }
  const n = figures.national;
  const t = figures.targets;
  return (
    <Layout ctx={ctx} title="Chiffres clés">
      <h1>Chiffres clés du label</h1>
      <p class="fr-text--lead">Les formations labellisées, leurs sessions et leurs apprenants, comparés aux objectifs de l’appel{callTitle ? ` « ${callTitle} »` : ''}.</p>
      <div class="fr-callout fr-mb-4w">
        <p class="fr-callout__text">Secret statistique : tout chiffre calculé sur moins de {MIN_PUBLIC} apprenants est masqué, pour que personne ne puisse être reconnu. Les chiffres viennent du suivi des sessions déclarées par les organismes ; ils sont recalculés dès que ces données changent.</p>
      </div>
      <ul class="lg-figures-tiles fr-grid-row fr-grid-row--gutters">
        <li class="fr-col-6 fr-col-md-3"><p class="lg-figures-tiles__value">{fr(figures.activeTrainings)}</p><p>formations labellisées aujourd’hui</p></li>
        <li class="fr-col-6 fr-col-md-3"><p class="lg-figures-tiles__value">{fr(figures.activeOrganisations)}</p><p>organismes labellisés aujourd’hui</p></li>
        <li class="fr-col-6 fr-col-md-3"><p class="lg-figures-tiles__value">{fr(n.sessions)}</p><p>sessions suivies</p></li>
        <li class="fr-col-6 fr-col-md-3"><p class="lg-figures-tiles__value">{formatPublicCount(n.learners)}</p><p>apprenants</p></li>
      </ul>

      <h2 class="fr-mt-4w">Les apprenants et les objectifs de l’appel</h2>
      <p>Objectifs : au moins {pct(t.womenShare)} de femmes, {pct(t.priorityAreaShare)} d’apprenants résidant en QPV, ZRR ou FRR, {pct(t.positiveOutcomeShare)} de sorties positives, {t.minLearnersPerSession} apprenants par session.</p>
      <SharesChart shares={n.shares} id="graphique-national" />
      <Table caption="Indicateurs nationaux et objectifs de l’appel" wide>
        <thead><tr><th scope="col">Indicateur</th><th scope="col">Part</th><th scope="col">Calculée sur</th><th scope="col">Objectif</th><th scope="col">Résultat</th></tr></thead>
        <tbody>
          {n.shares.map((s) => (
            <tr>
              <th scope="row">{s.label}</th><td>{formatPublicShare(s.share)}</td>
              <td>{s.base.hidden ? 'Secret statistique' : `${fr(s.base.value)} apprenant${s.base.value > 1 ? 's' : ''}`}</td>
              <td>{s.target === null ? '—' : `≥ ${pct(s.target)}`}</td><td>{verdict(s)}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h2 class="fr-mt-4w">Par année</h2>
      {figures.byYear.length ? <GroupsTable caption="Chiffres par année de début de session" head="Année" groups={figures.byYear} /> : <p>Aucune session n’a encore été déclarée.</p>}

      <h2 class="fr-mt-4w">Par région</h2>
      {figures.byRegion.length ? <GroupsTable caption="Chiffres par région du lieu de formation" head="Région" groups={figures.byRegion} /> : <p>Aucune session n’a encore été déclarée.</p>}

      <p class="fr-mt-4w">Ces données sont aussi disponibles en <a href="/donnees-ouvertes">données ouvertes</a>.</p>
    </Layout>
  );
}
