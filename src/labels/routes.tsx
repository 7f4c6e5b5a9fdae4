/** Staff routes of labels: the list (the agreement and status changes come with the next issue). */
import type { Module } from '../platform/http/app.js';
import { staff } from '../platform/http/access.js';
import { render, pageContext } from '../platform/http/render.js';
import { listLabels } from './labels.store.js';
import { LabelsPage } from './views/labels-page.js';

/** Routes of the labels domain. */
export const labelsModule: Module = (r) => {
  r.get('/gestion/labels', staff('instructor', 'admin', 'monitoring', 'committee'), async (c) => {
    const rows = await listLabels(c.get('deps').database.db);
    return render(c, <LabelsPage ctx={pageContext(c)} rows={rows} />);
  });
};
