/** A block for the staff page of a label: its inspections and a button to plan one. */
import { InspectionsTable, type InspectionItem } from './parts.js';

/** Inspections of one label (insert on /gestion/labels/:labelId). */
export function LabelInspectionsBlock({ labelId, items }: { labelId: string; items: InspectionItem[] }) {
  return (
    <section aria-labelledby="inspections-label-titre" class="fr-mt-4w">
      <h2 id="inspections-label-titre">Inspections</h2>
      {items.length === 0 ? <p>Aucune inspection.</p> : <InspectionsTable items={items} caption="Inspections de ce label" showLabel={false} />}
      <p><a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/gestion/inspections/nouvelle?label=${labelId}`}>Planifier une inspection</a></p>
    </section>
  );
}
