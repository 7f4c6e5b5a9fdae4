/** Everything on one page: the answers, the admissibility pre-check, what is missing, and "Déposer". */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form } from '../../platform/views/ui.js';
import { SECTIONS } from '../sections/catalogue.js';
import type { Dossier } from '../dossier.js';
import type { CriterionStatus } from '../admissibility.js';
import { DOCUMENT_LABELS } from '../documents.js';
import { memberPermissions } from '../applications.policy.js';
import { formatParis } from '../../calls/call.js';
import { ApplicationShell, StateBadge } from './shell.js';
import { SectionValues } from './section-page.js';
import { sectionPath, documentsPath, summaryPath, linkPath } from './paths.js';

const STATUS: Record<CriterionStatus, { label: string; badge: string }> = {
  met: { label: 'Rempli', badge: 'fr-badge--success' },
  not_met: { label: 'Non rempli', badge: 'fr-badge--error' },
  to_check: { label: 'À vérifier par la GEN', badge: 'fr-badge--info' },
};

/** The summary page; `errors`/`message` come back from a refused submission. */
export function SummaryPage({ ctx, d, errors = {}, message, now }: { ctx: PageContext; d: Dossier; errors?: Record<string, string>; message?: string; now: Date }) {
  const app = d.application;
  const orgId = app.organisationId;
  const may = memberPermissions(app.state);
  const tz = d.call.call.timezone;
  const incomplete = SECTIONS.filter((s) => !d.sections[s.key].reading.completed);
  const next = [...d.call.cutoffs].sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime()).find((c) => c.closesAt >= now);
  return (
    <ApplicationShell ctx={ctx} title="Récapitulatif et dépôt" orgId={orgId} app={app} hasErrors={Object.keys(errors).length > 0 || !!message}>
      <h1>Récapitulatif et dépôt</h1>
      <StateBadge state={app.state} />
      <ErrorSummary errors={message && !Object.keys(errors).length ? { _form: message } : errors} fieldOrder={['sworn']} />
      <h2>Recevabilité : pré-contrôle</h2>
      <p>Ce pré-contrôle vous signale ce qui rendrait la candidature irrecevable. Vous pouvez déposer même si un critère n’est pas rempli : la GEN décide.</p>
      <ul class="lg-precheck">
        {d.precheck.map((c) => (
          <li class="fr-mb-2w">
            <span class={`fr-badge fr-badge--sm ${STATUS[c.status].badge}`}>{STATUS[c.status].label}</span>{' '}
            <strong>{c.code}. {c.title}</strong>
            <p class="fr-mb-0">{c.reason}{c.link && c.status === 'not_met' && may.edit ? <> <a class="fr-link fr-text--sm" href={linkPath(orgId, app.id, c.link)}>Corriger</a></> : null}</p>
          </li>
        ))}
      </ul>
      {may.edit && (incomplete.length || d.missingDocuments.length) ? (
        <div class="fr-alert fr-alert--warning fr-mb-4w">
          <h2 class="fr-alert__title">Ce qui manque encore</h2>
          <ul>
            {incomplete.map((s) => <li><a href={sectionPath(orgId, app.id, s.key)}>{s.title}</a> : {d.sections[s.key].reading.missing.length} champ(s) à renseigner{Object.keys(d.sections[s.key].reading.errors).length ? ', des erreurs à corriger' : ''}</li>)}
            {d.missingDocuments.map((k) => <li><a href={`${documentsPath(orgId, app.id)}#${k}`}>{DOCUMENT_LABELS[k].label}</a></li>)}
          </ul>
        </div>
      ) : null}
      <h2>Vos réponses</h2>
      {SECTIONS.map((s) => (
        <section class="fr-mb-4w">
          <h3>{s.title}</h3>
          <SectionValues def={s} values={d.sections[s.key].reading.values} fieldCtx={d.ctx} />
        </section>
      ))}
      {may.submit ? (
        <Form action={`${summaryPath(orgId, app.id)}/deposer`} csrf={ctx.csrfToken}>
          <h2>Déposer la candidature</h2>
          <p>{next ? `Déposée maintenant, elle sera examinée au ${next.label} (clôture le ${formatParis(next.closesAt, tz)}, heure de Paris). ` : ''}L’heure du serveur fait foi. Une fois déposée, la candidature n’est plus modifiable.</p>
          <div class={`fr-checkbox-group fr-mb-3w${errors.sworn ? ' fr-checkbox-group--error' : ''}`}>
            <input type="checkbox" id="sworn" name="sworn" value="oui" aria-describedby={errors.sworn ? 'sworn-erreur' : undefined} />
            <label class="fr-label" for="sworn">Je déclare sur l’honneur que les informations de cette candidature sont exactes et que l’organisme est à jour de ses obligations fiscales et sociales.</label>
            {errors.sworn ? <p class="fr-error-text" id="sworn-erreur">{errors.sworn}</p> : null}
          </div>
          <button type="submit" class="fr-btn">Déposer la candidature</button>
        </Form>
      ) : null}
    </ApplicationShell>
  );
}
