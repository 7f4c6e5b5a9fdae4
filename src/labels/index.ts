/** What other domains may import from the labels domain. */
export { labels, labelCounters, labelStatus, labelSignatures } from './labels.schema.js';
export { LABEL_STATUSES, LABEL_STATUS_LABELS, LABEL_TRANSITIONS, labelTransition, labelCan, type LabelStatus, type LabelEvent } from './label.states.js';
export { labelNumber, validity, firstSessionDeadline, inRenewalWindow, renewalOpensOn, renewalPath } from './label.js';
export { labelOfApplication, listLabels, listOrganisationLabels, findLabel, type LabelRow } from './labels.store.js';
/** Where an organisation sees one of its labels (and signs its convention). */
export const organisationLabelPath = (organisationId: string, labelId: string) => `/organisations/${organisationId}/labels/${labelId}`;
/** Where staff see one label. */
export const staffLabelPath = (labelId: string) => `/gestion/labels/${labelId}`;
