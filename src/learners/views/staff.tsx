/** Staff pages of a session's learners: roster (audited), one learner (override, right of access), CROUS offices. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { Indicators } from '../indicators.js';
import { EXIT_SITUATION_LABELS, type ExitSituation } from '../learners.js';
import type { CrousOfficeRow, LearnerRow, SessionContext } from '../learners.store.js';
import { learnerDataRows } from '../commands/privacy.js';
import { IndicatorsTable, LearnersTable, SessionFacts, frInstant, placementText } from './parts.js';

/** Base path of a session's learner pages on the staff side. */
export const staffBase = (sessionId: string) => `/gestion/suivi/sessions/${sessionId}`;

const crumbs = (s: SessionContext, here?: boolean) => [
  { label: 'Espace GEN', href: '/gestion' }, { label: 'Suivi', href: '/gestion/suivi' },
  ...(here ? [{ label: `Apprenants – ${s.session.name}`, href: `${staffBase(s.session.id)}/apprenants` }] : []),
];

/** A survey answer shown beside the organisation's declaration. */
export interface SurveyView { learnerId: string; wave: string; answeredAt: Date | null; situation: ExitSituation | null; satisfaction: number | null }

/** The roster as monitoring staff see it, with the acceptance of the end report. */
export function StaffRosterPage(p: { ctx: PageContext; s: SessionContext; learners: LearnerRow[]; indicators: Indicators; surveys: SurveyView[]; state?: FormState; mayManageCrous?: boolean }) {
  const s = p.s.session;
  const base = staffBase(s.id);
  const answered = p.surveys.filter((x) => x.answeredAt);
  const byId = new Map(p.learners.map((l) => [l.id, l]));
  return (
    <Layout ctx={p.ctx} title={`Apprenants – ${s.name}`} hasErrors={!!p.state?.errors} breadcrumb={crumbs(p.s)}>
      <h1>Apprenants de la session « {s.name} »</h1>
      <ErrorSummary errors={p.state?.errors} fieldOrder={['motivation']} />
      <SessionFacts ctx={p.s} />
      <p class="fr-text--sm">Cette consultation est enregistrée dans le journal (données personnelles).</p>
      <h2>Indicateurs</h2>
      <IndicatorsTable indicators={p.indicators} caption="Indicateurs de la session comparés aux objectifs de l’appel" />
      <h2>Liste nominative</h2>
      <LearnersTable rows={p.learners} href={(l) => `${base}/apprenants/${l.id}`} caption={`${p.learners.length} apprenant(s)`} />
      {answered.length > 0 ? (
        <div class="fr-table lg-table-wrap">
          <table>
            <caption>Réponses des apprenants à l’enquête, à côté de la déclaration de l’organisme</caption>
            <thead><tr><th scope="col">Apprenant</th><th scope="col">Échéance</th><th scope="col">Déclaré par l’organisme</th><th scope="col">Réponse de l’apprenant</th><th scope="col">Satisfaction (sur 5)</th></tr></thead>
            <tbody>
              {answered.map((a) => {
                const l = byId.get(a.learnerId);
                const declared = l ? (a.wave === '3m' ? l.situation3m : l.situation6m) : null;
                return (
                  <tr>
                    <td>{l && !l.erasedAt ? `${l.lastName} ${l.firstName}` : 'Apprenant'}</td>
                    <td>{a.wave === '3m' ? '3 mois' : '6 mois'}</td>
                    <td>{declared ? EXIT_SITUATION_LABELS[declared] : '—'}</td>
                    <td>{a.situation ? EXIT_SITUATION_LABELS[a.situation] : '—'}{declared && a.situation && declared !== a.situation ? ' (différente)' : ''}</td>
                    <td>{a.satisfaction ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>Bilan de fin de session</h2>
      {s.endReportAcceptedAt ? <p>Bilan accepté le {frInstant(s.endReportAcceptedAt)} ; les adresses sont réduites à la commune.</p>
        : s.endReportedAt ? (
          <Form action={`${base}/bilan/acceptation`} csrf={p.ctx.csrfToken}>
            <p>Remis le {frInstant(s.endReportedAt)}. Une fois accepté, les adresses des apprenants sont réduites à la commune et aux résultats QPV, ZRR et FRR.</p>
            <Textarea name="motivation" label="Motivation de l’acceptation" state={p.state} rows={3} maxlength={2000} />
            <Submit label="Accepter le bilan" />
          </Form>
        ) : <p>L’organisme n’a pas encore remis le bilan.</p>}
      {p.mayManageCrous ? <p class="fr-mt-4w"><a href="/gestion/crous">Adresses des CROUS pour les avis d’assiduité</a></p> : null}
    </Layout>
  );
}

/** One learner: data, override of the placement, right of access. */
export function StaffLearnerPage(p: { ctx: PageContext; s: SessionContext; learner: LearnerRow; overrideState?: FormState; accessState?: FormState }) {
  const l = p.learner;
  const base = staffBase(p.s.session.id);
  const name = l.erasedAt ? 'Apprenant (données effacées)' : `${l.lastName ?? ''} ${l.firstName ?? ''}`.trim();
  const ov = p.overrideState ?? { values: { qpv: l.inQpv ? 'oui' : 'non', code_qpv: l.qpvCode ?? '', zrr_frr: l.inZrrFrr ? 'oui' : 'non', commune: l.commune ?? '' } };
  return (
    <Layout ctx={p.ctx} title={`${name} – ${p.s.session.name}`} hasErrors={!!(p.overrideState?.errors || p.accessState?.errors)} breadcrumb={crumbs(p.s, true)}>
      <h1>{name}</h1>
      <ErrorSummary errors={{ ...p.overrideState?.errors, ...p.accessState?.errors }} fieldOrder={['qpv', 'code_qpv', 'zrr_frr', 'commune', 'motif']} />
      <p>Territoire : {placementText(l)}{l.overrideReason ? ` — motif : ${l.overrideReason}` : ''}</p>
      <dl class="lg-data">
        {learnerDataRows(l).map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}
      </dl>
      {!p.s.session.endReportAcceptedAt ? (
        <Form action={`${base}/apprenants/${l.id}/placement`} csrf={p.ctx.csrfToken} id="correction">
          <h2 class="fr-mt-4w">Corriger le résultat territorial</h2>
          <p>À utiliser quand le service de géographie se trompe ou ne trouve pas l’adresse ; le motif est conservé dans le journal.</p>
          <Select name="qpv" label="Réside en quartier prioritaire (QPV)" state={ov} options={[{ value: 'non', label: 'Non' }, { value: 'oui', label: 'Oui' }]} />
          <Input name="code_qpv" label="Code du QPV" hint="Par exemple QN07511M ; seulement si l’apprenant réside en QPV." state={ov} required={false} />
          <Select name="zrr_frr" label="Réside en ZRR ou FRR" state={ov} options={[{ value: 'non', label: 'Non' }, { value: 'oui', label: 'Oui' }]} />
          <Input name="commune" label="Commune" state={ov} required={false} />
          <Textarea name="motif" label="Motif de la correction" state={ov} rows={3} maxlength={1000} />
          <Submit label="Enregistrer la correction" secondary />
        </Form>
      ) : null}
      {!l.erasedAt ? (
        <Form action={`${base}/apprenants/${l.id}/droit-acces`} csrf={p.ctx.csrfToken} id="droit-acces">
          <h2 class="fr-mt-4w">Droit d’accès</h2>
          <p>Envoie à l’apprenant{l.email ? ` (${l.email})` : ''} une copie de ses données au format PDF ; l’envoi est enregistré dans le journal.</p>
          <Submit label="Envoyer la copie de ses données" secondary />
        </Form>
      ) : null}
      <p class="fr-mt-4w"><a href={`${base}/apprenants`}>Retour à la liste</a></p>
    </Layout>
  );
}

/** The CROUS offices and the address their notices go to. */
export function CrousOfficesPage(p: { ctx: PageContext; offices: CrousOfficeRow[]; state?: FormState }) {
  return (
    <Layout ctx={p.ctx} title="CROUS destinataires des avis d’assiduité" hasErrors={!!p.state?.errors} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <h1>CROUS destinataires des avis d’assiduité</h1>
      <ErrorSummary errors={p.state?.errors} fieldOrder={['nom', 'courriel']} />
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>CROUS paramétrés</caption>
          <thead><tr><th scope="col">CROUS</th><th scope="col">Adresse des avis</th><th scope="col">Modifié le</th></tr></thead>
          <tbody>
            {p.offices.length === 0 ? <tr><td colspan={3}>Aucun CROUS paramétré.</td></tr> : null}
            {p.offices.map((o) => <tr><td>{o.name}</td><td>{o.email}</td><td>{frInstant(o.updatedAt)}</td></tr>)}
          </tbody>
        </table>
      </div>
      <Form action="/gestion/crous" csrf={p.ctx.csrfToken}>
        <h2>Ajouter un CROUS ou changer son adresse</h2>
        <Input name="nom" label="Nom du CROUS" hint="Par exemple « CROUS de Paris ». Un nom déjà présent voit son adresse remplacée." state={p.state} />
        <Input name="courriel" type="email" label="Adresse électronique des avis" state={p.state} />
        <Submit label="Enregistrer" />
      </Form>
    </Layout>
  );
}
