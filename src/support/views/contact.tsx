/** The contact page: step 1 (who and what), step 2 (the message, with the help articles of that topic beside it). */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { REQUESTER_KINDS, REQUESTER_LABELS, TOPICS, TOPIC_LABELS, type RequesterKind, type Topic } from '../support.js';
import { HONEYPOT_FIELD, STAMP_FIELD } from '../anti-spam.js';
import { markdownToText } from '../markdown.js';
import { AttachmentsField, Checkbox } from './parts.js';

const CRUMB = [{ label: 'Accueil', href: '/' }];

/** Step 1: who are you, what is it about (a GET form, so it works without JavaScript or session). */
export function ContactStepPage({ ctx, state }: { ctx: PageContext; state?: FormState }) {
  return (
    <Layout ctx={ctx} title="Nous contacter" hasErrors={!!state?.errors && Object.keys(state.errors).length > 0} breadcrumb={CRUMB}>
      <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
        <h1>Nous contacter</h1>
        <p>Vous n’avez pas besoin de compte pour nous écrire. Beaucoup de réponses se trouvent déjà dans le <a href="/aide">centre d’aide</a>.</p>
        <p class="fr-text--sm">Étape 1 sur 2 : votre situation et le sujet de votre demande.</p>
        <ErrorSummary errors={state?.errors} fieldOrder={['profil', 'sujet']} />
        <Form action="/contact" csrf="" method="get">
          <input type="hidden" name="etape" value="1" />
          <Radios name="profil" label="Vous êtes" state={state} options={REQUESTER_KINDS.map((k) => ({ value: k, label: REQUESTER_LABELS[k] }))} />
          <Radios name="sujet" label="Votre demande porte sur" state={state} options={TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))} />
          <Submit label="Continuer" />
        </Form>
      </div></div>
    </Layout>
  );
}

/** What step 2 shows. */
export interface ContactFormProps {
  ctx: PageContext;
  profil: RequesterKind;
  sujet: Topic;
  articles: { slug: string; title: string; body: string }[];
  /** The training search (topics about a training): what was searched and what was found. */
  training: { q: string; choices: { ref: string; label: string }[] } | null;
  stamp: string;
  state?: FormState;
}

/** Step 2: the message, with the articles of the topic and, for a training, a search. */
export function ContactFormPage(p: ContactFormProps) {
  const errors = p.state?.errors ?? {};
  const changeHref = `/contact?${new URLSearchParams({ profil: p.profil, sujet: p.sujet, modifier: '1' }).toString()}`;
  return (
    <Layout ctx={p.ctx} title="Écrire à l’équipe GEN" hasErrors={Object.keys(errors).length > 0} breadcrumb={[...CRUMB, { label: 'Nous contacter', href: '/contact' }]}>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-8">
          <h1>Écrire à l’équipe GEN</h1>
          <p class="fr-text--sm">Étape 2 sur 2 : votre message.</p>
          <p>Vous êtes : <strong>{REQUESTER_LABELS[p.profil]}</strong>. Sujet : <strong>{TOPIC_LABELS[p.sujet]}</strong>. <a href={changeHref}>Modifier<span class="fr-sr-only"> votre situation ou le sujet</span></a></p>
          <ErrorSummary errors={errors} fieldOrder={['formation', 'objet', 'message', 'email', 'pieces', '_form']} />
          {p.training ? <TrainingSearch profil={p.profil} sujet={p.sujet} q={p.training.q} found={p.training.choices.length} /> : null}
          <Form action="/contact" csrf={p.ctx.csrfToken} multipart>
            <input type="hidden" name="profil" value={p.profil} />
            <input type="hidden" name="sujet" value={p.sujet} />
            <input type="hidden" name={STAMP_FIELD} value={p.stamp} />
            {p.training ? <TrainingChoice choices={p.training.choices} state={p.state} /> : null}
            {p.sujet === 'complaint' ? (
              <Checkbox name="partage_identite" state={p.state} label="J’accepte que l’organisme de formation connaisse mon nom et mon adresse électronique"
                hint="Sans votre accord, l’organisme est informé de la réclamation sans savoir qui l’a faite." />
            ) : null}
            <Input name="objet" label="Objet de votre demande" state={p.state} maxlength={150} />
            <Textarea name="message" label="Votre message" hint="Donnez les dates, les noms et les numéros utiles (dossier, label…). N’indiquez pas de données de santé." state={p.state} rows={8} maxlength={5000} />
            <Input name="nom" label="Votre nom" state={p.state} required={false} autocomplete="name" maxlength={120} />
            <Input name="email" type="email" label="Votre adresse électronique" hint="Nous y envoyons le numéro de votre demande et un lien pour la suivre. Format attendu : nom@domaine.fr" state={p.state} autocomplete="email" spellcheck={false} />
            <AttachmentsField state={p.state} />
            <div class="fr-sr-only" aria-hidden="true">
              <label for={HONEYPOT_FIELD}>Ne remplissez pas ce champ</label>
              <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} value="" tabindex={-1} autocomplete="off" />
            </div>
            <Submit label="Envoyer ma demande" />
          </Form>
        </div>
        <aside class="fr-col-12 fr-col-md-4" aria-labelledby="aide-sujet">
          <h2 class="fr-h5" id="aide-sujet">Votre réponse est peut-être ici</h2>
          {p.articles.length === 0 ? <p>Aucun article d’aide sur ce sujet pour le moment.</p> : (
            <ul class="fr-raw-list">
              {p.articles.map((a) => (
                <li class="fr-mb-2w"><a href={`/aide/${a.slug}`}>{a.title}</a><p class="fr-text--sm fr-mb-0">{excerpt(a.body)}</p></li>
              ))}
            </ul>
          )}
          <p><a class="fr-link" href="/aide">Tout le centre d’aide</a></p>
        </aside>
      </div>
    </Layout>
  );
}

function excerpt(md: string): string {
  const t = markdownToText(md);
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

function TrainingSearch({ profil, sujet, q, found }: { profil: string; sujet: string; q: string; found: number }) {
  return (
    <form method="get" action="/contact" role="search" class="fr-mb-4w" aria-labelledby="recherche-formation-titre">
      <h2 class="fr-h5" id="recherche-formation-titre">Formation concernée</h2>
      <input type="hidden" name="profil" value={profil} />
      <input type="hidden" name="sujet" value={sujet} />
      <div class="fr-search-bar" id="recherche-formation">
        <label class="fr-label" for="formation_q">Rechercher la formation labellisée (intitulé, organisme, ville ou numéro de label)</label>
        <input class="fr-input" type="search" id="formation_q" name="formation_q" value={q} placeholder="Rechercher une formation" />
        <button class="fr-btn" type="submit" title="Rechercher la formation">Rechercher</button>
      </div>
      {q ? <p class="fr-text--sm fr-mt-1w" role="status">{found === 0 ? 'Aucune formation labellisée ne correspond : décrivez-la ci-dessous.' : `${found} formation${found > 1 ? 's' : ''} trouvée${found > 1 ? 's' : ''} : choisissez-la ci-dessous.`}</p> : null}
    </form>
  );
}

function TrainingChoice({ choices, state }: { choices: { ref: string; label: string }[]; state?: FormState }) {
  return (
    <>
      {choices.length > 0 ? (
        <Radios name="formation" label="La formation concernée" state={state}
          options={[...choices.map((c) => ({ value: c.ref, label: c.label })), { value: '', label: 'Aucune de ces formations' }]} />
      ) : null}
      <Input name="formation_libre" label="Si vous ne l’avez pas trouvée : intitulé de la formation, organisme et ville" state={state} required={false} maxlength={300} />
    </>
  );
}

/** After sending: what happens next (the number is in the flash message and the mail). */
export function ContactSentPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Demande envoyée" breadcrumb={CRUMB}>
      <h1>Votre demande est envoyée</h1>
      <p>Un courriel de confirmation vient de vous être envoyé avec le numéro de votre demande et un lien pour la suivre et y répondre sans compte.</p>
      <p>Si vous ne le recevez pas d’ici quelques minutes, vérifiez vos courriers indésirables.</p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><a class="fr-btn" href="/">Retour à l’accueil</a></li>
        <li><a class="fr-btn fr-btn--secondary" href="/aide">Centre d’aide</a></li>
      </ul>
    </Layout>
  );
}
