/** Admin pages of the audit log: the filtered browser and the integrity check. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Input } from '../../platform/views/ui.js';
import type { auditLog } from '../../platform/audit/audit.schema.js';
import type { ChainCheck } from '../../platform/audit/audit.js';
import { AUDIT_FILTER_FIELDS, type AuditFilterValues } from '../audit-filters.js';
import { AuditTable } from './audit-table.js';
import { Pagination, STAFF_CRUMB } from './common.js';

/** Props of the audit browser. */
export interface AuditPageProps {
  ctx: PageContext;
  values: AuditFilterValues;
  errors?: Record<string, string>;
  result?: { rows: (typeof auditLog.$inferSelect)[]; total: number; page: number; size: number };
}

/** Page /gestion/journal. */
export function AuditPage({ ctx, values, errors, result }: AuditPageProps) {
  const state = { values, errors };
  return (
    <Layout ctx={ctx} title="Journal d’audit" hasErrors={!!errors} breadcrumb={[STAFF_CRUMB]}>
      <h1>Journal d’audit</h1>
      <p>Le journal est en ajout seul : chaque entrée est chaînée à la précédente par une empreinte, ce qui rend toute modification détectable.</p>
      <p><a class="fr-btn fr-btn--secondary fr-icon-shield-line fr-btn--icon-left" href="/gestion/journal/integrite">Vérifier l’intégrité</a></p>
      <ErrorSummary errors={errors} fieldOrder={[...AUDIT_FILTER_FIELDS]} />
      <form method="get" action="/gestion/journal" class="fr-mb-4w">
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend">Filtrer les entrées</legend>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4"><Input name="action" label="Action (début du nom)" hint="Par exemple : staff. ou call." state={state} required={false} /></div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4"><Input name="objectType" label="Type d’objet" hint="Par exemple : user, call" state={state} required={false} /></div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4"><Input name="objectId" label="Identifiant de l’objet" state={state} required={false} /></div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4"><Input name="actor" label="Auteur" hint="Nom ou adresse électronique" state={state} required={false} /></div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4"><Input name="from" label="Du" hint="Format JJ/MM/AAAA" state={state} required={false} /></div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4"><Input name="to" label="Au" hint="Format JJ/MM/AAAA, jour inclus" state={state} required={false} /></div>
          <div class="fr-fieldset__element">
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li><button class="fr-btn" type="submit">Filtrer</button></li>
              <li><a class="fr-btn fr-btn--tertiary" href="/gestion/journal">Effacer les filtres</a></li>
            </ul>
          </div>
        </fieldset>
      </form>
      {result ? (
        <>
          <AuditTable rows={result.rows} caption={`Entrées du journal : ${result.total}, de la plus récente à la plus ancienne`} />
          <Pagination page={result.page} total={result.total} size={result.size} base="/gestion/journal" params={values} />
        </>
      ) : null}
    </Layout>
  );
}

/** Page /gestion/journal/integrite: the result of verifyChain. */
export function IntegrityPage({ ctx, check }: { ctx: PageContext; check: ChainCheck }) {
  return (
    <Layout ctx={ctx} title="Intégrité du journal d’audit" breadcrumb={[STAFF_CRUMB, { label: 'Journal d’audit', href: '/gestion/journal' }]}>
      <h1>Intégrité du journal d’audit</h1>
      {check.ok ? (
        <div class="fr-alert fr-alert--success fr-mb-4w">
          <h2 class="fr-alert__title">Journal intègre</h2>
          <p>Les {check.count} entrées du journal ont été vérifiées : aucune n’a été modifiée, supprimée ou insérée après coup.</p>
        </div>
      ) : (
        <div class="fr-alert fr-alert--error fr-mb-4w">
          <h2 class="fr-alert__title">Journal altéré à l’entrée n° {check.brokenAt}</h2>
          <p>{check.count} entrées vérifiées avant la rupture. Cause : {check.reason}.</p>
          <p>Conservez une copie de la base et prévenez le responsable de la sécurité du système d’information.</p>
        </div>
      )}
      <p><a class="fr-link" href="/gestion/journal">Retour au journal d’audit</a></p>
    </Layout>
  );
}
