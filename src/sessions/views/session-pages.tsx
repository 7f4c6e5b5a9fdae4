/** The organisation's pages of a label's sessions: list with breaches and obligations, declaration, one session. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { SessionRow, ObligationRow } from '../sessions.store.js';
import { MODALITIES, MODALITY_LABELS, SESSION_STATUS_LABELS, frDay, type Breach, type Warning } from '../sessions.js';
import { OBLIGATION_KIND_LABELS, OBLIGATION_STATE_LABELS, obligationState, type ObligationKind, type ObligationState } from '../obligations.js';

/** The label as these pages show it. */
export interface LabelHead { id: string; number: string; trainingTitle: string; status: string; validFrom: string | null; validUntil: string | null; organisationName: string }

const STATE_BADGE: Record<ObligationState, string> = { upcoming: 'fr-badge--info', due: 'fr-badge--warning', done: 'fr-badge--success', late: 'fr-badge--error' };

/** A state badge of an obligation. */
export function ObligationBadge({ state }: { state: ObligationState }) {
  return <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${STATE_BADGE[state]}`}>{OBLIGATION_STATE_LABELS[state]}</span>;
}

/** Breaches (errors) and warnings, shown, never hidden. */
export function BreachList({ breaches, warnings }: { breaches: Breach[]; warnings: Warning[] }) {
  return (
    <>
      {breaches.length > 0 ? (
        <div class="fr-alert fr-alert--error fr-mb-3w">
          <h2 class="fr-alert__title">{breaches.length === 1 ? 'Un manquement aux règles de l’appel' : `${breaches.length} manquements aux règles de l’appel`}</h2>
          <ul>{breaches.map((b) => <li>{b.message}</li>)}</ul>
        </div>
      ) : (
        <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w"><p>Aucun manquement aux règles de l’appel sur les sessions déclarées.</p></div>
      )}
      {warnings.length > 0 ? (
        <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w"><ul>{warnings.map((w) => <li>{w.message}</li>)}</ul></div>
      ) : null}
    </>
  );
}

const ACTION_PATHS: Partial<Record<ObligationKind, string>> = {
  start_attestation: 'attestation', end_report: 'bilan', outcomes_3m: 'situations/3-mois', outcomes_6m: 'situations/6-mois',
};

/** Where the organisation fulfils a session's obligation (the learners domain's pages), or null. */
export function obligationHref(orgId: string, o: Pick<ObligationRow, 'kind' | 'sessionId'>): string | null {
  const path = ACTION_PATHS[o.kind as ObligationKind];
  return path && o.sessionId ? `/organisations/${orgId}/sessions/${o.sessionId}/${path}` : null;
}

/** A table of obligations with their state on `today`; with `orgId`, each session obligation links to where it is fulfilled. */
export function ObligationTable({ rows, today, caption, sessionNames, orgId }: { rows: ObligationRow[]; today: string; caption: string; sessionNames?: Map<string, string>; orgId?: string }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Échéance</th><th scope="col">Obligation</th><th scope="col">Session</th><th scope="col">État</th></tr></thead>
        <tbody>
          {rows.length === 0 ? <tr><td colspan={4}>Aucune échéance pour l’instant.</td></tr> : null}
          {rows.map((o) => (
            <tr>
              <td>{frDay(o.dueOn)}</td>
              <td>{(() => {
                const text = `${OBLIGATION_KIND_LABELS[o.kind as ObligationKind]}${o.year ? ` ${o.year}` : ''}`;
                const href = orgId && !o.doneAt ? obligationHref(orgId, o) : null;
                return href ? <a href={href}>{text}</a> : text;
              })()}</td>
              <td>{o.sessionId ? (sessionNames?.get(o.sessionId) ?? '—') : '—'}</td>
              <td><ObligationBadge state={obligationState(o.dueOn, !!o.doneAt, today)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function placeText(s: SessionRow): string {
  const p = s.place;
  const where = [p.address, [p.postcode, p.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return where || '—';
}

/** The sessions of one label. */
export function LabelSessionsPage(p: { ctx: PageContext; orgId: string; label: LabelHead; sessions: SessionRow[]; obligations: ObligationRow[]; breaches: Breach[]; warnings: Warning[]; today: string; minPlaces: number; learnerPages: boolean }) {
  const base = `/organisations/${p.orgId}/labels/${p.label.id}/sessions`;
  const names = new Map(p.sessions.map((s) => [s.id, s.name]));
  return (
    <Layout ctx={p.ctx} title={`Sessions – ${p.label.trainingTitle}`} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.label.organisationName, href: `/organisations/${p.orgId}` }, { label: 'Calendrier', href: `/organisations/${p.orgId}/calendrier` }]}>
      <h1>Sessions de « {p.label.trainingTitle} »</h1>
      <p>Label {p.label.number}, valable du {frDay(p.label.validFrom)} au {frDay(p.label.validUntil)}. <a href={`/organisations/${p.orgId}/labels/${p.label.id}`}>Voir le label</a></p>
      <BreachList breaches={p.breaches} warnings={p.warnings} />
      {p.label.status === 'active'
        ? <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href={`${base}/nouvelle`}>Déclarer une session</a></p>
        : <p class="fr-alert fr-alert--info fr-alert--sm">Les sessions ne peuvent être déclarées que pour un label actif.</p>}
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Sessions déclarées</caption>
          <thead><tr><th scope="col">Session</th><th scope="col">Démarrage</th><th scope="col">Fin (stage compris)</th><th scope="col">Lieu</th><th scope="col">Places</th><th scope="col">Statut</th></tr></thead>
          <tbody>
            {p.sessions.length === 0 ? <tr><td colspan={6}>Aucune session déclarée.</td></tr> : null}
            {p.sessions.map((s) => (
              <tr>
                <td><a href={`${base}/${s.id}`}>{s.name}</a></td>
                <td>{frDay(s.actualStart ?? s.plannedStart)}{s.plannedStart !== s.initialStart ? <><br /><span class="fr-hint-text">initialement le {frDay(s.initialStart)}</span></> : null}</td>
                <td>{frDay(s.actualEnd ?? s.plannedEnd)}</td>
                <td>{placeText(s)}</td>
                <td>{s.places}{s.places < p.minPlaces ? <span class="fr-sr-only"> (en dessous du minimum)</span> : null}</td>
                <td>{SESSION_STATUS_LABELS[s.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Échéances du label</h2>
      <ObligationTable rows={p.obligations} today={p.today} caption="Échéances du label et de ses sessions" sessionNames={names} orgId={p.learnerPages ? p.orgId : undefined} />
    </Layout>
  );
}

const FIELD_ORDER = ['_form', 'name', 'plannedStart', 'plannedEnd', 'address', 'postcode', 'city', 'modality', 'places', 'workStudy', 'reason'];

/** The fields of a session (declaration and change). */
function SessionFields({ state, minPlaces }: { state?: FormState; minPlaces: number }) {
  return (
    <>
      <Input name="name" label="Nom de la session" hint="Par exemple : Session de printemps 2026" state={state} maxlength={120} />
      <Input name="plannedStart" type="date" label="Date de démarrage prévue" state={state} />
      <Input name="plannedEnd" type="date" label="Date de fin prévue, stage compris" state={state} />
      <Input name="address" label="Adresse du lieu de formation" hint="Numéro et voie" state={state} autocomplete="street-address" />
      <Input name="postcode" label="Code postal" state={state} inputmode="numeric" maxlength={5} autocomplete="postal-code" />
      <Input name="city" label="Commune" state={state} autocomplete="address-level2" />
      <Select name="modality" label="Modalité" state={state} options={MODALITIES.map((m) => ({ value: m, label: MODALITY_LABELS[m] }))} />
      <Input name="places" type="number" label="Nombre de places ouvertes" hint={`L’appel demande au moins ${minPlaces} apprenants des publics de la GEN par session.`} state={state} inputmode="numeric" />
      <Radios name="workStudy" label="Session ouverte à l’alternance" state={state} inline options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} />
    </>
  );
}

/** Declaring a session. */
export function NewSessionPage(p: { ctx: PageContext; orgId: string; label: LabelHead; state?: FormState; minPlaces: number }) {
  const base = `/organisations/${p.orgId}/labels/${p.label.id}/sessions`;
  const hasErrors = !!p.state?.errors && Object.keys(p.state.errors).length > 0;
  return (
    <Layout ctx={p.ctx} title={`Déclarer une session – ${p.label.trainingTitle}`} hasErrors={hasErrors} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.label.organisationName, href: `/organisations/${p.orgId}` }, { label: 'Sessions', href: base }]}>
      <h1>Déclarer une session de « {p.label.trainingTitle} »</h1>
      <ErrorSummary errors={p.state?.errors} fieldOrder={FIELD_ORDER} />
      {p.state?.errors?._form ? <p class="fr-error-text">{p.state.errors._form}</p> : null}
      <p>Les règles de l’appel sont vérifiées à l’enregistrement ; un manquement est affiché sur la page des sessions.</p>
      <Form action={`${base}/nouvelle`} csrf={p.ctx.csrfToken}>
        <SessionFields state={p.state} minPlaces={p.minPlaces} />
        <Submit label="Déclarer la session" />
      </Form>
    </Layout>
  );
}

/** One session: its facts, its obligations, and (while planned) the change and cancellation forms. */
export function SessionPage(p: { ctx: PageContext; orgId: string; label: LabelHead; session: SessionRow; obligations: ObligationRow[]; breaches: Breach[]; today: string; state?: FormState; minPlaces: number; history: { at: string; actorLabel: string; action: string; reason: string | null }[]; learnerPages: boolean; maxPostponementMonths: number; changeRequestHref?: string }) {
  const s = p.session;
  const base = `/organisations/${p.orgId}/labels/${p.label.id}/sessions`;
  const hasErrors = !!p.state?.errors && Object.keys(p.state.errors).length > 0;
  const pl = s.place;
  return (
    <Layout ctx={p.ctx} title={`${s.name} – ${p.label.trainingTitle}`} hasErrors={hasErrors} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.label.organisationName, href: `/organisations/${p.orgId}` }, { label: 'Sessions', href: base }]}>
      <h1>{s.name}</h1>
      <ErrorSummary errors={p.state?.errors} fieldOrder={[...FIELD_ORDER, 'cancelReason']} />
      <p>Formation « {p.label.trainingTitle} » (label {p.label.number}) — {SESSION_STATUS_LABELS[s.status]}{s.cancelledReason ? ` : ${s.cancelledReason}` : ''}</p>
      {p.breaches.length > 0 ? <div class="fr-alert fr-alert--error fr-mb-3w"><h2 class="fr-alert__title">Manquement</h2><ul>{p.breaches.map((b) => <li>{b.message}</li>)}</ul></div> : null}
      <dl class="lg-details">
        <dt>Démarrage</dt><dd>{s.actualStart ? `${frDay(s.actualStart)} (confirmé)` : `${frDay(s.plannedStart)} (prévu)`}{s.initialStart !== s.plannedStart ? `, initialement le ${frDay(s.initialStart)}` : ''}{s.approvedStart ? ` — report au ${frDay(s.approvedStart)} approuvé par la GEN` : ''}</dd>
        <dt>Fin, stage compris</dt><dd>{s.actualEnd ? `${frDay(s.actualEnd)} (constatée)` : `${frDay(s.plannedEnd)} (prévue)`}</dd>
        <dt>Lieu</dt><dd>{placeText(s)}{pl.departement ? ` — ${pl.departement}, ${pl.region ?? ''}` : ''}{pl.inseeCode ? '' : ' (adresse non localisée par le moteur territorial)'}{pl.qpv ? ` — quartier prioritaire ${pl.qpv}` : ''}</dd>
        <dt>Modalité</dt><dd>{MODALITY_LABELS[s.modality]}</dd>
        <dt>Places</dt><dd>{s.places}</dd>
        <dt>Alternance</dt><dd>{s.workStudy ? 'Oui' : 'Non'}</dd>
      </dl>
      {p.learnerPages && s.status !== 'cancelled' ? (
        <>
          <h2>Apprenants et bilans</h2>
          <ul>
            <li><a href={`/organisations/${p.orgId}/sessions/${s.id}/apprenants`}>Liste des apprenants de la session</a></li>
            <li><a href={`/organisations/${p.orgId}/sessions/${s.id}/attestation`}>Attestation de démarrage</a></li>
            <li><a href={`/organisations/${p.orgId}/sessions/${s.id}/bilan`}>Bilan de fin de session</a></li>
            <li><a href={`/organisations/${p.orgId}/sessions/${s.id}/situations/3-mois`}>Situations à 3 mois</a></li>
            <li><a href={`/organisations/${p.orgId}/sessions/${s.id}/situations/6-mois`}>Situations à 6 mois</a></li>
          </ul>
        </>
      ) : null}
      <h2>Échéances de la session</h2>
      <ObligationTable rows={p.obligations} today={p.today} caption="Échéances de la session" sessionNames={new Map([[s.id, s.name]])} orgId={p.learnerPages ? p.orgId : undefined} />
      {s.status === 'planned' ? (
        <>
          <h2>Modifier ou reporter la session</h2>
          {p.changeRequestHref ? (
            <div class="fr-alert fr-alert--warning fr-mb-3w">
              <h3 class="fr-alert__title">Une demande de modification est nécessaire</h3>
              <p>Ce report dépasse le délai autorisé par l’appel. Un administrateur de l’organisme dépose une demande de report de la session ; la GEN l’approuve ou la refuse, et les nouvelles dates s’appliquent à son approbation.</p>
              <p><a href={p.changeRequestHref}>Déposer la demande de report pré-remplie avec ces dates</a></p>
            </div>
          ) : null}
          <p>Un démarrage peut être reporté de {p.maxPostponementMonths} mois au plus par rapport à la date prévue d’abord{s.approvedStart ? ` (ou au ${frDay(s.approvedStart)} approuvé par la GEN)` : ''} ; au-delà, il faut une <a href={`/organisations/${p.orgId}/conformite/modifications?type=session_dates&labelId=${p.label.id}&sessionId=${s.id}#nouvelle-demande`}>demande de report de la session</a> approuvée par la GEN. Démarrer plus tard sans approbation est un manquement.</p>
          <Form action={`${base}/${s.id}/modifier`} csrf={p.ctx.csrfToken}>
            <input type="hidden" name="version" value={String(s.version)} />
            <SessionFields state={p.state} minPlaces={p.minPlaces} />
            <Textarea name="reason" label="Motif de la modification" state={p.state} rows={3} />
            <Submit label="Enregistrer la modification" />
          </Form>
          <h2 class="fr-mt-6w">Annuler la session</h2>
          <Form action={`${base}/${s.id}/annuler`} csrf={p.ctx.csrfToken}>
            <input type="hidden" name="version" value={String(s.version)} />
            <Textarea name="cancelReason" label="Motif de l’annulation" state={p.state} rows={3} />
            <Submit label="Annuler la session" secondary />
          </Form>
        </>
      ) : null}
      <h2 class="fr-mt-6w">Historique</h2>
      <ul>
        {p.history.length === 0 ? <li>Aucun événement.</li> : null}
        {p.history.map((h) => <li>{h.at} — {HISTORY_LABELS[h.action] ?? h.action} par {h.actorLabel}{h.reason ? ` : ${h.reason}` : ''}</li>)}
      </ul>
    </Layout>
  );
}

const HISTORY_LABELS: Record<string, string> = {
  'session.declared': 'Session déclarée', 'session.changed': 'Session modifiée', 'session.postponed': 'Session reportée', 'session.cancelled': 'Session annulée',
  'session.dates_approved': 'Nouvelles dates approuvées par la GEN (demande de modification)',
};
