/** What other domains may import from the labels domain. */
export { labels, labelCounters, labelStatus } from './labels.schema.js';
export { LABEL_STATUSES, LABEL_STATUS_LABELS, LABEL_TRANSITIONS, labelTransition, type LabelStatus, type LabelEvent } from './label.states.js';
export { labelNumber, validity } from './label.js';
export { labelOfApplication, listLabels, type LabelRow } from './labels.store.js';
