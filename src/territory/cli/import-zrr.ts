/** Command line: imports a ZRR commune list (insee_code,zrr_status). */
import { runImportCli } from './run-import.js';

process.exitCode = await runImportCli('zrr', process.argv.slice(2), 'node --import tsx src/territory/cli/import-zrr.ts assets/geo/zrr_2022_communes.csv zrr-2017 2017-07-01 2024-06-30');
