/** The frame shared by the application pages: breadcrumb, title, state badge. */
import type { Child } from 'hono/jsx';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { STATE_LABELS, STATE_BADGES, type ApplicationState } from '../application.states.js';
import { listPath, appPath } from './paths.js';

/** Props of an application page. */
export interface ShellProps {
  ctx: PageContext;
  title: string;
  orgId: string;
  app?: { id: string; trainingTitle: string; state: ApplicationState };
  hasErrors?: boolean;
  children?: Child;
}

/** A page about one application (or the list), with the right breadcrumb. */
export function ApplicationShell({ ctx, title, orgId, app, hasErrors, children }: ShellProps) {
  const crumbs: { label: string; href?: string }[] = [{ label: 'Mes organismes', href: '/organisations' }, { label: 'Candidatures', href: listPath(orgId) }];
  if (app && title !== app.trainingTitle) crumbs.push({ label: app.trainingTitle, href: appPath(orgId, app.id) });
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors} breadcrumb={crumbs}>
      {children}
    </Layout>
  );
}

/** The badge of a state. */
export function StateBadge({ state }: { state: ApplicationState }) {
  return <p class={`fr-badge ${STATE_BADGES[state]} fr-mb-2w`}>{STATE_LABELS[state]}</p>;
}
