/** Every table of the platform, gathered for drizzle and its migrations. */
export * from '../auth/auth.schema.js';
export * from '../audit/audit.schema.js';
export * from '../mail/mail.schema.js';
export * from '../../organisations/organisations.schema.js';
export * from '../../calls/calls.schema.js';
