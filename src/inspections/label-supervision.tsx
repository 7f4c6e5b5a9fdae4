/**
 * For the staff page of a label (/gestion/labels/:labelId, labels domain): the complaints about the
 * training and its inspections, shown to the monitoring team and admins only (complaints name
 * their authors). Usage in the route: `supervision={await loadLabelSupervision(db, label.id, actor.staffRoles)}`,
 * in the view: `{p.supervision ? <LabelSupervisionBlock {...p.supervision} /> : null}`.
 */
import type { DbOrTx } from '../platform/db/index.js';
import type { StaffRoleName } from '../platform/auth/roles.js';
import { ComplaintsBlock, complaintsAboutTraining, type ComplaintItem } from '../support/index.js';
import { listInspections } from './inspections.store.js';
import { mayManageInspections } from './inspections.policy.js';
import { LabelInspectionsBlock } from './views/label-block.js';
import type { InspectionItem } from './views/parts.js';

/** What the block shows. */
export interface LabelSupervision { labelId: string; complaints: ComplaintItem[]; inspections: InspectionItem[] }

/** Loads the block's data, or null when these roles may not see complaints and inspections. */
export async function loadLabelSupervision(db: DbOrTx, labelId: string, roles: readonly StaffRoleName[]): Promise<LabelSupervision | null> {
  if (!mayManageInspections(roles)) return null;
  const [complaints, inspections] = await Promise.all([complaintsAboutTraining(db, `label:${labelId}`), listInspections(db, { labelId })]);
  return { labelId, complaints, inspections };
}

/** Complaints (with "Ouvrir une inspection") and inspections of one label. */
export function LabelSupervisionBlock(p: LabelSupervision) {
  return (
    <>
      <ComplaintsBlock complaints={p.complaints} audience="staff" />
      <LabelInspectionsBlock labelId={p.labelId} items={p.inspections} />
    </>
  );
}
