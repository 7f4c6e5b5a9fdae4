/** Staff figures of the support desk: a period filter, tables, and a bar chart of tickets per week. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, type FormState } from '../../platform/views/ui.js';
import { TOPIC_SHORT } from '../support.js';
import { formatDuration, type Figures } from '../figures.js';

const crumbs = [{ label: 'Espace GEN', href: '/gestion' }, { label: 'Demandes d’assistance', href: '/gestion/support' }];

function frDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function pct(n: number, of: number): string {
  return of === 0 ? '—' : `${Math.round((100 * n) / of)} %`;
}

/** A bar chart of tickets per week (decorative copy of the table next to it). */
function WeekChart({ weeks }: { weeks: { monday: string; count: number }[] }) {
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const barW = 24;
  const gap = 8;
  const h = 160;
  const width = Math.max(200, weeks.length * (barW + gap) + gap);
  return (
    <svg class="lg-chart" viewBox={`0 0 ${width} ${h + 40}`} width={width} height={h + 40} role="img" aria-labelledby="graphique-semaines-titre graphique-semaines-desc">
      <title id="graphique-semaines-titre">Demandes reçues par semaine</title>
      <desc id="graphique-semaines-desc">{weeks.map((w) => `semaine du ${frDay(w.monday)} : ${w.count}`).join(' ; ')}</desc>
      <line x1="0" y1={h} x2={width} y2={h} class="lg-chart__axis" />
      {weeks.map((w, i) => {
        const bh = Math.round((w.count / max) * (h - 20));
        const x = gap + i * (barW + gap);
        return (
          <g>
            <rect x={x} y={h - bh} width={barW} height={bh} class="lg-chart__bar" />
            <text x={x + barW / 2} y={h - bh - 4} text-anchor="middle" class="lg-chart__value">{String(w.count)}</text>
            <text x={x + barW / 2} y={h + 14} text-anchor="middle" class="lg-chart__label">{frDay(w.monday).slice(0, 5)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** The figures page. */
export function FiguresPage({ ctx, figures, from, to, state }: { ctx: PageContext; figures: Figures; from: string; to: string; state?: FormState }) {
  const f = figures;
  const errors = state?.errors ?? {};
  return (
    <Layout ctx={ctx} title="Chiffres des demandes d’assistance" hasErrors={Object.keys(errors).length > 0} breadcrumb={crumbs}>
      <h1>Chiffres des demandes d’assistance</h1>
      <ErrorSummary errors={errors} fieldOrder={['du', 'au']} />
      <form method="get" action="/gestion/support/chiffres" class="fr-mb-4w" aria-label="Choisir la période">
        <div class="fr-grid-row fr-grid-row--gutters">
          {(['du', 'au'] as const).map((name) => (
            <div class={`fr-input-group fr-col-12 fr-col-md-4${errors[name] ? ' fr-input-group--error' : ''}`}>
              <label class="fr-label" for={name}>{name === 'du' ? 'Demandes reçues du' : 'au'}<span class="fr-hint-text">Format attendu : JJ/MM/AAAA</span></label>
              <input class="fr-input" type="date" id={name} name={name} value={name === 'du' ? from : to} aria-describedby={errors[name] ? `${name}-erreur` : undefined} />
              {errors[name] ? <p class="fr-error-text" id={`${name}-erreur`}>{errors[name]}</p> : null}
            </div>
          ))}
        </div>
        <button class="fr-btn" type="submit">Afficher</button>
      </form>
      <p role="status">{`${f.total} demande${f.total > 1 ? 's' : ''} reçue${f.total > 1 ? 's' : ''} du ${frDay(from)} au ${frDay(to)} (demandes fusionnées exclues), dans les sujets que vous traitez.`}</p>

      <h2>Délais</h2>
      <div class="fr-table"><table>
        <caption>Délais de première réponse et de résolution</caption>
        <thead><tr><th scope="col">Mesure</th><th scope="col">Médiane</th><th scope="col">Moyenne</th><th scope="col">Demandes mesurées</th><th scope="col">Autres</th></tr></thead>
        <tbody>
          <tr><th scope="row">Première réponse</th><td>{formatDuration(f.firstAnswer.medianMs)}</td><td>{formatDuration(f.firstAnswer.meanMs)}</td>
            <td>{`${f.firstAnswer.count} (dont ${pct(f.firstAnswer.onTime, f.firstAnswer.count)} dans le délai)`}</td><td>{`${f.firstAnswer.unanswered} sans réponse`}</td></tr>
          <tr><th scope="row">Résolution</th><td>{formatDuration(f.resolution.medianMs)}</td><td>{formatDuration(f.resolution.meanMs)}</td>
            <td>{String(f.resolution.count)}</td><td>{`${f.resolution.unresolved} non résolues`}</td></tr>
        </tbody>
      </table></div>
      <p>{f.satisfaction.mean === null ? 'Aucun avis de satisfaction sur la période.' : `Satisfaction : ${f.satisfaction.mean.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} sur 5 (${f.satisfaction.count} avis).`}</p>

      <h2>Par sujet</h2>
      <div class="fr-table"><table>
        <caption>Demandes par sujet</caption>
        <thead><tr><th scope="col">Sujet</th><th scope="col">Demandes</th><th scope="col">Part</th></tr></thead>
        <tbody>{f.byTopic.map((t) => <tr><th scope="row">{TOPIC_SHORT[t.topic]}</th><td>{String(t.count)}</td><td>{pct(t.count, f.total)}</td></tr>)}</tbody>
      </table></div>

      <h2>Par semaine</h2>
      <div class="lg-chart-wrap"><WeekChart weeks={f.byWeek} /></div>
      <div class="fr-table"><table>
        <caption>Demandes reçues par semaine (du lundi au dimanche)</caption>
        <thead><tr><th scope="col">Semaine du</th><th scope="col">Demandes</th></tr></thead>
        <tbody>{f.byWeek.map((w) => <tr><th scope="row">{frDay(w.monday)}</th><td>{String(w.count)}</td></tr>)}</tbody>
      </table></div>
    </Layout>
  );
}
