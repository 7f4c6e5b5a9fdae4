/** Routes of labels: the staff list and label page, and the organisation's labels. */
import type { Module } from '../platform/http/app.js';
import { render, pageContext } from '../platform/http/render.js';
import { listLabels } from './labels.store.js';
import { labelsWithSignatures } from './agreement.store.js';
import { labelAccess } from './labels.policy.js';
import { LabelsPage } from './views/labels-page.js';
import { registerStaffLabelRoutes } from './staff.routes.js';
import { registerOrganisationLabelRoutes } from './org.routes.js';

/** Routes of the labels domain. */
export const labelsModule: Module = (r) => {
  r.get('/gestion/labels', labelAccess('labels.view'), async (c) => {
    const db = c.get('deps').database.db;
    const rows = await listLabels(db);
    const signed = await labelsWithSignatures(db, rows.filter((r) => r.label.status === 'pending_agreement').map((r) => r.label.id));
    return render(c, <LabelsPage ctx={pageContext(c)} rows={rows} signedByOrganisation={signed} />);
  });
  registerStaffLabelRoutes(r);
  registerOrganisationLabelRoutes(r);
};
