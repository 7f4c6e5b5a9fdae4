/** An organisation's applications, and the form to start a new one. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Select, type FormState } from '../../platform/views/ui.js';
import { STATE_LABELS, STATE_BADGES, type ApplicationState } from '../application.states.js';
import { dateTimeSeconds } from '../format.js';
import { ApplicationShell } from './shell.js';
import { appPath, listPath } from './paths.js';

/** A row of the list. */
export interface ListRow { id: string; trainingTitle: string; state: ApplicationState; callTitle: string; receiptNumber: string | null; submittedAt: Date | null; updatedAt: Date }

/** The list page. */
export function ListPage({ ctx, orgId, orgName, rows }: { ctx: PageContext; orgId: string; orgName: string; rows: ListRow[] }) {
  return (
    <ApplicationShell ctx={ctx} title={`Candidatures – ${orgName}`} orgId={orgId}>
      <h1>Candidatures de {orgName}</h1>
      <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href={`${listPath(orgId)}/nouvelle`}>Nouvelle candidature</a></p>
      {rows.length === 0 ? <p>Aucune candidature pour le moment.</p> : (
        <div class="fr-table">
          <table>
            <caption>Candidatures de l’organisme</caption>
            <thead><tr><th scope="col">Formation</th><th scope="col">Appel</th><th scope="col">État</th><th scope="col">Récépissé</th><th scope="col">Dernière modification</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td><a href={appPath(orgId, r.id)}>{r.trainingTitle}</a></td>
                  <td>{r.callTitle}</td>
                  <td><span class={`fr-badge fr-badge--sm ${STATE_BADGES[r.state]}`}>{STATE_LABELS[r.state]}</span></td>
                  <td>{r.receiptNumber ?? '—'}</td>
                  <td>{dateTimeSeconds(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ApplicationShell>
  );
}

/** The "new application" page: an open call and the training's title. */
export function NewApplicationPage({ ctx, orgId, calls, state }: { ctx: PageContext; orgId: string; calls: { id: string; title: string }[]; state: FormState }) {
  const hasErrors = Object.keys(state.errors ?? {}).length > 0;
  return (
    <ApplicationShell ctx={ctx} title="Nouvelle candidature" orgId={orgId} hasErrors={hasErrors}>
      <h1>Nouvelle candidature</h1>
      <p>Une candidature porte sur une formation et un appel à labellisation.</p>
      <ErrorSummary errors={state.errors} fieldOrder={['callId', 'trainingTitle']} />
      {calls.length === 0 ? <div class="fr-alert fr-alert--info"><p>Aucun appel à labellisation n’est ouvert en ce moment.</p></div> : (
        <Form action={`${listPath(orgId)}/nouvelle`} csrf={ctx.csrfToken}>
          <Select name="callId" label="Appel à labellisation" state={state} options={calls.map((c) => ({ value: c.id, label: c.title }))} />
          <Input name="trainingTitle" label="Intitulé de la formation" hint="Par exemple : Développeur web et web mobile." state={state} maxlength={200} />
          <button type="submit" class="fr-btn">Créer la candidature</button>
        </Form>
      )}
    </ApplicationShell>
  );
}
