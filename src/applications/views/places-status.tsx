/** What the territory engine says about each training place (shown on the "Lieux et sessions" page). */
import type { PlaceClassification } from '../place-classifier.js';

/** The table of places with their commune and QPV status. */
export function PlacesStatus({ places }: { places: { index: number; name: string; result: PlaceClassification | null }[] }) {
  if (places.length === 0) return null;
  return (
    <div class="fr-table fr-mb-4w">
      <table>
        <caption>Situation des lieux de formation</caption>
        <thead><tr><th scope="col">Lieu</th><th scope="col">Commune</th><th scope="col">Quartier prioritaire (QPV)</th></tr></thead>
        <tbody>
          {places.map((p) => (
            <tr>
              <th scope="row">{p.name}</th>
              <td>{p.result ? `${p.result.communeName} (${p.result.departement}, ${p.result.region})` : 'Adresse non localisée : vérifiez-la.'}</td>
              <td>{!p.result ? '—' : p.result.qpv ? `Oui : ${p.result.qpv.name} (${p.result.qpv.code}, ${p.result.qpvVersion})` : `Non${p.result.qpvVersion ? ` (${p.result.qpvVersion})` : ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
