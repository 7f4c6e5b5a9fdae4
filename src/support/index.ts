/** What other domains may use from the support desk. */
export { complaintsAboutTraining, complaintsAboutLabels, findTicket as findSupportTicket, type TicketRow } from './tickets.store.js';
export { addNote as addSupportNote } from './commands/reply.js';
export { supportModule, registerSupportJobs } from './routes.js';
export { TOPIC_LABELS, STATUS_LABELS, type Topic, type TicketStatus } from './support.js';
export { parisDayOf, isoDay } from './working-days.js';
export { ComplaintsBlock, complainantFor, type ComplaintItem } from './views/complaints-block.js';
export { seedDemoComplaint } from './seed.js';
