/**
 * Map of metropolitan France by région or by département with the number of labelled trainings:
 * accessible SVG (title, description, each area a focusable link to the filtered search), the same
 * figures as a table (overseas areas too, which the map does not draw).
 */
import fs from 'node:fs';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { allAreas } from '../geo.js';
import { frNumber, plural } from './format.js';

interface MapData { width: number; height: number; regions: { code: string; name: string; d: string }[]; departements: { code: string; name: string; d: string }[] }
let mapData: MapData | null = null;
/** The shipped outlines (assets/geo/france_map_2018.json, see PROVENANCE.md). */
export function franceMap(): MapData {
  mapData ??= JSON.parse(fs.readFileSync(new URL('../../../assets/geo/france_map_2018.json', import.meta.url), 'utf8')) as MapData;
  return mapData;
}

/** Colour class of a count (5 steps). */
export function bucket(n: number): number {
  if (n === 0) return 0;
  if (n <= 2) return 1;
  if (n <= 5) return 2;
  if (n <= 10) return 3;
  return 4;
}
const LEGEND = ['aucune', '1 ou 2', '3 à 5', '6 à 10', 'plus de 10'];

/** Props of the map page. */
export interface MapPageProps { ctx: PageContext; level: 'regions' | 'departements'; counts: Record<string, number>; total: number }

/** The map page. */
export function MapPage({ ctx, level, counts, total }: MapPageProps) {
  const map = franceMap();
  const { regions, departements } = allAreas();
  const param = level === 'regions' ? 'region' : 'departement';
  const shapes = level === 'regions' ? map.regions : map.departements;
  const rows = (level === 'regions' ? regions : departements).map((a) => ({ code: a.code, name: a.name, region: a.region, n: counts[a.code] ?? 0 }));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const label = (name: string, n: number) => `${name} : ${plural(n, 'formation labellisée', 'formations labellisées')}`;
  const what = level === 'regions' ? 'région' : 'département';
  return (
    <Layout ctx={ctx} title={`Carte des formations labellisées par ${what}`} breadcrumb={[{ label: 'Trouver une formation', href: '/formations' }]}>
      <h1>Les formations labellisées en France</h1>
      <p class="fr-text--lead">{plural(total, 'formation labellisée', 'formations labellisées')} aujourd’hui. Choisissez une {what} pour voir ses formations.</p>
      <nav class="fr-mb-3w" aria-label="Découpage de la carte">
        <ul class="fr-btns-group fr-btns-group--inline-sm">
          <li><a class={`fr-btn${level === 'regions' ? '' : ' fr-btn--secondary'}`} href="/formations/carte" aria-current={level === 'regions' ? 'page' : undefined}>Par région</a></li>
          <li><a class={`fr-btn${level === 'departements' ? '' : ' fr-btn--secondary'}`} href="/formations/carte?niveau=departements" aria-current={level === 'departements' ? 'page' : undefined}>Par département</a></li>
        </ul>
      </nav>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-lg-8">
          <svg class="lg-france-map" viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-labelledby="carte-titre carte-desc" xmlns="http://www.w3.org/2000/svg">
            <title id="carte-titre">{`Carte de France métropolitaine des formations labellisées par ${what}`}</title>
            <desc id="carte-desc">{`Chaque ${what} est un lien vers ses formations ; sa couleur est d’autant plus foncée qu’elle compte de formations. Les mêmes chiffres sont dans le tableau qui suit, avec l’outre-mer.`}</desc>
            {shapes.map((s) => {
              const n = counts[s.code] ?? 0;
              return (
                <a href={`/formations?${param}=${s.code}`} aria-label={label(s.name, n)}>
                  <path d={s.d} class={`lg-france-map__area lg-france-map__area--${bucket(n)}`}><title>{label(s.name, n)}</title></path>
                </a>
              );
            })}
          </svg>
          <ul class="lg-france-map__legend" aria-label="Légende">
            {LEGEND.map((l, i) => <li><span class={`lg-france-map__swatch lg-france-map__area--${i}`} aria-hidden="true"></span>{l}</li>)}
          </ul>
        </div>
        <div class="fr-col-12 fr-col-lg-4">
          <div class="fr-table fr-table--sm"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
            <table>
              <caption>Formations labellisées par {what}</caption>
              <thead><tr><th scope="col">{level === 'regions' ? 'Région' : 'Département'}</th>{level === 'departements' ? <th scope="col">Région</th> : null}<th scope="col">Formations</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">{r.n > 0 ? <a href={`/formations?${param}=${r.code}`}>{level === 'departements' ? `${r.code} – ${r.name}` : r.name}</a> : level === 'departements' ? `${r.code} – ${r.name}` : r.name}</th>
                    {level === 'departements' ? <td>{regionName.get(r.region ?? '') ?? ''}</td> : null}
                    <td>{frNumber(r.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div></div></div></div>
        </div>
      </div>
    </Layout>
  );
}
