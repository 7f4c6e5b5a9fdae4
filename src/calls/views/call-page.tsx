/** Public page of one call: calendar, criteria with weights, rules, job families, regional needs. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { formatParis } from '../call.js';
import type { CallDetails } from '../calls.store.js';
import { durationSentences, targetSentences } from './rules-sentences.js';

/** Weight as French decimal ("2,5"). */
export const weightText = (w: number) => w.toLocaleString('fr-FR', { maximumFractionDigits: 2 });

/** The calendar table (also used on the admin page). */
export function CutoffsTable({ details }: { details: CallDetails }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>Calendrier des relevés (heure de Paris)</caption>
        <thead>
          <tr><th scope="col">Relevé</th><th scope="col">Clôture</th><th scope="col">Formations concernées</th><th scope="col">Résultats</th></tr>
        </thead>
        <tbody>
          {details.cutoffs.length === 0 ? <tr><td colspan={4}>Aucun relevé n’est fixé.</td></tr> : details.cutoffs.map((c) => (
            <tr>
              <th scope="row">{c.label}</th>
              <td>{formatParis(c.closesAt)} (heure de Paris)</td>
              <td>{c.scopeNote || '—'}</td>
              <td>{c.resultsNote || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The selection criteria with their weights, total /10. */
export function SelectionTable({ details }: { details: CallDetails }) {
  const total = details.selection.reduce((s, c) => s + c.weight, 0);
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>Critères de sélection et pondérations (note sur 10)</caption>
        <thead><tr><th scope="col">Critère</th><th scope="col">Description</th><th scope="col">Pondération</th></tr></thead>
        <tbody>
          {details.selection.map((c) => (
            <tr><th scope="row">{c.code}. {c.title}</th><td>{c.description}</td><td>{weightText(c.weight)} / 10</td></tr>
          ))}
        </tbody>
        <tfoot><tr><th scope="row" colspan={2}>Total</th><td>{weightText(Math.round(total * 100) / 100)} / 10</td></tr></tfoot>
      </table>
    </div>
  );
}

/** Page /appels/:slug. */
export function CallPage({ ctx, details, open }: { ctx: PageContext; details: CallDetails; open: boolean }) {
  const { call } = details;
  return (
    <Layout ctx={ctx} title={call.title} breadcrumb={[{ label: 'Appels à labellisation', href: '/appels' }]}>
      <h1>{call.title}</h1>
      <p>{open ? <span class="fr-badge fr-badge--success fr-badge--no-icon">Ouvert</span> : <span class="fr-badge fr-badge--no-icon">Clos</span>}</p>
      <p class="fr-text--lead">{call.description}</p>
      <p>Ouverture le {formatParis(call.opensAt).split(' à ')[0]}{call.closesAt ? `, clôture définitive le ${formatParis(call.closesAt)} (heure de Paris)` : ', puis candidatures au fil de l’eau'}. Une candidature déposée après un relevé est examinée au relevé suivant ; elle doit être complète et validée en ligne pour être prise en compte.</p>

      <h2>Calendrier</h2>
      <CutoffsTable details={details} />

      <h2>Critères de recevabilité</h2>
      <p>Les {details.admissibility.length} critères suivants doivent tous être remplis ; à défaut, la candidature est déclarée irrecevable et le porteur en est informé.</p>
      <ol>
        {details.admissibility.map((c) => <li><strong>{c.title}</strong> {c.description}</li>)}
      </ol>

      <h2>Critères de sélection</h2>
      <p>Chaque critère est noté ; la note finale est sur 10.</p>
      <SelectionTable details={details} />

      <h2>Durées et obligations</h2>
      <ul>{durationSentences(call.rules).map((s) => <li>{s}</li>)}</ul>

      <h2>Objectifs</h2>
      <ul>{targetSentences(call.rules).map((s) => <li>{s}</li>)}</ul>

      <h2>Les {details.families.length} familles des métiers du numérique</h2>
      <p>La formation prépare à un métier de l’une de ces familles (France Stratégie et Céreq, 2017).</p>
      <ol>{details.families.map((f) => <li>{f.title}</li>)}</ol>

      <h2>Besoins en compétences par région</h2>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Métiers en tension par région (métropole)</caption>
          <thead><tr><th scope="col">Région</th><th scope="col">Métiers recherchés</th></tr></thead>
          <tbody>
            {details.needs.map((n) => <tr><th scope="row">{n.regionName}</th><td>{n.jobs.join(' ; ')}</td></tr>)}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
