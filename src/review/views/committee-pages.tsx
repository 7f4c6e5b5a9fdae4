/** The committee's list of meetings with the form to create one. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Select, type FormState } from '../../platform/views/ui.js';
import { frenchDate } from '../review.js';
import { COMMITTEE, meetingPath } from './parts.js';

/** What the list page shows. */
export interface CommitteeListProps {
  ctx: PageContext;
  meetings: { meeting: { id: string; heldOn: string; place: string; minutesValidatedAt: Date | null }; callTitle: string; cutoffLabel: string; decisions: number }[];
  canManage: boolean;
  cutoffs: { id: string; label: string; callTitle: string }[];
  candidates: { id: string; fullName: string }[];
  state?: FormState;
}

/** The page. */
export function CommitteeListPage({ ctx, meetings, canManage, cutoffs, candidates, state }: CommitteeListProps) {
  const errors = state?.errors ?? {};
  const chosen = new Set([state?.values?.members ?? []].flat());
  return (
    <Layout ctx={ctx} title="Comité de labellisation" hasErrors={Object.keys(errors).length > 0} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <ErrorSummary errors={errors} fieldOrder={['cutoffId', 'heldOn', 'place', 'members']} />
      <h1>Comité de labellisation</h1>
      <h2>Séances</h2>
      {meetings.length === 0 ? <p>Aucune séance n’est programmée.</p> : (
        <div class="fr-table lg-table-wrap">
          <table>
            <caption>Séances du comité, de la plus récente à la plus ancienne</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Appel et relevé</th><th scope="col">Décisions</th><th scope="col">Procès-verbal</th></tr></thead>
            <tbody>
              {meetings.map((m) => (
                <tr>
                  <td><a href={meetingPath(m.meeting.id)}>Séance du {frenchDate(m.meeting.heldOn)}</a>{m.meeting.place ? <><br /><span class="fr-text--xs">{m.meeting.place}</span></> : null}</td>
                  <td>{m.callTitle} – {m.cutoffLabel}</td>
                  <td>{m.decisions}</td>
                  <td>{m.meeting.minutesValidatedAt ? 'Validé' : 'À valider'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? (
        <Form action={COMMITTEE} csrf={ctx.csrfToken}>
          <h2 class="fr-mt-6w">Programmer une séance</h2>
          <Select name="cutoffId" label="Relevé examiné" state={state} options={cutoffs.map((c) => ({ value: c.id, label: `${c.callTitle} – ${c.label}` }))} />
          <Input name="heldOn" type="date" label="Date de la séance" state={state} />
          <Input name="place" label="Lieu ou modalité" hint="Par exemple : visioconférence, ou l’adresse de la réunion." required={false} state={state} maxlength={300} />
          <fieldset class={`fr-fieldset${errors.members ? ' fr-fieldset--error' : ''}`} id="members" aria-labelledby={`members-legende${errors.members ? ' members-erreur' : ''}`} role="group">
            <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="members-legende">Membres de la séance</legend>
            {candidates.map((c, i) => (
              <div class="fr-fieldset__element">
                <div class="fr-checkbox-group">
                  <input type="checkbox" id={`members-${i}`} name="members" value={c.id} checked={chosen.has(c.id)} />
                  <label class="fr-label" for={`members-${i}`}>{c.fullName}</label>
                </div>
              </div>
            ))}
            {errors.members ? <div class="fr-messages-group"><p class="fr-message fr-message--error" id="members-erreur">{errors.members}</p></div> : null}
          </fieldset>
          <button type="submit" class="fr-btn">Programmer la séance</button>
        </Form>
      ) : null}
    </Layout>
  );
}
