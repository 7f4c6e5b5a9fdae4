/** The territory engine behind the applications' PlaceClassifier: a training place → commune, département, région, QPV. */
import type { AppDeps } from '../../platform/http/context.js';
import type { PlaceClassifier } from '../../applications/place-classifier.js';
import { communeInfo } from '../communes.js';
import { territoryServices } from './services.js';

/** A classifier geocoding the typed address and judging it with the geography in force on the given date. */
export function territoryPlaceClassifier(deps: AppDeps): PlaceClassifier {
  return {
    async classify(place, onDate) {
      const { geocoder, engine } = await territoryServices(deps);
      const res = await geocoder.geocode(`${place.address} ${place.postcode} ${place.city}`, { postcode: place.postcode || undefined });
      if (res.status !== 'found' || !res.address) return null;
      const a = res.address;
      const info = communeInfo(a.citycode);
      const point = engine.classifyPoint(a.lon, a.lat, /^\d{4}-\d{2}-\d{2}$/.test(onDate) ? onDate : undefined);
      return {
        communeCode: a.citycode,
        communeName: info?.name ?? a.city,
        departement: info?.departement?.name ?? '',
        region: info?.region?.name ?? '',
        qpv: point.qpv ? { code: point.qpv.code, name: point.qpv.name } : null,
        qpvVersion: point.qpvVersion,
      };
    },
  };
}
