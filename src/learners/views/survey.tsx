/** The learner's survey page, reached by a personal link (no account). */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Radios, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { EXIT_SITUATIONS, EXIT_SITUATION_LABELS } from '../learners.js';

/** The survey form, or the thanks once answered. */
export function SurveyPage(p: { ctx: PageContext; token: string; trainingTitle: string; wave: string; answered: boolean; state?: FormState }) {
  const months = p.wave === '3m' ? 3 : 6;
  return (
    <Layout ctx={p.ctx} title="Enquête de suivi des apprenants" hasErrors={!!p.state?.errors}>
      <h1>Que devenez-vous {months} mois après votre formation ?</h1>
      {p.answered ? <p class="fr-alert fr-alert--success fr-alert--sm">Merci : votre réponse est enregistrée.</p> : (
        <>
          <ErrorSummary errors={p.state?.errors} fieldOrder={['situation', 'satisfaction', 'commentaire']} />
          <p>Formation « {p.trainingTitle} ». Votre réponse est transmise à la Grande École du Numérique ; elle n’est pas montrée nominativement à l’organisme.</p>
          <Form action={`/enquete/${p.token}`} csrf={p.ctx.csrfToken}>
            <Select name="situation" label="Votre situation aujourd’hui" state={p.state} options={EXIT_SITUATIONS.filter((s) => s !== 'unknown').map((s) => ({ value: s, label: EXIT_SITUATION_LABELS[s] }))} />
            <Radios name="satisfaction" label="Êtes-vous satisfait de la formation suivie ? (1 : pas du tout, 5 : tout à fait)" state={p.state} inline
              options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))} />
            <Textarea name="commentaire" label="Un commentaire" state={p.state} required={false} rows={4} maxlength={2000} />
            <Submit label="Envoyer ma réponse" />
          </Form>
        </>
      )}
    </Layout>
  );
}
