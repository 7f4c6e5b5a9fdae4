/** Pieces of the inspection pages: state and conclusion badges, the table of inspections. */
import { CONCLUSION_LABELS, KIND_LABELS, STATUS_LABELS, frenchDay, type Conclusion, type InspectionKind, type InspectionStatus } from '../inspection.js';

const STATUS_BADGE: Record<InspectionStatus, string> = { planned: 'fr-badge--info', reported: 'fr-badge--success', cancelled: '' };
const CONCLUSION_BADGE: Record<Conclusion, string> = { compliant: 'fr-badge--success', remarks: 'fr-badge--warning', breach: 'fr-badge--error' };

/** The state as a badge. */
export function InspectionStatusBadge({ status }: { status: InspectionStatus }) {
  return <p class={`fr-badge fr-badge--sm ${STATUS_BADGE[status]}`}>{STATUS_LABELS[status]}</p>;
}

/** The conclusion as a badge. */
export function ConclusionBadge({ conclusion }: { conclusion: Conclusion }) {
  return <p class={`fr-badge fr-badge--sm fr-badge--no-icon ${CONCLUSION_BADGE[conclusion]}`}>{CONCLUSION_LABELS[conclusion]}</p>;
}

/** A row of a list of inspections. */
export interface InspectionItem {
  id: string; kind: InspectionKind; plannedOn: string; status: InspectionStatus; conclusion: Conclusion | null;
  label: { id: string; number: string; trainingTitle: string; organisationName: string };
}

/** The table of inspections (staff); `caption` says what it lists. */
export function InspectionsTable({ items, caption, showLabel = true }: { items: InspectionItem[]; caption: string; showLabel?: boolean }) {
  return (
    <div class="fr-table lg-table-wrap"><table>
      <caption>{caption}</caption>
      <thead><tr><th scope="col">Date</th>{showLabel ? <th scope="col">Formation</th> : null}<th scope="col">Type</th><th scope="col">État</th><th scope="col">Conclusion</th></tr></thead>
      <tbody>{items.map((i) => (
        <tr>
          <td><a href={`/gestion/inspections/${i.id}`}>{`Inspection du ${frenchDay(i.plannedOn)}`}{showLabel ? <span class="fr-sr-only">{` — ${i.label.number}`}</span> : null}</a></td>
          {showLabel ? <td>{`${i.label.trainingTitle} — ${i.label.organisationName}`}<br /><span class="fr-text--xs">{`Label ${i.label.number}`}</span></td> : null}
          <td>{KIND_LABELS[i.kind]}</td>
          <td><InspectionStatusBadge status={i.status} /></td>
          <td>{i.conclusion ? <ConclusionBadge conclusion={i.conclusion} /> : '—'}</td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}
