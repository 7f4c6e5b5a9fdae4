/** One section of the form: editable while a draft (rows added/removed without JS), read-only after. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form } from '../../platform/views/ui.js';
import type { SectionDef, GroupDef } from '../sections/definitions.js';
import { rowField, rowCount } from '../sections/definitions.js';
import { rowsOf, type RawValues } from '../sections/parse.js';
import type { FieldContext } from '../sections/fields.js';
import { displayValue } from '../format.js';
import { FieldInput } from './field.js';
import { ApplicationShell, StateBadge } from './shell.js';
import { appPath, sectionPath } from './paths.js';
import type { ApplicationRow } from '../applications.store.js';

/** What a section page shows. */
export interface SectionPageProps {
  ctx: PageContext;
  app: ApplicationRow;
  def: SectionDef;
  fieldCtx: FieldContext;
  values: RawValues;
  errors: Record<string, string>;
  version: number;
  editable: boolean;
  /** Shown above the form, e.g. "saved as a draft, with errors to fix". */
  notice?: string;
  /** Shown between the notice and the form (the conflict's comparison). */
  before?: unknown;
  /** Why the section is read-only (default: the application was submitted). */
  lockedNotice?: string;
  /** Warnings that do not block the save (e.g. the RNCP check of the certification). */
  warnings?: string[];
}

function fieldOrder(def: SectionDef, values: RawValues): string[] {
  const names = def.fields.map((f) => f.name);
  for (const g of def.groups ?? []) for (let i = 0; i < rowsOf(values, g); i++) for (const f of g.fields) names.push(rowField(g.name, i, f.name));
  return names;
}

function Group({ g, values, errors, fieldCtx }: { g: GroupDef; values: RawValues; errors: Record<string, string>; fieldCtx: FieldContext }) {
  const n = rowsOf(values, g);
  const state = { values, errors };
  return (
    <fieldset class="fr-fieldset fr-mb-4w" aria-labelledby={`${g.name}-legende`}>
      <legend class="fr-fieldset__legend" id={`${g.name}-legende`}>{g.label}</legend>
      <input type="hidden" name={rowCount(g.name)} value={String(n)} />
      {Array.from({ length: n }, (_, i) => (
        <div class="fr-fieldset__element fr-p-2w fr-mb-2w lg-row">
          <h3 class="fr-h6" id={`${g.name}-${i}-titre`}>{g.itemLabel} {i + 1}</h3>
          {g.fields.map((f) => <FieldInput f={f} name={rowField(g.name, i, f.name)} label={`${f.label} (${g.itemLabel.toLowerCase()} ${i + 1})`} state={state} ctx={fieldCtx} />)}
          <button type="submit" name="_action" value={`retirer:${g.name}:${i}`} class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left">
            Retirer : {g.itemLabel.toLowerCase()} {i + 1}
          </button>
        </div>
      ))}
      {n < g.maxRows ? (
        <button type="submit" name="_action" value={`ajouter:${g.name}`} class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left">
          Ajouter : {g.itemLabel.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Read-only rendering of a section's values. */
export function SectionValues({ def, values, fieldCtx }: { def: SectionDef; values: RawValues; fieldCtx: FieldContext }) {
  return (
    <div>
      {def.fields.length ? (
        <dl class="lg-answers">
          {def.fields.map((f) => [<dt class="fr-text--bold">{f.label}</dt>, <dd class="fr-mb-2w">{displayValue(f, values[f.name], fieldCtx)}</dd>])}
        </dl>
      ) : null}
      {(def.groups ?? []).map((g) => (
        <div>
          <p class="fr-text--bold fr-mb-1w">{g.label}</p>
          {Array.from({ length: rowsOf(values, g) }, (_, i) => (
            <dl class="lg-answers fr-mb-2w">
              <dt class="fr-text--bold">{g.itemLabel} {i + 1}</dt>
              <dd>{g.fields.map((f) => `${f.label} : ${displayValue(f, values[rowField(g.name, i, f.name)], fieldCtx)}`).join(' · ')}</dd>
            </dl>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The page of a section. */
export function SectionPage(p: SectionPageProps) {
  const orgId = p.app.organisationId;
  const hasErrors = Object.keys(p.errors).length > 0;
  const state = { values: p.values, errors: p.errors };
  return (
    <ApplicationShell ctx={p.ctx} title={p.def.title} orgId={orgId} app={p.app} hasErrors={hasErrors}>
      <h1>{p.def.title}</h1>
      <StateBadge state={p.app.state} />
      {p.def.intro ? <p class="fr-text--lead">{p.def.intro}</p> : null}
      {p.notice ? <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>{p.notice}</p></div> : null}
      {p.warnings?.length ? (
        <div class="fr-alert fr-alert--warning fr-mb-3w" id="avertissements-rncp">
          <h2 class="fr-alert__title">Vérification au répertoire RNCP</h2>
          <ul>{p.warnings.map((w) => <li>{w}</li>)}</ul>
          <p class="fr-text--sm fr-mb-0">Ces avertissements n’empêchent pas d’enregistrer ni de déposer : la GEN vérifiera la certification.</p>
        </div>
      ) : null}
      <ErrorSummary errors={p.errors} fieldOrder={fieldOrder(p.def, p.values)} />
      {p.before as never}
      {p.editable ? (
        <Form action={sectionPath(orgId, p.app.id, p.def.key)} csrf={p.ctx.csrfToken} id="formulaire-rubrique">
          {/* The first submit button is the one Enter triggers: keep it "Enregistrer". */}
          <button type="submit" name="_action" value="enregistrer" class="fr-sr-only" tabindex={-1} aria-hidden="true">Enregistrer</button>
          <input type="hidden" name="version" value={String(p.version)} />
          {p.def.fields.map((f) => <FieldInput f={f} name={f.name} state={state} ctx={p.fieldCtx} />)}
          {(p.def.groups ?? []).map((g) => <Group g={g} values={p.values} errors={p.errors} fieldCtx={p.fieldCtx} />)}
          <p class="fr-text--sm fr-mt-2w lg-autosave" id="etat-enregistrement" role="status" aria-live="polite"></p>
          <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
            <li><button type="submit" name="_action" value="enregistrer" class="fr-btn">Enregistrer</button></li>
            <li><a class="fr-btn fr-btn--secondary" href={appPath(orgId, p.app.id)}>Retour à la liste des rubriques</a></li>
          </ul>
        </Form>
      ) : (
        <>
          {p.notice ? null : <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>{p.lockedNotice ?? 'La candidature a été déposée : elle n’est plus modifiable.'}</p></div>}
          <SectionValues def={p.def} values={p.values} fieldCtx={p.fieldCtx} />
          <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={appPath(orgId, p.app.id)}>Retour à la candidature</a></p>
        </>
      )}
      {p.editable ? <script type="module" src="/static/application-autosave.js"></script> : null}
    </ApplicationShell>
  );
}
