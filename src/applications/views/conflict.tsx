/**
 * A save that could not be written (status 409): another member saved in between, or the
 * application was submitted. Both versions are shown; the form keeps what this member typed.
 */
import type { PageContext } from '../../platform/views/layout.js';
import type { SectionDef } from '../sections/definitions.js';
import { rowField, rowCount } from '../sections/definitions.js';
import { rowsOf, type RawValues } from '../sections/parse.js';
import type { FieldContext, FieldDef } from '../sections/fields.js';
import { displayValue, dateTimeSeconds } from '../format.js';
import { SectionPage } from './section-page.js';
import type { ApplicationRow } from '../applications.store.js';

/** The other version, as stored. */
export interface TheirVersion { values: RawValues; version: number; updatedAt: Date; updatedByName: string | null }

function differences(def: SectionDef, mine: RawValues, theirs: RawValues): { label: string; f: FieldDef; mine?: string; theirs?: string }[] {
  const out: { label: string; f: FieldDef; mine?: string; theirs?: string }[] = [];
  for (const f of def.fields) if ((mine[f.name] ?? '') !== (theirs[f.name] ?? '')) out.push({ label: f.label, f, mine: mine[f.name], theirs: theirs[f.name] });
  for (const g of def.groups ?? []) {
    const n = Math.max(rowsOf(mine, g), rowsOf(theirs, g));
    for (let i = 0; i < n; i++) for (const f of g.fields) {
      const k = rowField(g.name, i, f.name);
      if ((mine[k] ?? '') !== (theirs[k] ?? '')) out.push({ label: `${g.itemLabel} ${i + 1} : ${f.label}`, f, mine: mine[k], theirs: theirs[k] });
    }
    if ((mine[rowCount(g.name)] ?? '1') !== (theirs[rowCount(g.name)] ?? '1')) out.push({ label: `${g.label} : nombre de lignes`, f: { name: 'n', label: '', kind: 'integer' }, mine: mine[rowCount(g.name)], theirs: theirs[rowCount(g.name)] });
  }
  return out;
}

/** The conflict page: explanation, a table of the differences, then the form with my values. */
export function ConflictPage(p: { ctx: PageContext; app: ApplicationRow; def: SectionDef; fieldCtx: FieldContext; mine: RawValues; theirs: TheirVersion; timezone: string }) {
  const diffs = differences(p.def, p.mine, p.theirs.values);
  const who = p.theirs.updatedByName ?? 'un autre membre';
  const notice = `Vos modifications n’ont pas été enregistrées : ${who} a enregistré cette rubrique le ${dateTimeSeconds(p.theirs.updatedAt, p.timezone)} pendant que vous la modifiiez. Rien n’est perdu : vos saisies sont ci-dessous. Comparez les deux versions, puis cliquez sur « Enregistrer » pour garder les vôtres, ou revenez à la rubrique pour garder celles de ${who}.`;
  return (
      <SectionPage ctx={p.ctx} app={p.app} def={p.def} fieldCtx={p.fieldCtx} values={p.mine} errors={{}} version={p.theirs.version} editable notice={notice}
        before={
          <div class="fr-table fr-mb-4w">
            <table>
              <caption>Différences entre votre version et celle enregistrée par {who}</caption>
              <thead><tr><th scope="col">Champ</th><th scope="col">Votre version (non enregistrée)</th><th scope="col">Version enregistrée par {who}</th></tr></thead>
              <tbody>
                {diffs.length === 0 ? <tr><td colspan={3}>Les deux versions sont identiques.</td></tr> : diffs.map((d) => (
                  <tr><th scope="row">{d.label}</th><td>{displayValue(d.f, d.mine, p.fieldCtx)}</td><td>{displayValue(d.f, d.theirs, p.fieldCtx)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        } />
  );
}

/** The page of a save refused because the application is no longer a draft: the values are shown for the record. */
export function LockedPage(p: { ctx: PageContext; app: ApplicationRow; def: SectionDef; fieldCtx: FieldContext; mine: RawValues }) {
  return <SectionPage ctx={p.ctx} app={p.app} def={p.def} fieldCtx={p.fieldCtx} values={p.mine} errors={{}} version={0} editable={false}
    notice="Vos dernières saisies n’ont pas été enregistrées : la candidature a été déposée entre-temps. Les voici pour mémoire ; elles ne sont plus modifiables." />;
}
