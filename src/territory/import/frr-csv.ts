/** Reader for the FRR commune list (`insee_code,nom_cog2025,codefrr,classement`, codefrr 0–5). */
import { FRR_CODES, type CommuneStatus, type FrrStatus } from '../territory.js';
import { parseCommuneList } from './commune-list.js';
import type { ImportParseResult } from './import-report.js';

/** Parses and validates an FRR list; an empty `codefrr` means "non classée", as in the source xlsx. */
export function parseFrrCsv(text: string, isKnownCommune: (code: string) => boolean): ImportParseResult<CommuneStatus<FrrStatus>> {
  return parseCommuneList(
    text,
    {
      codeColumn: 'insee_code',
      statusColumn: 'codefrr',
      readStatus: (raw) => (raw === '' ? 'non_classee' : /^[0-5]$/.test(raw) ? FRR_CODES[Number(raw)]! : null),
      describeExpected: 'un code FRR de 0 à 5',
    },
    isKnownCommune,
  );
}
