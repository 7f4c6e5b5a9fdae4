/** Every domain's routes and jobs, in one list: the app, the tests and the route walk use it. */
import type { Module } from './platform/http/app.js';
import type { AppDeps } from './platform/http/context.js';
import { registerMailJobs } from './platform/mail/mailer.js';
import { pagesModule } from './pages/routes.js';
import { accountsModule, registerAccountJobs } from './accounts/routes.js';
import { organisationsModule } from './organisations/routes.js';
import { staffModule } from './staff/routes.js';
import { callsModule } from './calls/routes.js';
import { territoryModule } from './territory/web/routes.js';
import { registerBatchJobs } from './territory/web/batch-job.js';
import { territoryPlaceClassifier } from './territory/web/place-classifier.js';
import { reviewModule } from './review/routes.js';
import { labelsModule } from './labels/routes.js';
import { registerLabelJobs } from './labels/jobs.js';
import { applicationsModule } from './applications/routes.js';
import { supportModule, registerSupportJobs } from './support/routes.js';
import { inspectionsModule } from './inspections/routes.js';
import { messagesModule } from './messages/routes.js';
import { catalogueModule } from './catalogue/routes.js';
import { opendataModule } from './opendata/routes.js';
import { registerOpendataJobs } from './opendata/snapshot.js';
import { consultationsModule, registerConsultationJobs } from './consultations/routes.js';
import { sessionsModule, registerSessionJobs } from './sessions/routes.js';
import { complianceModule } from './compliance/routes.js';
import { learnersModule, registerLearnerJobs } from './learners/routes.js';
import { grantsModule, registerGrantJobs } from './grants/index.js';

/** Route modules, in registration order. */
export const modules: Module[] = [pagesModule, accountsModule, organisationsModule, territoryModule, staffModule, callsModule, applicationsModule, supportModule, inspectionsModule, reviewModule, labelsModule, messagesModule, consultationsModule, sessionsModule, learnersModule, complianceModule, grantsModule, catalogueModule, opendataModule];

/** Registers background jobs and services of every domain. */
export async function registerJobs(deps: AppDeps): Promise<void> {
  registerMailJobs(deps);
  registerAccountJobs(deps);
  registerBatchJobs(deps);
  registerConsultationJobs(deps);
  registerSupportJobs(deps);
  registerLabelJobs(deps);
  registerSessionJobs(deps);
  registerLearnerJobs(deps);
  registerGrantJobs(deps);
  registerOpendataJobs(deps);
  deps.services.placeClassifier = territoryPlaceClassifier(deps);
}
