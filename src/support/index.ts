/** What other domains may use from the support desk. */
export { complaintsAboutTraining } from './tickets.store.js';
export { supportModule } from './routes.js';
export { TOPIC_LABELS, STATUS_LABELS, type Topic, type TicketStatus } from './support.js';
