/** Pieces shared by the roster pages: session header, indicators table, learners table. */
import type { Indicators } from '../indicators.js';
import { indicatorRows } from '../indicators.js';
import { COMPLETION_LABELS, EDUCATION_LABELS, EXIT_SITUATION_LABELS, SEX_LABELS, CERTIFICATION_LABELS } from '../learners.js';
import type { LearnerRow, SessionContext } from '../learners.store.js';

/** A date YYYY-MM-DD as DD/MM/YYYY. */
export function frDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant as a Paris date. */
export function frInstant(d: Date | null | undefined): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

const STATUS: Record<string, string> = { planned: 'Prévue', started: 'Démarrée', ended: 'Terminée', cancelled: 'Annulée' };

/** The facts of a session at the top of each roster page. */
export function SessionFacts({ ctx }: { ctx: SessionContext }) {
  const s = ctx.session;
  return (
    <ul class="lg-facts">
      <li>Formation « {ctx.trainingTitle} », label {ctx.labelNumber} ({ctx.organisationName})</li>
      <li>Démarrage prévu le {frDate(s.plannedStart)}{s.actualStart ? `, effectif le ${frDate(s.actualStart)}` : ''} ; fin prévue le {frDate(s.plannedEnd)}{s.actualEnd ? `, effective le ${frDate(s.actualEnd)}` : ''}</li>
      <li>Statut : {STATUS[s.status] ?? s.status}
        {s.startAttestedAt ? ` · démarrage attesté le ${frInstant(s.startAttestedAt)}` : ''}
        {s.endReportedAt ? ` · bilan remis le ${frInstant(s.endReportedAt)}` : ''}
        {s.endReportAcceptedAt ? ` · bilan accepté le ${frInstant(s.endReportAcceptedAt)}` : ''}</li>
    </ul>
  );
}

/** The indicators of the session against the call's targets. */
export function IndicatorsTable({ indicators, caption }: { indicators: Indicators; caption: string }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Indicateur</th><th scope="col">Valeur</th><th scope="col">Détail</th><th scope="col">Objectif de l’appel</th><th scope="col">Appréciation</th></tr></thead>
        <tbody>
          {indicatorRows(indicators).map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td>{r.value}</td>
              <td>{r.detail}</td>
              <td>{r.target}</td>
              <td>{r.meets === null ? r.verdict : <span class={`fr-badge fr-badge--sm ${r.meets ? 'fr-badge--success' : 'fr-badge--error'}`}>{r.verdict}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The placement of a learner's address in words. */
export function placementText(l: LearnerRow): string {
  if (l.placement === 'unplaced') return 'Adresse non placée : à corriger';
  const parts = [l.commune ?? '—'];
  parts.push(l.inQpv ? `QPV ${l.qpvCode ?? ''}`.trim() : 'hors QPV');
  parts.push(l.inZrrFrr ? 'ZRR/FRR' : 'hors ZRR/FRR');
  return parts.join(' · ') + (l.placement === 'overridden' ? ' (corrigé par la GEN)' : '');
}

/** The learners of a session; `href` gives the link of each learner (or none). */
export function LearnersTable({ rows, href, caption }: { rows: LearnerRow[]; href?: (l: LearnerRow) => string; caption: string }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Nom</th><th scope="col">Sexe</th><th scope="col">Naissance</th><th scope="col">Niveau</th><th scope="col">Territoire</th><th scope="col">Parcours</th></tr></thead>
        <tbody>
          {rows.length === 0 ? <tr><td colspan={6}>Aucun apprenant déclaré.</td></tr> : null}
          {rows.map((l) => {
            const name = l.erasedAt ? 'Apprenant (données effacées)' : `${l.lastName ?? ''} ${l.firstName ?? ''}`.trim();
            return (
              <tr>
                <td>{href && !l.erasedAt ? <a href={href(l)}>{name}</a> : name}</td>
                <td>{SEX_LABELS[l.sex]}</td>
                <td>{l.birthDate ? frDate(l.birthDate) : (l.birthYear ?? '—')}</td>
                <td>{EDUCATION_LABELS[l.educationLevel]}</td>
                <td>{l.placement === 'unplaced' ? <span class="fr-badge fr-badge--sm fr-badge--warning">{placementText(l)}</span> : placementText(l)}</td>
                <td>
                  {l.leftOn ? `Sortie le ${frDate(l.leftOn)}` : l.completion ? COMPLETION_LABELS[l.completion] : 'En formation'}
                  {l.certification ? ` · ${CERTIFICATION_LABELS[l.certification]}` : ''}
                  {l.situation6m ? ` · à 6 mois : ${EXIT_SITUATION_LABELS[l.situation6m]}` : l.situation3m ? ` · à 3 mois : ${EXIT_SITUATION_LABELS[l.situation3m]}` : l.situationAtExit ? ` · sortie : ${EXIT_SITUATION_LABELS[l.situationAtExit]}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The list of import errors by line and column. */
export function ImportErrorsTable({ errors }: { errors: { line: number; column: string; message: string }[] }) {
  return (
    <div class="fr-table lg-table-wrap" id="erreurs-import">
      <table>
        <caption>{errors.length === 1 ? 'Une erreur dans le fichier' : `${errors.length} erreurs dans le fichier`} : rien n’a été importé</caption>
        <thead><tr><th scope="col">Ligne</th><th scope="col">Colonne</th><th scope="col">Erreur</th></tr></thead>
        <tbody>{errors.slice(0, 1000).map((e) => <tr><td>{e.line}</td><td>{e.column}</td><td>{e.message}</td></tr>)}</tbody>
      </table>
      {errors.length > 1000 ? <p>… et {errors.length - 1000} autres erreurs.</p> : null}
    </div>
  );
}
