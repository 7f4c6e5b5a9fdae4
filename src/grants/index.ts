/** What other domains may use from seed grants. */
export { grantsModule } from './routes.js';
export { registerGrantJobs, runGrantsDaily, GRANTS_DAILY_JOB } from './jobs.js';
export { planTranches, refreshTranches, withholdForSanction, grantMail } from './commands/tranches.js';
export { organisationGrantSection } from './organisation-view.js';
export { seedDemoGrants } from './seed.js';
