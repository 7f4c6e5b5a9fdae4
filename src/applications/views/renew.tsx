/** "Renouveler à partir de cette candidature": choose the open call and the title of the new draft. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Select, type FormState } from '../../platform/views/ui.js';
import type { ApplicationRow } from '../applications.store.js';
import { ApplicationShell } from './shell.js';
import { renewPath, appPath } from './paths.js';

/** The renewal page. */
export function RenewPage({ ctx, app, calls, state }: { ctx: PageContext; app: ApplicationRow; calls: { id: string; title: string }[]; state: FormState }) {
  const orgId = app.organisationId;
  const values = { trainingTitle: app.trainingTitle, callId: calls.length === 1 ? calls[0]!.id : '', ...(state.values ?? {}) };
  return (
    <ApplicationShell ctx={ctx} title="Renouveler la candidature" orgId={orgId} app={app} hasErrors={Object.keys(state.errors ?? {}).length > 0}>
      <h1>Renouveler à partir de cette candidature</h1>
      <p>Une nouvelle candidature en brouillon est créée dans l’appel choisi, avec toutes les réponses de « {app.trainingTitle} ». Les pièces justificatives ne sont pas reprises : joignez des pièces à jour. Relisez chaque rubrique avant de déposer.</p>
      <ErrorSummary errors={state.errors} fieldOrder={['callId', 'trainingTitle']} />
      {calls.length === 0 ? (
        <div class="fr-alert fr-alert--info fr-mb-4w"><p>Aucun appel à labellisation n’est ouvert en ce moment : revenez à l’ouverture du prochain appel.</p></div>
      ) : (
        <Form action={renewPath(orgId, app.id)} csrf={ctx.csrfToken}>
          <Select name="callId" label="Appel à labellisation" options={calls.map((c) => ({ value: c.id, label: c.title }))} placeholder="Choisissez un appel" state={{ ...state, values }} />
          <Input name="trainingTitle" label="Intitulé de la formation" hint="Modifiez-le si la formation a changé de nom." state={{ ...state, values }} maxlength={200} />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><button type="submit" class="fr-btn">Créer la candidature de renouvellement</button></li>
            <li><a class="fr-btn fr-btn--secondary" href={appPath(orgId, app.id)}>Annuler</a></li>
          </ul>
        </Form>
      )}
    </ApplicationShell>
  );
}
