/** Every table of the platform, gathered for drizzle and its migrations. */
export * from '../auth/auth.schema.js';
export * from '../audit/audit.schema.js';
export * from '../mail/mail.schema.js';
export * from '../../organisations/organisations.schema.js';
export * from '../../calls/calls.schema.js';
export * from '../../applications/applications.schema.js';
export * from '../../territory/territory.schema.js';
export * from '../../territory/web/batch.schema.js';
export * from '../../review/review.schema.js';
export * from '../../labels/labels.schema.js';
export * from '../../support/support.schema.js';
export * from '../../sessions/sessions.schema.js';
export * from '../../learners/learners.schema.js';
export * from '../../inspections/inspections.schema.js';
export * from '../../messages/messages.schema.js';
export * from '../../consultations/consultations.schema.js';
export * from '../../catalogue/catalogue.schema.js';
