/**
 * Where a training place lies (commune, département, région, QPV), behind a small interface the
 * platform wires to the territory engine at start (`deps.services.placeClassifier`). Without it,
 * the addresses are stored and the QPV status is simply not shown yet.
 */
import type { AppDeps } from '../platform/http/context.js';

/** An address as typed in the "Lieux et sessions" section. */
export interface PlaceAddress { address: string; postcode: string; city: string }

/** What the classifier says about an address; null when it cannot place it. */
export interface PlaceClassification {
  communeCode: string;
  communeName: string;
  departement: string;
  region: string;
  /** The QPV holding the address, or null; with the geography version used (e.g. qpv-2024). */
  qpv: { code: string; name: string } | null;
  qpvVersion: string | null;
}

/** The service the lead wires to the territory engine. */
export interface PlaceClassifier {
  classify(place: PlaceAddress, onDate: string): Promise<PlaceClassification | null>;
}

/** The registered classifier, if any. */
export function placeClassifierOf(deps: AppDeps): PlaceClassifier | null {
  return (deps.services.placeClassifier as PlaceClassifier | undefined) ?? null;
}

/** Classifies each complete place of the section's data (rows without a full address are skipped). */
export async function classifyPlaces(classifier: PlaceClassifier, places: Record<string, unknown>[], onDate: string) {
  const out: { index: number; name: string; result: PlaceClassification | null }[] = [];
  for (const [index, p] of places.entries()) {
    if (typeof p.address !== 'string' || typeof p.postcode !== 'string' || typeof p.city !== 'string') continue;
    try {
      out.push({ index, name: String(p.name ?? `Lieu ${index + 1}`), result: await classifier.classify({ address: p.address, postcode: p.postcode, city: p.city }, onDate) });
    } catch {
      out.push({ index, name: String(p.name ?? `Lieu ${index + 1}`), result: null });
    }
  }
  return out;
}
