/** Command line: imports an FRR commune list (insee_code,nom_cog2025,codefrr,classement). */
import { runImportCli } from './run-import.js';

process.exitCode = await runImportCli('frr', process.argv.slice(2), 'node --import tsx src/territory/cli/import-frr.ts assets/geo/frr_2025_communes.csv frr-2025 2024-07-01');
