/** Pages organising the review: reviewer groups per région and the call's settings (admins), the managed tags. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Select, type FormState } from '../../platform/views/ui.js';
import type { GroupView, ReviewSettings, TagRow } from '../staffing.store.js';
import { TAG_COLOURS } from '../routing.js';
import { TagBadge, WORKSPACE } from './parts.js';

const GROUPS = '/gestion/groupes';
const crumbs = [{ label: 'Espace GEN', href: '/gestion' }, { label: 'Candidatures', href: WORKSPACE }];

function Checkboxes({ name, legend, hint, options, checked, error }: { name: string; legend: string; hint?: string; options: { value: string; label: string }[]; checked: Set<string>; error?: string }) {
  return (
    <fieldset class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} id={name} aria-labelledby={`${name}-legende${error ? ` ${name}-erreur` : ''}`}>
      <legend class="fr-fieldset__legend" id={`${name}-legende`}>{legend}{hint ? <span class="fr-hint-text">{hint}</span> : null}</legend>
      {options.map((o) => (
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`${name}-${o.value}`} name={name} value={o.value} checked={checked.has(o.value)} />
            <label class="fr-label" for={`${name}-${o.value}`}>{o.label}</label>
          </div>
        </div>
      ))}
      {error ? <div class="fr-messages-group" id={`${name}-erreur`} aria-live="polite"><p class="fr-message fr-message--error">{error}</p></div> : null}
    </fieldset>
  );
}

/** Props of the groups pages. */
export interface GroupsPageProps {
  ctx: PageContext;
  groups: GroupView[];
  regions: { code: string; name: string }[];
  reviewers: { id: string; fullName: string }[];
  /** The group being edited (the edit page), if any. */
  editing?: GroupView;
  state?: FormState;
  calls: { id: string; title: string }[];
  settings: { callId: string; values: ReviewSettings } | null;
  settingsState?: FormState;
}

function GroupForm({ p }: { p: GroupsPageProps }) {
  const g = p.editing;
  const v = (k: string) => [p.state?.values?.[k] ?? []].flat() as string[];
  const regions = new Set(p.state ? v('regions') : g?.regions ?? []);
  const members = new Set(p.state ? v('members') : g?.members.map((m) => m.userId) ?? []);
  const lead = p.state ? String(p.state.values?.leadId ?? '') : g?.members.find((m) => m.lead)?.userId ?? '';
  const st: FormState = { errors: p.state?.errors, values: { name: p.state ? String(p.state.values?.name ?? '') : g?.name ?? '', leadId: lead } };
  return (
    <Form action={g ? `${GROUPS}/${g.id}` : GROUPS} csrf={p.ctx.csrfToken}>
      <Input name="name" label="Nom du groupe" state={st} maxlength={120} />
      <Checkboxes name="regions" legend="Régions couvertes" hint="Les candidatures dont le lieu principal est dans ces régions vont à ce groupe." options={p.regions.map((r) => ({ value: r.code, label: r.name }))} checked={regions} error={p.state?.errors?.regions} />
      <Checkboxes name="members" legend="Membres" hint="Instructeurs actifs." options={p.reviewers.map((r) => ({ value: r.id, label: r.fullName }))} checked={members} error={p.state?.errors?.members} />
      <Select name="leadId" required={false} label="Responsable du groupe" hint="Il affecte les instructeurs aux candidatures du groupe ; il doit en être membre." state={st} placeholder="Aucun responsable" options={p.reviewers.map((r) => ({ value: r.id, label: r.fullName }))} />
      <button type="submit" class="fr-btn">{g ? 'Enregistrer le groupe' : 'Créer le groupe'}</button>
    </Form>
  );
}

/** The list of groups with the creation form and the call's settings. */
export function GroupsPage(p: GroupsPageProps) {
  const name = (code: string) => p.regions.find((r) => r.code === code)?.name ?? code;
  const errors = { ...(p.state?.errors ?? {}), ...(p.settingsState?.errors ?? {}) };
  const s = p.settings;
  const sv: FormState = { errors: p.settingsState?.errors, values: p.settingsState?.values ?? (s ? {
    discussionGap: String(s.values.discussionGap).replace('.', ','), reviewersPerApplication: String(s.values.reviewersPerApplication), seedGrantMaxPercent: String(Math.round(s.values.seedGrantMaxShare * 100)),
  } : {}) };
  return (
    <Layout ctx={p.ctx} title="Groupes d’instructeurs" hasErrors={Object.keys(errors).length > 0} breadcrumb={crumbs}>
      <ErrorSummary errors={errors} fieldOrder={['name', 'regions', 'members', 'leadId', 'discussionGap', 'reviewersPerApplication', 'seedGrantMaxPercent']} />
      <h1>Groupes d’instructeurs</h1>
      <p>Chaque candidature va au groupe de la région de son lieu principal. Les instructeurs ne voient que les candidatures de leurs groupes et celles qui leur sont affectées ; le responsable du groupe affecte les instructeurs.</p>
      {p.groups.length === 0 ? <p>Aucun groupe : seuls les administrateurs voient les candidatures non affectées.</p> : (
        <div class="fr-table lg-table-wrap">
          <table>
            <caption>Groupes d’instructeurs</caption>
            <thead><tr><th scope="col">Groupe</th><th scope="col">Régions</th><th scope="col">Membres</th><th scope="col">Responsable</th></tr></thead>
            <tbody>
              {p.groups.map((g) => (
                <tr>
                  <td><a href={`${GROUPS}/${g.id}`}>{g.name}</a></td>
                  <td>{g.regions.map(name).join(', ')}</td>
                  <td>{g.members.map((m) => m.fullName).join(', ')}</td>
                  <td>{g.members.find((m) => m.lead)?.fullName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Créer un groupe</h2>
      <GroupForm p={p} />
      <h2 class="fr-mt-6w">Réglages de l’instruction</h2>
      <form method="get" action={GROUPS} class="fr-mb-2w">
        <div class="fr-select-group">
          <label class="fr-label" for="appel">Appel à labellisation</label>
          <select class="fr-select" id="appel" name="appel">{p.calls.map((c) => <option value={c.id} selected={c.id === s?.callId}>{c.title}</option>)}</select>
        </div>
        <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">Afficher les réglages de cet appel</button>
      </form>
      {s ? (
        <Form action={`${GROUPS}/reglages/${s.callId}`} csrf={p.ctx.csrfToken}>
          <Input name="discussionGap" label="Écart de notes à discuter" hint="Au-delà de cet écart (sur 10) entre les notes des instructeurs, la candidature est signalée au comité." inputmode="decimal" state={sv} />
          <Input name="reviewersPerApplication" label="Instructeurs par candidature" hint="Utilisé par l’affectation automatique (de 1 à 5)." inputmode="numeric" state={sv} />
          <Input name="seedGrantMaxPercent" label="Part maximale du budget couverte par la subvention d’amorçage (%)" hint="80 % dans l’appel de 2018." inputmode="numeric" state={sv} />
          <button type="submit" class="fr-btn fr-btn--secondary">Enregistrer les réglages</button>
        </Form>
      ) : <p>Aucun appel.</p>}
    </Layout>
  );
}

/** The edit page of one group. */
export function GroupPage(p: GroupsPageProps & { editing: GroupView }) {
  return (
    <Layout ctx={p.ctx} title={`Groupe ${p.editing.name}`} hasErrors={!!p.state?.errors && Object.keys(p.state.errors).length > 0} breadcrumb={[...crumbs, { label: 'Groupes d’instructeurs', href: GROUPS }]}>
      <ErrorSummary errors={p.state?.errors} fieldOrder={['name', 'regions', 'members', 'leadId']} />
      <h1>Groupe {p.editing.name}</h1>
      <GroupForm p={p} />
      <h2 class="fr-mt-6w">Supprimer le groupe</h2>
      <p>Les affectations déjà faites restent ; les membres ne verront plus les candidatures des régions du groupe.</p>
      <Form action={`${GROUPS}/${p.editing.id}/supprimer`} csrf={p.ctx.csrfToken}>
        <button type="submit" class="fr-btn fr-btn--tertiary">Supprimer le groupe {p.editing.name}</button>
      </Form>
    </Layout>
  );
}

/** The managed list of tags. */
export function TagsPage({ ctx, tags, canManage, state }: { ctx: PageContext; tags: (TagRow & { uses: number })[]; canManage: boolean; state?: FormState }) {
  return (
    <Layout ctx={ctx} title="Étiquettes" hasErrors={!!state?.errors && Object.keys(state.errors).length > 0} breadcrumb={crumbs}>
      <ErrorSummary errors={state?.errors} fieldOrder={['label', 'colour']} />
      <h1>Étiquettes</h1>
      <p>Les étiquettes se posent sur les candidatures depuis leur page ou sur une sélection de la liste, et servent de filtre.</p>
      {tags.length === 0 ? <p>Aucune étiquette.</p> : (
        <ul>
          {tags.map((t) => (
            <li class="fr-mb-1w">
              <TagBadge label={t.label} colour={t.colour} /> {t.uses} candidature{t.uses > 1 ? 's' : ''}{' '}
              <a class="fr-link fr-text--sm" href={`${WORKSPACE}?etiquette=${t.id}`}>Voir les candidatures<span class="fr-sr-only"> étiquetées {t.label}</span></a>
              {canManage ? (
                <Form action={`/gestion/etiquettes/${t.id}/supprimer`} csrf={ctx.csrfToken}>
                  <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">Supprimer l’étiquette {t.label}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <>
          <h2>Ajouter une étiquette</h2>
          <Form action="/gestion/etiquettes" csrf={ctx.csrfToken}>
            <Input name="label" label="Libellé" state={state} maxlength={60} />
            <Select name="colour" label="Couleur" state={state} placeholder="Choisir une couleur" options={Object.entries(TAG_COLOURS).map(([value, label]) => ({ value, label }))} />
            <button type="submit" class="fr-btn">Ajouter l’étiquette</button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
