/** The 10 admissibility criteria side by side: the automatic pre-check and the reviewer's verdict. */
import type { CriterionOutcome } from '../../applications/admissibility.js';

const PRECHECK: Record<CriterionOutcome['status'], { label: string; badge: string }> = {
  met: { label: 'Rempli', badge: 'fr-badge--success' },
  not_met: { label: 'Non rempli', badge: 'fr-badge--error' },
  to_check: { label: 'À vérifier', badge: 'fr-badge--info' },
};

/** Read-only table of the criteria. */
export function AdmissibilityTable({ criteria, precheck, verdicts }: {
  criteria: readonly { code: string; title: string }[];
  precheck: readonly CriterionOutcome[];
  verdicts: readonly { criterionCode: string; verdict: 'met' | 'not_met'; comment: string; reviewerName: string | null }[];
}) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>Critères de recevabilité : pré-contrôle automatique et avis de l’instructeur</caption>
        <thead><tr><th scope="col">Critère</th><th scope="col">Pré-contrôle</th><th scope="col">Avis de l’instructeur</th></tr></thead>
        <tbody>
          {criteria.map((c) => {
            const p = precheck.find((x) => x.code === c.code);
            const v = verdicts.find((x) => x.criterionCode === c.code);
            return (
              <tr>
                <th scope="row">{c.code}. {c.title}</th>
                <td>{p ? <><span class={`fr-badge fr-badge--sm ${PRECHECK[p.status].badge}`}>{PRECHECK[p.status].label}</span> {p.reason}</> : '—'}</td>
                <td>{v ? <><span class={`fr-badge fr-badge--sm ${v.verdict === 'met' ? 'fr-badge--success' : 'fr-badge--error'}`}>{v.verdict === 'met' ? 'Rempli' : 'Non rempli'}</span> {v.comment}{v.reviewerName ? <span class="fr-text--xs"> ({v.reviewerName})</span> : null}</> : 'Pas encore examiné'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
