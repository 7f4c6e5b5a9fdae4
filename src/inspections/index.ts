/** What other domains may use from inspections. */
export { inspectionsModule } from './routes.js';
export { inspections, inspectionFiles } from './inspections.schema.js';
export { listInspections } from './inspections.store.js';
export { LabelInspectionsBlock } from './views/label-block.js';
export { CONCLUSION_LABELS, KIND_LABELS, type Conclusion, type InspectionKind, type InspectionStatus } from './inspection.js';
export { seedDemoInspections } from './seed.js';
export { loadLabelSupervision, LabelSupervisionBlock, type LabelSupervision } from './label-supervision.js';
