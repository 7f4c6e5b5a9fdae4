/** The review module: the staff workspace, each application's review, and the committee. */
import type { Module } from '../platform/http/app.js';
import { registerWorkspaceRoutes } from './routes/workspace.routes.js';
import { registerApplicationRoutes } from './routes/application.routes.js';
import { registerCommitteeRoutes } from './routes/committee.routes.js';
import { registerOrganiseRoutes } from './routes/organise.routes.js';

/** Routes of the review domain (exports are registered before `/:applicationId`). */
export const reviewModule: Module = (r) => {
  registerWorkspaceRoutes(r);
  registerOrganiseRoutes(r);
  registerApplicationRoutes(r);
  registerCommitteeRoutes(r);
};
