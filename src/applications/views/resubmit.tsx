/** "Redéposer": the correction request, the parts it opened with their state, the sworn statement. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form } from '../../platform/views/ui.js';
import type { Dossier } from '../dossier.js';
import { SECTIONS } from '../sections/catalogue.js';
import { ApplicationShell, StateBadge } from './shell.js';
import { resubmitPath, sectionPath, documentsPath, appPath } from './paths.js';

const frDate = (iso: string) => iso.split('-').reverse().join('/');

/** The resubmission page; `errors` come back from a refused resubmission. */
export function ResubmitPage({ ctx, d, errors = {}, today }: { ctx: PageContext; d: Dossier; errors?: Record<string, string>; today: string }) {
  const app = d.application;
  const orgId = app.organisationId;
  const c = d.correction;
  const late = c ? today > c.dueOn : false;
  return (
    <ApplicationShell ctx={ctx} title="Redéposer la candidature" orgId={orgId} app={app} hasErrors={Object.keys(errors).length > 0}>
      <h1>Redéposer la candidature</h1>
      <StateBadge state={app.state} />
      <ErrorSummary errors={errors} fieldOrder={['sworn']} />
      {c ? (
        <div class={`fr-callout fr-mb-4w`}>
          <h2 class="fr-callout__title">Corrections demandées par la GEN</h2>
          <p class="fr-callout__text lg-prewrap">{c.message}</p>
          <p class="fr-text--sm fr-mt-2w">À redéposer au plus tard le {frDate(c.dueOn)}.{late ? ' Ce délai est dépassé : vous pouvez encore redéposer, la GEN en sera informée.' : ''}</p>
        </div>
      ) : null}
      <h2>Rubriques à corriger</h2>
      <ul>
        {d.openParts.map((p) => {
          if (p === 'documents') return <li><a href={documentsPath(orgId, app.id)}>Pièces justificatives</a> : {d.missingDocuments.length ? `${d.missingDocuments.length} pièce(s) obligatoire(s) manquante(s)` : 'complètes'}</li>;
          const def = SECTIONS.find((s) => s.key === p);
          if (!def) return <li>{p}</li>;
          const st = d.sections[def.key];
          return <li><a href={sectionPath(orgId, app.id, def.key)}>{def.title}</a> : {st.reading.completed ? 'complète' : 'incomplète'}{st.updatedAt && c && st.updatedAt > c.requestedAt ? ', modifiée depuis la demande' : ', pas encore modifiée depuis la demande'}</li>;
        })}
      </ul>
      <Form action={resubmitPath(orgId, app.id)} csrf={ctx.csrfToken}>
        <p>Une fois redéposée, la candidature redevient non modifiable et la GEN reprend son examen. Un nouveau récépissé vous est envoyé.</p>
        <div class={`fr-checkbox-group fr-mb-3w${errors.sworn ? ' fr-checkbox-group--error' : ''}`}>
          <input type="checkbox" id="sworn" name="sworn" value="oui" aria-describedby={errors.sworn ? 'sworn-erreur' : undefined} />
          <label class="fr-label" for="sworn">Je déclare sur l’honneur que les informations corrigées sont exactes.</label>
          {errors.sworn ? <p class="fr-error-text" id="sworn-erreur">{errors.sworn}</p> : null}
        </div>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button type="submit" class="fr-btn">Redéposer la candidature</button></li>
          <li><a class="fr-btn fr-btn--secondary" href={appPath(orgId, app.id)}>Retour à la candidature</a></li>
        </ul>
      </Form>
    </ApplicationShell>
  );
}
