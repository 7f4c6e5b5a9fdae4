/** What other domains (learners, dashboards) may import from the sessions domain. */
export { trainingSessions, obligations, obligationReminders, sessionModality, sessionStatus, obligationKind, type SessionPlace } from './sessions.schema.js';
export { sessionForOrg, findSession, sessionsOfLabel, markObligationDone, type SessionRow, type ObligationRow } from './sessions.store.js';
export { refreshObligations, refreshAllObligations } from './commands/refresh-obligations.js';
export {
  addMonths, addDays, parisDay, isDay, obligationKey, effectiveStart, effectiveEnd, obligationState, computeObligations, annualReportDueOn,
  OBLIGATION_KINDS, OBLIGATION_KIND_LABELS, OBLIGATION_STATE_LABELS, type ObligationKind, type ObligationState,
} from './obligations.js';
export { sessionBreaches, postponementNeedsChangeRequest, sessionDatesRequestHref, type Breach } from './sessions.js';
export { applyApprovedSessionDates } from './commands/declare-session.js';
export { plannedSessionsOfOrganisation } from './sessions.store.js';
