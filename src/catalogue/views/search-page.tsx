/** "Trouver une formation labellisée GEN": the search form (GET, works without JavaScript), results, counts, pagination. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary } from '../../platform/views/ui.js';
import { MODALITIES, MODALITY_LABELS, SORTS, SORT_LABELS, LEVELS, REGISTERS, searchParams, type SearchQuery, type SearchResult, type SearchHit, type FacetName } from '../search.js';
import { allAreas } from '../geo.js';
import { longDate, frNumber, plural, trainingPath } from './format.js';

/** Props of the search page. */
export interface SearchPageProps {
  ctx: PageContext;
  query: SearchQuery;
  result: SearchResult;
  errors: Record<string, string>;
  families: { code: string; title: string }[];
}

const RADII = ['5', '10', '20', '30', '50', '100'];
const FIELD_ORDER = ['q', 'commune', 'rayon', 'region', 'departement', 'famille', 'modalite', 'repertoire', 'niveau', 'debut', 'fin', 'tri'];

const withCount = (label: string, n: number | undefined) => `${label} (${frNumber(n ?? 0)})`;

function Field({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: unknown }) {
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={name}>{label}{hint ? <span class="fr-hint-text" id={`${name}-aide`}>{hint}</span> : null}</label>
      {children}
      {error ? <p class="fr-error-text" id={`${name}-erreur`}>{error}</p> : null}
    </div>
  );
}

const describedBy = (name: string, hint: boolean, error?: string) => [hint ? `${name}-aide` : '', error ? `${name}-erreur` : ''].filter(Boolean).join(' ') || undefined;

function Choice({ name, label, value, options, errors, facet }: { name: string; label: string; value: string | null; options: { value: string; label: string }[]; errors: Record<string, string>; facet?: Record<string, number> }) {
  const error = errors[name];
  return (
    <div class={`fr-select-group${error ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for={name}>{label}</label>
      <select class={`fr-select${error ? ' fr-select--error' : ''}`} id={name} name={name} aria-describedby={describedBy(name, false, error)} aria-invalid={error ? 'true' : undefined}>
        <option value="" selected={!value}>Toutes</option>
        {options.map((o) => <option value={o.value} selected={o.value === value}>{facet ? withCount(o.label, facet[o.value]) : o.label}</option>)}
      </select>
      {error ? <p class="fr-error-text" id={`${name}-erreur`}>{error}</p> : null}
    </div>
  );
}

function Check({ name, label, checked, count }: { name: string; label: string; checked: boolean; count: number | undefined }) {
  return (
    <div class="fr-checkbox-group fr-mb-2w">
      <input type="checkbox" id={name} name={name} value="oui" checked={checked} />
      <label class="fr-label" for={name}>{withCount(label, count)}</label>
    </div>
  );
}

/** The search form. */
function SearchForm({ query, result, errors, families }: Omit<SearchPageProps, 'ctx'>) {
  const { regions, departements } = allAreas();
  const f = (k: FacetName) => result.facets[k];
  const byCount = (facet: Record<string, number>) => (a: { value: string }, b: { value: string }) => (facet[b.value] ?? 0) - (facet[a.value] ?? 0) || a.value.localeCompare(b.value);
  const regionOptions = regions.map((r) => ({ value: r.code, label: r.name })).filter((o) => f('region')[o.value] || o.value === query.region);
  const depOptions = departements.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` })).filter((o) => f('departement')[o.value] || o.value === query.departement);
  const advanced = !!(query.region || query.departement || query.family || query.modality || query.workStudy || query.register || query.level || query.from || query.to || query.qpv || Object.keys(errors).length);
  return (
    <form method="get" action="/formations" class="lg-catalogue-form fr-mb-4w" role="search" aria-label="Rechercher une formation">
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-5">
          <Field name="q" label="Métier, formation ou certification" hint="Par exemple : développeuse web, réseaux, RNCP31114." error={errors.q}>
            <input class="fr-input" type="search" id="q" name="q" value={query.q} maxlength={200} aria-describedby={describedBy('q', true, errors.q)} />
          </Field>
        </div>
        <div class="fr-col-8 fr-col-md-4">
          <Field name="commune" label="Commune" hint="Nom, code postal ou code INSEE." error={errors.commune}>
            <input class={`fr-input${errors.commune ? ' fr-input--error' : ''}`} type="text" id="commune" name="commune" value={query.commune?.name ?? query.communeInput} maxlength={100}
              autocomplete="address-level2" aria-describedby={describedBy('commune', true, errors.commune)} aria-invalid={errors.commune ? 'true' : undefined} />
          </Field>
        </div>
        <div class="fr-col-4 fr-col-md-3">
          <div class={`fr-select-group${errors.rayon ? ' fr-select-group--error' : ''}`}>
            <label class="fr-label" for="rayon">Rayon</label>
            <select class="fr-select" id="rayon" name="rayon" aria-describedby={describedBy('rayon', false, errors.rayon)}>
              <option value="" selected={query.radiusKm === null}>Dans la commune</option>
              {RADII.map((r) => <option value={r} selected={query.radiusKm !== null && String(query.radiusKm) === r}>{r} km</option>)}
            </select>
            {errors.rayon ? <p class="fr-error-text" id="rayon-erreur">{errors.rayon}</p> : null}
          </div>
        </div>
      </div>
      <details class="lg-catalogue-filters fr-mb-2w" open={advanced}>
        <summary class="fr-text--bold">Plus de critères</summary>
        <div class="fr-grid-row fr-grid-row--gutters fr-mt-1w">
          <div class="fr-col-12 fr-col-md-4"><Choice name="region" label="Région" value={query.region} options={regionOptions.sort(byCount(f('region')))} errors={errors} facet={f('region')} /></div>
          <div class="fr-col-12 fr-col-md-4"><Choice name="departement" label="Département" value={query.departement} options={depOptions} errors={errors} facet={f('departement')} /></div>
          <div class="fr-col-12 fr-col-md-4"><Choice name="famille" label="Famille de métiers" value={query.family} options={families.map((x) => ({ value: x.code, label: x.title }))} errors={errors} facet={f('famille')} /></div>
          <div class="fr-col-12 fr-col-md-4"><Choice name="modalite" label="Modalité" value={query.modality} options={MODALITIES.map((m) => ({ value: m, label: MODALITY_LABELS[m] }))} errors={errors} facet={f('modalite')} /></div>
          <div class="fr-col-6 fr-col-md-4"><Choice name="repertoire" label="Répertoire" value={query.register} options={REGISTERS.map((r) => ({ value: r, label: r === 'RS' ? 'Répertoire spécifique' : 'RNCP' }))} errors={errors} facet={f('repertoire')} /></div>
          <div class="fr-col-6 fr-col-md-4"><Choice name="niveau" label="Niveau" value={query.level} options={LEVELS.map((l) => ({ value: l, label: `Niveau ${l}` }))} errors={errors} facet={f('niveau')} /></div>
          <div class="fr-col-12 fr-col-md-8">
            <fieldset class="fr-fieldset" aria-describedby="sessions-aide">
              <legend class="fr-fieldset__legend fr-text--regular">Une session commence entre…<span class="fr-hint-text" id="sessions-aide">Dates au format jj/mm/aaaa.</span></legend>
              <div class="fr-fieldset__element fr-fieldset__element--inline">
                <Field name="debut" label="le" error={errors.debut}>
                  <input class={`fr-input${errors.debut ? ' fr-input--error' : ''}`} type="date" id="debut" name="debut" value={query.from ?? ''} aria-describedby={describedBy('debut', false, errors.debut)} aria-invalid={errors.debut ? 'true' : undefined} />
                </Field>
              </div>
              <div class="fr-fieldset__element fr-fieldset__element--inline">
                <Field name="fin" label="et le" error={errors.fin}>
                  <input class={`fr-input${errors.fin ? ' fr-input--error' : ''}`} type="date" id="fin" name="fin" value={query.to ?? ''} aria-describedby={describedBy('fin', false, errors.fin)} aria-invalid={errors.fin ? 'true' : undefined} />
                </Field>
              </div>
            </fieldset>
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <Check name="alternance" label="Alternance possible" checked={query.workStudy} count={f('alternance').oui} />
            <Check name="qpv" label="Lieu en quartier prioritaire (QPV)" checked={query.qpv} count={f('qpv').oui} />
          </div>
        </div>
      </details>
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-sm-8 fr-col-md-4">
          <div class={`fr-select-group${errors.tri ? ' fr-select-group--error' : ''}`}>
            <label class="fr-label" for="tri">Trier par</label>
            <select class="fr-select" id="tri" name="tri" aria-describedby={describedBy('tri', false, errors.tri)}>
              {SORTS.map((s) => <option value={s} selected={s === query.sort}>{SORT_LABELS[s]}{s === 'distance' ? ' (avec une commune)' : ''}</option>)}
            </select>
            {errors.tri ? <p class="fr-error-text" id="tri-erreur">{errors.tri}</p> : null}
          </div>
        </div>
        <div class="fr-col-12 fr-col-sm-4 fr-col-md-8">
          <button type="submit" class="fr-btn fr-icon-search-line fr-btn--icon-left fr-mb-3v">Rechercher</button>
        </div>
      </div>
    </form>
  );
}

/** One result. */
function Hit({ hit }: { hit: SearchHit }) {
  const e = hit.entry;
  const cities = [...new Set([...e.places, ...e.sessions.map((s) => s.place).filter((p) => p !== null)].map((p) => p!.city).filter(Boolean))];
  const next = hit.nextSession;
  return (
    <li class="lg-catalogue-hit fr-mb-3w">
      <div class="fr-card fr-enlarge-link">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h3 class="fr-card__title"><a href={trainingPath(e.number)}>{e.title}</a></h3>
            <p class="fr-card__desc">
              {e.organisation.name}{cities.length > 0 ? ` · ${cities.slice(0, 3).join(', ')}${cities.length > 3 ? '…' : ''}` : ''}
              {hit.distanceKm !== null ? ` · à ${frNumber(Math.round(hit.distanceKm * 10) / 10)} km` : ''}
            </p>
            <div class="fr-card__start">
              <ul class="fr-tags-group">
                {e.family ? <li><p class="fr-tag fr-tag--sm">{e.family.title}</p></li> : null}
                {e.modalities.map((m) => <li><p class="fr-tag fr-tag--sm">{MODALITY_LABELS[m]}</p></li>)}
                {e.workStudy ? <li><p class="fr-tag fr-tag--sm">Alternance possible</p></li> : null}
                {e.cert.level ? <li><p class="fr-tag fr-tag--sm">Niveau {e.cert.level}</p></li> : null}
              </ul>
            </div>
            <div class="fr-card__end">
              <p class="fr-card__detail">{next ? `Prochaine session : ${longDate(next.start)}${next.provisional ? ' (prévisionnelle)' : ''}${next.places !== null ? ` · ${plural(next.places, 'place', 'places')}` : ''}` : 'Pas de session annoncée pour le moment'}</p>
            </div>
          </div>
        </div>
      </div>
    </li>
  );
}

function Pagination({ query, result }: { query: SearchQuery; result: SearchResult }) {
  if (result.pages <= 1) return null;
  const href = (p: number) => `/formations?${searchParams(query, { page: p > 1 ? String(p) : null }).toString()}`;
  const pages = [...new Set([1, result.page - 1, result.page, result.page + 1, result.pages])].filter((p) => p >= 1 && p <= result.pages).sort((a, b) => a - b);
  return (
    <nav role="navigation" class="fr-pagination fr-mt-3w" aria-label="Pagination">
      <ul class="fr-pagination__list">
        <li>{result.page > 1 ? <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={href(result.page - 1)}>Page précédente</a> : <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">Page précédente</a>}</li>
        {pages.map((p) => <li><a class="fr-pagination__link" href={href(p)} aria-current={p === result.page ? 'page' : undefined} title={`Page ${p}`}>{p}</a></li>)}
        <li>{result.page < result.pages ? <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={href(result.page + 1)}>Page suivante</a> : <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">Page suivante</a>}</li>
      </ul>
    </nav>
  );
}

/** The search page. */
export function SearchPage({ ctx, query, result, errors, families }: SearchPageProps) {
  const hasErrors = Object.keys(errors).length > 0;
  const title = query.q ? `Formations « ${query.q} »` : 'Trouver une formation labellisée';
  return (
    <Layout ctx={ctx} title={result.pages > 1 ? `${title} – page ${result.page} sur ${result.pages}` : title} hasErrors={hasErrors}>
      <h1>Trouver une formation labellisée Grande École du Numérique</h1>
      <p class="fr-text--lead">Des formations aux métiers du numérique, gratuites ou financées, ouvertes à toutes et à tous, près de chez vous.</p>
      <ErrorSummary errors={errors} fieldOrder={FIELD_ORDER} />
      <SearchForm query={query} result={result} errors={errors} families={families} />
      <p class="fr-mb-2w"><a class="fr-link fr-icon-map-pin-2-line fr-link--icon-left" href="/formations/carte">Voir les formations sur la carte de France</a></p>
      <h2 id="resultats" aria-live="polite">{result.total === 0 ? 'Aucune formation ne correspond' : `${plural(result.total, 'formation', 'formations')}${result.pages > 1 ? ` – page ${result.page} sur ${result.pages}` : ''}`}</h2>
      {result.total === 0 ? <p>Essayez un autre mot, un rayon plus grand ou moins de critères.</p> : (
        <ul class="lg-catalogue-hits" aria-labelledby="resultats">
          {result.hits.map((h) => <Hit hit={h} />)}
        </ul>
      )}
      <Pagination query={query} result={result} />
      <p class="fr-mt-4w fr-text--sm">Ces résultats existent aussi en données ouvertes : <a href={`/api/v1/formations?${searchParams(query).toString()}`}>API des formations (JSON)</a>, documentée dans <a href="/territoire/api">la description de l’API</a>.</p>
    </Layout>
  );
}
