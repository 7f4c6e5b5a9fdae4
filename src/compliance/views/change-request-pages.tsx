/** Pages of change requests: the organisation's list, form and request; staff's list and decision; the diff of versions. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { ChangeRequestFileRow, ChangeRequestItem, TrainingVersionRow } from '../change-requests.store.js';
import { CHANGE_STATUS_LABELS, CHANGE_TYPES, CHANGE_TYPE_LABELS, diffVersions, frDay, type ChangeStatus } from '../change-requests.js';

const BADGE: Record<ChangeStatus, string> = { pending: 'fr-badge--info', approved: 'fr-badge--success', rejected: 'fr-badge--error' };

function StatusBadge({ status }: { status: ChangeStatus }) {
  return <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[status]}`}>{CHANGE_STATUS_LABELS[status]}</span>;
}

function RequestTable({ items, href }: { items: ChangeRequestItem[]; href: (id: string) => string }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>Demandes de modification</caption>
        <thead><tr><th scope="col">Type</th><th scope="col">Formation</th><th scope="col">Organisme</th><th scope="col">Date souhaitée</th><th scope="col">État</th></tr></thead>
        <tbody>
          {items.length === 0 ? <tr><td colspan={5}>Aucune demande.</td></tr> : null}
          {items.map((i) => (
            <tr>
              <td><a href={href(i.request.id)}>{CHANGE_TYPE_LABELS[i.request.type]}</a></td>
              <td>{i.trainingTitle} ({i.labelNumber})</td>
              <td>{i.organisationName}</td>
              <td>{frDay(i.request.requestedOn)}</td>
              <td><StatusBadge status={i.request.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The diff between each version of the training record and the previous one. */
export function VersionsDiff({ versions }: { versions: TrainingVersionRow[] }) {
  if (versions.length < 2) return <p>La fiche de la formation n’a pas encore été modifiée (version initiale issue de la candidature).</p>;
  return (
    <>
      {versions.slice(1).map((v, i) => (
        <div class="fr-table lg-table-wrap">
          <table>
            <caption>Version {v.versionNumber} par rapport à la version {versions[i]!.versionNumber}</caption>
            <thead><tr><th scope="col">Rubrique</th><th scope="col">Avant</th><th scope="col">Après</th></tr></thead>
            <tbody>
              {diffVersions(versions[i]!.data, v.data).map((d) => <tr><td>{d.field}</td><td>{d.before ?? '(vide)'}</td><td>{d.after ?? '(supprimé)'}</td></tr>)}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

/** The session a session-dates request moves. */
export interface RequestSession { id: string; labelId: string; name: string; plannedStart: string; plannedEnd: string; initialStart: string; status: string }

/** A planned session the organisation may ask to move. */
export interface PlannedSession { id: string; labelId: string; name: string; plannedStart: string; plannedEnd: string; labelNumber: string }

/** The calendar change asked for a session (current dates when filed, new dates). */
function SessionDatesFacts({ item, session, sessionHref }: { item: ChangeRequestItem; session: RequestSession | null; sessionHref?: string }) {
  const r = item.request;
  if (r.type !== 'session_dates') return null;
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>Calendrier de la session {session ? (sessionHref ? <a href={sessionHref}>« {session.name} »</a> : `« ${session.name} »`) : '(session supprimée)'}</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Avant la demande</th><th scope="col">Demandée</th></tr></thead>
        <tbody>
          <tr><td>Démarrage</td><td>{r.previousStart ? frDay(r.previousStart) : '—'}</td><td>{r.newStart ? frDay(r.newStart) : '—'}</td></tr>
          <tr><td>Fin, stage compris</td><td>{r.previousEnd ? frDay(r.previousEnd) : '—'}</td><td>{r.newEnd ? frDay(r.newEnd) : '—'}</td></tr>
        </tbody>
      </table>
      {session ? <p>Démarrage prévu d’abord le {frDay(session.initialStart)} ; dates actuelles de la session : du {frDay(session.plannedStart)} au {frDay(session.plannedEnd)}.</p> : null}
    </div>
  );
}

function RequestFacts({ item, files, fileHref }: { item: ChangeRequestItem; files: ChangeRequestFileRow[]; fileHref: (id: string) => string }) {
  const r = item.request;
  return (
    <>
      <p>{item.organisationName}, formation « {item.trainingTitle} » (label {item.labelNumber}). État : <StatusBadge status={r.status} /></p>
      <dl class="lg-answers">
        <dt>Type</dt><dd>{CHANGE_TYPE_LABELS[r.type]}</dd>
        <dt>Date souhaitée</dt><dd>{frDay(r.requestedOn)}</dd>
        <dt>Description</dt><dd>{r.description}</dd>
        <dt>Pièces jointes</dt><dd>{files.length === 0 ? 'Aucune.' : <ul>{files.map((f) => <li><a href={fileHref(f.id)} download>{f.fileName}</a> ({Math.ceil(f.size / 1024)} Ko)</li>)}</ul>}</dd>
        {r.fieldKey ? <><dt>Rubrique modifiée</dt><dd>{r.fieldKey} : {r.newValue}</dd></> : null}
        {r.decisionMotivation ? <><dt>Décision</dt><dd>{r.status === 'approved' ? 'Approuvée' : 'Refusée'} : {r.decisionMotivation}</dd></> : null}
      </dl>
    </>
  );
}

/** The organisation's list of requests and, for its admins, the form. */
export function OrgChangeRequestsPage(p: { ctx: PageContext; orgId: string; orgName: string; items: ChangeRequestItem[]; labels: { id: string; number: string; trainingTitle: string }[]; fieldKeys: string[]; sessions: PlannedSession[]; isAdmin: boolean; state: FormState }) {
  const hasErrors = !!p.state.errors && Object.keys(p.state.errors).length > 0;
  return (
    <Layout ctx={p.ctx} title={`Demandes de modification – ${p.orgName}`} hasErrors={hasErrors} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.orgName, href: `/organisations/${p.orgId}` }]}>
      <h1>Demandes de modification</h1>
      <p>Toute modification d’une formation labellisée (contenu, certification, modalité, immersion, accompagnement) doit être approuvée par la Grande École du Numérique avant d’être mise en œuvre ; la mettre en œuvre sans approbation est un manquement.</p>
      <RequestTable items={p.items} href={(id) => `/organisations/${p.orgId}/conformite/modifications/${id}`} />
      <h2 id="nouvelle-demande">Nouvelle demande</h2>
      {!p.isAdmin ? <p>Seuls les administrateurs de l’organisme peuvent déposer une demande.</p>
        : p.labels.length === 0 ? <p>Aucune formation de l’organisme n’a de label actif.</p>
        : (
          <>
            <ErrorSummary errors={p.state.errors} fieldOrder={['labelId', 'type', 'description', 'requestedOn', 'sessionId', 'newStart', 'newEnd', 'fieldKey', 'newValue', 'pieces']} />
            {p.state.errors?._form ? <p class="fr-error-text">{p.state.errors._form}</p> : null}
            <Form action={`/organisations/${p.orgId}/conformite/modifications`} csrf={p.ctx.csrfToken} multipart>
              <Select name="labelId" label="Formation labellisée" state={p.state} placeholder="Choisir une formation" options={p.labels.map((l) => ({ value: l.id, label: `${l.number} – ${l.trainingTitle}` }))} />
              <Radios name="type" label="Type de modification" state={p.state} options={CHANGE_TYPES.map((t) => ({ value: t, label: CHANGE_TYPE_LABELS[t] }))} />
              <Textarea name="description" label="Description de la modification" hint="Ce qui change, pourquoi, et l’effet attendu pour les apprenants." state={p.state} maxlength={4000} />
              <Input name="requestedOn" type="date" label="Date souhaitée de mise en œuvre" state={p.state} />
              <fieldset class="fr-fieldset" aria-describedby="calendrier-aide">
                <legend class="fr-fieldset__legend">Report ou modification du calendrier d’une session</legend>
                <div class="fr-fieldset__element"><p class="fr-hint-text" id="calendrier-aide">Seulement pour ce type de demande : au-delà du délai de report autorisé par l’appel, les nouvelles dates s’appliquent quand la GEN approuve la demande.</p></div>
                <div class="fr-fieldset__element">
                  <Select name="sessionId" label="Session concernée" state={p.state} placeholder={p.sessions.length ? 'Choisir une session prévue' : 'Aucune session prévue'}
                    options={p.sessions.map((s) => ({ value: s.id, label: `${s.labelNumber} – ${s.name} (du ${frDay(s.plannedStart)} au ${frDay(s.plannedEnd)})` }))} />
                </div>
                <div class="fr-fieldset__element"><Input name="newStart" type="date" label="Nouvelle date de démarrage" state={p.state} /></div>
                <div class="fr-fieldset__element"><Input name="newEnd" type="date" label="Nouvelle date de fin, stage compris" state={p.state} /></div>
              </fieldset>
              <Select name="fieldKey" label="Rubrique de la fiche formation modifiée (facultatif)" state={p.state} placeholder="Aucune rubrique précise" options={p.fieldKeys.map((k) => ({ value: k, label: k }))} />
              <Input name="newValue" label="Nouvelle valeur de la rubrique (facultatif)" state={p.state} maxlength={2000} />
              <div class={`fr-upload-group fr-mb-3w${p.state.errors?.pieces ? ' fr-input-group--error' : ''}`}>
                <label class="fr-label" for="pieces">
                  Pièces jointes (facultatif)
                  <span class="fr-hint-text" id="pieces-aide">Au plus 5 fichiers PDF, images ou documents bureautiques (programme modifié, attestation de certification…).</span>
                </label>
                <input class="fr-upload" type="file" id="pieces" name="pieces" multiple aria-describedby={`pieces-aide${p.state.errors?.pieces ? ' pieces-erreur' : ''}`} aria-invalid={p.state.errors?.pieces ? 'true' : undefined} />
                {p.state.errors?.pieces ? <p id="pieces-erreur" class="fr-error-text">{p.state.errors.pieces}</p> : null}
              </div>
              <Submit label="Déposer la demande" />
            </Form>
          </>
        )}
    </Layout>
  );
}

/** One request seen by its organisation, with the versions' diff. */
export function OrgChangeRequestPage(p: { ctx: PageContext; orgId: string; item: ChangeRequestItem; versions: TrainingVersionRow[]; files: ChangeRequestFileRow[]; session: RequestSession | null }) {
  return (
    <Layout ctx={p.ctx} title={`Demande de modification – ${p.item.trainingTitle}`}
      breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.item.organisationName, href: `/organisations/${p.orgId}` }, { label: 'Demandes de modification', href: `/organisations/${p.orgId}/conformite/modifications` }]}>
      <h1>Demande de modification : {p.item.trainingTitle}</h1>
      <RequestFacts item={p.item} files={p.files} fileHref={(id) => `/organisations/${p.orgId}/conformite/modifications/${p.item.request.id}/pieces/${id}`} />
      <SessionDatesFacts item={p.item} session={p.session} sessionHref={p.session ? `/organisations/${p.orgId}/labels/${p.session.labelId}/sessions/${p.session.id}` : undefined} />
      <h2>Versions de la fiche formation</h2>
      <VersionsDiff versions={p.versions} />
    </Layout>
  );
}

/** Staff's list of requests. */
export function StaffChangeRequestsPage(p: { ctx: PageContext; items: ChangeRequestItem[] }) {
  return (
    <Layout ctx={p.ctx} title="Demandes de modification" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <h1>Demandes de modification des formations labellisées</h1>
      <RequestTable items={p.items} href={(id) => `/gestion/conformite/modifications/${id}`} />
    </Layout>
  );
}

/** One request for staff, with the decision form while pending and the versions' diff. */
export function StaffChangeRequestPage(p: { ctx: PageContext; item: ChangeRequestItem; versions: TrainingVersionRow[]; files: ChangeRequestFileRow[]; state: FormState; session: RequestSession | null }) {
  const hasErrors = !!p.state.errors && Object.keys(p.state.errors).length > 0;
  const r = p.item.request;
  return (
    <Layout ctx={p.ctx} title={`Demande de modification – ${p.item.trainingTitle}`} hasErrors={hasErrors}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Demandes de modification', href: '/gestion/conformite/modifications' }]}>
      <h1>Demande de modification : {p.item.trainingTitle}</h1>
      {r.status !== 'pending' ? <ErrorSummary errors={p.state.errors} fieldOrder={['decision', 'motivation']} /> : null}
      <RequestFacts item={p.item} files={p.files} fileHref={(id) => `/gestion/conformite/modifications/${r.id}/pieces/${id}`} />
      <SessionDatesFacts item={p.item} session={p.session} />
      {r.status === 'pending' ? (
        <>
          <h2>Décision</h2>
          {r.type === 'session_dates' ? <p>L’approbation applique les nouvelles dates à la session (historique de la session, échéances recalculées) : ce report n’est alors plus un manquement.</p> : null}
          <ErrorSummary errors={p.state.errors} fieldOrder={['decision', 'motivation']} />
          <Form action={`/gestion/conformite/modifications/${r.id}/decision`} csrf={p.ctx.csrfToken}>
            <input type="hidden" name="version" value={String(r.version)} />
            <Radios name="decision" label="Décision" state={p.state} options={[{ value: 'approve', label: 'Approuver la modification' }, { value: 'reject', label: 'Refuser la modification' }]} />
            <Textarea name="motivation" label="Motivation" hint="Communiquée aux administrateurs de l’organisme." state={p.state} maxlength={4000} />
            <Submit label="Enregistrer la décision" />
          </Form>
        </>
      ) : null}
      <h2>Versions de la fiche formation</h2>
      <VersionsDiff versions={p.versions} />
    </Layout>
  );
}
