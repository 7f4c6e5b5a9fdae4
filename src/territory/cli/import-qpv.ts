/** Command line: imports an ANCT QPV GeoJSON file (national QP2024_France_Hexagonale_Outre_Mer_WGS84, or a 2015 contour file). */
import { runImportCli } from './run-import.js';

process.exitCode = await runImportCli('qpv', process.argv.slice(2), 'node --import tsx src/territory/cli/import-qpv.ts QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson qpv-2024 2024-01-01');
