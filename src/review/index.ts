/** What other domains may import from the review domain. */
export { applicationReviews, committeeDecisions, committeeMeetings } from './review.schema.js';
export { REVIEW_STATES, REVIEW_STATE_LABELS, type ReviewState } from './review.states.js';
export { STATUS_LABELS, workspaceStatus, type WorkspaceStatus } from './review.js';
export { findReview, syncReviews } from './review.store.js';
export { decisionOf } from './committee.store.js';
export { applicationFacts, mayOnApplication } from './facts.js';
export { seesAllApplications } from './review.policy.js';
export { deferralsOf } from './committee.store.js';
