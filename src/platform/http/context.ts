/** What every request handler can reach: the platform services and the signed-in actor. */
import type { Config } from '../config.js';
import type { Database } from '../db/index.js';
import type { Jobs } from '../jobs/jobs.js';
import type { StaffRoleName } from '../auth/roles.js';

/** Platform services handed to routes and commands (no container: one plain object). */
export interface AppDeps {
  config: Config;
  database: Database;
  jobs: Jobs;
  /** Current time; tests may fix it. */
  now: () => Date;
  /** Domain services registered at start (territory engine, geocoder...), by name. */
  services: Record<string, unknown>;
}

/** A membership of the signed-in user. */
export interface ActorMembership { organisationId: string; organisationName: string; role: 'admin' | 'member' }

/** The signed-in person, as policies see them. */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  sessionId: string;
  staffRoles: StaffRoleName[];
  /** The second factor was checked in this session. */
  secondFactor: boolean;
  totpEnabled: boolean;
  memberships: ActorMembership[];
  currentOrgId: string | null;
}

/** Hono environment of the platform. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    csrfToken: string;
    /** Nonce-free CSP: no inline script at all, so nothing to pass here but the request id. */
    requestId: string;
  };
}
