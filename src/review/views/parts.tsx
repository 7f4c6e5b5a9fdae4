/** Small pieces shared by the review pages: status badge, navigation of the application, pagination, paths. */
import { STATUS_BADGES, STATUS_LABELS, type WorkspaceStatus } from '../review.js';

/** Path of the workspace. */
export const WORKSPACE = '/gestion/candidatures';
/** Path of an application's staff page. */
export const reviewPath = (applicationId: string) => `${WORKSPACE}/${applicationId}`;
/** Path of the committee meetings. */
export const COMMITTEE = '/gestion/comite';
/** Path of one meeting. */
export const meetingPath = (meetingId: string) => `${COMMITTEE}/${meetingId}`;

/** The DSFR badge of a workspace status. */
export function StatusBadge({ status }: { status: WorkspaceStatus }) {
  return <span class={`fr-badge fr-badge--sm ${STATUS_BADGES[status]}`}>{STATUS_LABELS[status]}</span>;
}

/** Tabs between the pages of one application (links, so they work without JS). */
export function ApplicationTabs({ applicationId, current, may }: { applicationId: string; current: 'dossier' | 'recevabilite' | 'notation'; may: { admissibility: boolean; score: boolean } }) {
  const tabs = [
    { key: 'dossier', label: 'Dossier', href: reviewPath(applicationId), show: true },
    { key: 'recevabilite', label: 'Recevabilité', href: `${reviewPath(applicationId)}/recevabilite`, show: may.admissibility },
    { key: 'notation', label: 'Notation', href: `${reviewPath(applicationId)}/notation`, show: may.score },
  ].filter((t) => t.show);
  return (
    <nav class="fr-mb-4w" aria-label="Pages de la candidature">
      <ul class="fr-btns-group fr-btns-group--inline-sm">
        {tabs.map((t) => (
          <li><a class={`fr-btn fr-btn--sm${t.key === current ? '' : ' fr-btn--tertiary'}`} href={t.href} aria-current={t.key === current ? 'page' : undefined}>{t.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}

/** DSFR pagination keeping the other query parameters. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (p: number) => string }) {
  if (pages <= 1) return null;
  const around = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav role="navigation" class="fr-pagination fr-mt-3w" aria-label="Pagination">
      <ul class="fr-pagination__list">
        <li>{page > 1 ? <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={href(page - 1)}>Page précédente</a> : <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">Page précédente</a>}</li>
        {around.map((p) => <li><a class="fr-pagination__link" href={href(p)} aria-current={p === page ? 'page' : undefined} title={`Page ${p}`}>{p}</a></li>)}
        <li>{page < pages ? <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={href(page + 1)}>Page suivante</a> : <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">Page suivante</a>}</li>
      </ul>
    </nav>
  );
}

/** "12/03/2026 à 14:05" in Paris time. */
export function parisDateTime(d: Date | string | null | undefined): string {
  if (!d) return '—';
  const x = typeof d === 'string' ? new Date(d) : d;
  const date = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(x);
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(x);
  return `${date} à ${time}`;
}

/** A tag as a DSFR badge in its colour. */
export function TagBadge({ label, colour }: { label: string; colour: string }) {
  return <span class={`fr-badge fr-badge--sm fr-badge--no-icon fr-badge--${colour} fr-mr-1v`}>{label}</span>;
}

/** Shown instead of a score to an assigned reviewer who has not submitted their own score sheet. */
export const SCORE_HIDDEN = 'masquée jusqu’à votre notation';
