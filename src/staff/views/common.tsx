/** Pieces shared by the staff pages: Paris dates, pagination links, readable JSON. */
import { formatParis } from '../../calls/call.js';

/** A date in Paris time, or a dash. */
export function parisDate(d: Date | string | null | undefined): string {
  if (!d) return '—';
  return formatParis(typeof d === 'string' ? new Date(d) : d);
}

/** Number of pages for a total. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Reads ?page=N, defaulting to 1 (anything malformed is page 1). */
export function pageParam(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** DSFR pagination: previous, current "page X sur Y", next; keeps the other query parameters. */
export function Pagination({ page, total, size, base, params }: { page: number; total: number; size: number; base: string; params: Record<string, string> }) {
  const pages = pageCount(total, size);
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '')), page: String(p) });
    return `${base}?${q.toString()}`;
  };
  return (
    <nav role="navigation" class="fr-pagination fr-mt-3w" aria-label="Pagination">
      <ul class="fr-pagination__list">
        <li>{page > 1
          ? <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={href(page - 1)}>Page précédente</a>
          : <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">Page précédente</a>}</li>
        <li><a class="fr-pagination__link" aria-current="page" title={`Page ${page} sur ${pages}`}>{`Page ${page} sur ${pages}`}</a></li>
        <li>{page < pages
          ? <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={href(page + 1)}>Page suivante</a>
          : <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">Page suivante</a>}</li>
      </ul>
    </nav>
  );
}

/** Indented JSON in a <pre>, or a dash when empty. */
export function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span>—</span>;
  return <pre class="lg-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The fragment of the staff area in breadcrumbs. */
export const STAFF_CRUMB = { label: 'Espace GEN', href: '/gestion' };
