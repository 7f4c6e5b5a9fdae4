/** Admin page of one call: its figures, its calendar and its selection weights, each changed with a motivation. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { CallDetails } from '../calls.store.js';
import { RULE_FIELDS, rulesValues, parisFields } from '../call-forms.js';
import { CutoffsTable, SelectionTable, weightText } from './call-page.js';

/** Which of the three forms was sent back with errors. */
export type CallForm = 'regles' | 'releves' | 'ponderations';

/** Props of the admin page of a call. */
export interface AdminCallProps { ctx: PageContext; details: CallDetails; sent?: { form: CallForm; state: FormState } }

function stateFor(sent: AdminCallProps['sent'], form: CallForm, current: Record<string, string>): FormState {
  return sent?.form === form ? sent.state : { values: current };
}

function cutoffValues(details: CallDetails): Record<string, string> {
  const v: Record<string, string> = {};
  for (const c of details.cutoffs) {
    const { date, time } = parisFields(c.closesAt);
    Object.assign(v, { [`libelle_${c.position}`]: c.label, [`date_${c.position}`]: date, [`heure_${c.position}`]: time, [`perimetre_${c.position}`]: c.scopeNote, [`resultats_${c.position}`]: c.resultsNote });
  }
  return v;
}

function CutoffFields({ suffix, legend, state, optional }: { suffix: string; legend: string; state: FormState; optional?: boolean }) {
  const req = optional ? false : undefined;
  return (
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend">{legend}</legend>
      <div class="fr-fieldset__element"><Input name={`libelle_${suffix}`} label="Libellé" state={state} required={req} /></div>
      <div class="fr-fieldset__element"><Input name={`date_${suffix}`} label="Date de clôture" hint="Format JJ/MM/AAAA" state={state} required={req} /></div>
      <div class="fr-fieldset__element"><Input name={`heure_${suffix}`} label="Heure de clôture, heure de Paris" hint="Format HH:MM ; la minute indiquée est incluse (23:59 ferme à 23:59:59)" state={state} required={false} /></div>
      <div class="fr-fieldset__element"><Input name={`perimetre_${suffix}`} label="Formations concernées" state={state} required={false} /></div>
      <div class="fr-fieldset__element"><Input name={`resultats_${suffix}`} label="Annonce des résultats" state={state} required={false} /></div>
    </fieldset>
  );
}

/** Page /gestion/appels/:callId. */
export function AdminCallPage({ ctx, details, sent }: AdminCallProps) {
  const { call } = details;
  const base = `/gestion/appels/${call.id}`;
  const rules = stateFor(sent, 'regles', rulesValues(call.rules));
  const cut = stateFor(sent, 'releves', cutoffValues(details));
  const weights = stateFor(sent, 'ponderations', Object.fromEntries(details.selection.map((c) => [`poids_${c.code}`, weightText(c.weight)])));
  const order = [...RULE_FIELDS.map((f) => f.key), 'motivationRegles', ...Object.keys(cutoffValues(details)), 'libelle_nouveau', 'date_nouveau', 'motivationReleves', ...details.selection.map((c) => `poids_${c.code}`), 'motivationPonderations'];
  return (
    <Layout ctx={ctx} title={`Gérer : ${call.title}`} hasErrors={!!sent?.state.errors} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Appels à labellisation', href: '/gestion/appels' }]}>
      <h1>{call.title}</h1>
      <p><a class="fr-link" href={`/appels/${call.slug}`}>Voir la page publique de l’appel</a></p>
      <ErrorSummary errors={sent?.state.errors} fieldOrder={order} />
      <p>Chaque modification est inscrite au journal d’audit avec sa motivation, avec les valeurs avant et après.</p>

      <h2>Durées et objectifs</h2>
      <Form action={`${base}/regles`} csrf={ctx.csrfToken}>
        {RULE_FIELDS.map((f) => <Input name={f.key} label={f.label} state={rules} inputmode="decimal" />)}
        <Textarea name="motivationRegles" label="Motivation de la modification des durées et objectifs" state={rules} rows={2} maxlength={1000} />
        <Submit label="Enregistrer les durées et objectifs" />
      </Form>

      <h2 class="fr-mt-6w">Calendrier des relevés</h2>
      <CutoffsTable details={details} />
      <Form action={`${base}/releves`} csrf={ctx.csrfToken}>
        {details.cutoffs.map((c) => <CutoffFields suffix={String(c.position)} legend={`Relevé ${c.position} : ${c.label}`} state={cut} />)}
        <CutoffFields suffix="nouveau" legend="Ajouter un relevé (facultatif)" state={cut} optional />
        <Textarea name="motivationReleves" label="Motivation de la modification du calendrier" state={cut} rows={2} maxlength={1000} />
        <Submit label="Enregistrer le calendrier" />
      </Form>

      <h2 class="fr-mt-6w">Pondération des critères de sélection</h2>
      <SelectionTable details={details} />
      <Form action={`${base}/ponderations`} csrf={ctx.csrfToken}>
        {details.selection.map((c) => <Input name={`poids_${c.code}`} label={`${c.code}. ${c.title}`} hint="Nombre de points sur 10, par exemple 1,5" state={weights} inputmode="decimal" />)}
        <Textarea name="motivationPonderations" label="Motivation de la modification des pondérations" hint="La somme des pondérations doit faire 10." state={weights} rows={2} maxlength={1000} />
        <Submit label="Enregistrer les pondérations" />
      </Form>
    </Layout>
  );
}
