/** The geography files shipped in assets/geo (see assets/geo/PROVENANCE.md) and the versions they feed. */
import type { GeographyKind } from './territory.js';

const ASSETS = new URL('../../assets/geo/', import.meta.url);

/** Absolute path of a file in assets/geo. */
export function assetPath(file: string): string {
  return new URL(file, ASSETS).pathname;
}

/** One shipped file and the version it is imported as. */
export interface ShippedGeography {
  kind: GeographyKind;
  version: string;
  file: string;
  validFrom: string;
  validTo: string | null;
  source: string;
}

/** Demo and test geographies, with their period of validity (décrets cited in PROVENANCE.md). */
export const SHIPPED_GEOGRAPHIES: readonly ShippedGeography[] = [
  {
    kind: 'qpv', version: 'qpv-2015', file: 'qpv2015_sample_polygons.geojson', validFrom: '2015-01-01', validTo: '2023-12-31',
    source: 'ANCT, contours QPV 2015 (décret 2014-1750), 3 quartiers d\'exemple extraits de gip-inclusion/les-emplois',
  },
  {
    kind: 'qpv', version: 'qpv-2024', file: 'qpv2024_paris.geojson', validFrom: '2024-01-01', validTo: null,
    source: 'ANCT, QP2024_France_Hexagonale_Outre_Mer_WGS84 (décret 2023-1314 modifié), extrait Paris (21 quartiers)',
  },
  {
    kind: 'zrr', version: 'zrr-2017', file: 'zrr_2022_communes.csv', validFrom: '2017-07-01', validTo: '2024-06-30',
    source: 'Observatoire des territoires / ANCT, classement ZRR (arrêté du 22 février 2018 modifié), COG 2021, via gip-inclusion/les-emplois',
  },
  {
    kind: 'frr', version: 'frr-2025', file: 'frr_2025_communes.csv', validFrom: '2024-07-01', validTo: null,
    source: 'Observatoire des territoires (ANCT) d\'après la DGCL, classement FRR/FRR+ de juillet 2025, COG 2025',
  },
];
