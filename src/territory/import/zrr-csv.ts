/** Reader for the ZRR commune list (`insee_code,zrr_status` with C / NC / PC). */
import type { CommuneStatus, ZrrStatus } from '../territory.js';
import { parseCommuneList } from './commune-list.js';
import type { ImportParseResult } from './import-report.js';

const STATUSES: Record<string, ZrrStatus> = { C: 'C', NC: 'NC', PC: 'PC', P: 'PC' };

/** Parses and validates a ZRR list (the official file's `P` is read as `PC`). */
export function parseZrrCsv(text: string, isKnownCommune: (code: string) => boolean): ImportParseResult<CommuneStatus<ZrrStatus>> {
  return parseCommuneList(
    text,
    {
      codeColumn: 'insee_code',
      statusColumn: 'zrr_status',
      readStatus: (raw) => STATUSES[raw.toUpperCase()] ?? null,
      describeExpected: 'C, NC ou PC',
    },
    isKnownCommune,
  );
}
