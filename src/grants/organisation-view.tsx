/** The organisation's read-only view of a label's seed grant, rendered inside its label page. */
import type { DbOrTx } from '../platform/db/index.js';
import { clawbacksOfLabel, tranchesOfLabel } from './grants.store.js';
import { totals } from './grants.js';
import { OrganisationGrantSection } from './views/parts.js';

/** The section (tranches, conditions, states, dates, clawbacks), or null when the label has no seed grant tranche. */
export async function organisationGrantSection(db: DbOrTx, labelId: string) {
  const tranches = await tranchesOfLabel(db, labelId);
  const clawbacks = await clawbacksOfLabel(db, labelId);
  if (tranches.length === 0 && clawbacks.length === 0) return null;
  return <OrganisationGrantSection tranches={tranches} clawbacks={clawbacks} totals={totals(tranches, clawbacks)} />;
}
