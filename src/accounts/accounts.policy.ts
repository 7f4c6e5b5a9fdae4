/** What a signed-in person may do on their own account, beyond the route's SIGNED_IN access. */
import type { Actor } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';

/** The closed list of account actions that depend on the account's state. */
export type AccountAction =
  /** Start or confirm TOTP enrolment: only while it is not yet enabled. */
  | 'enrolTotp'
  /** Replace the recovery codes: TOTP enabled and checked in this session. */
  | 'regenerateRecoveryCodes';

/** Whether the actor may perform an account action. */
export function canOnAccount(actor: Actor, action: AccountAction): boolean {
  switch (action) {
    case 'enrolTotp':
      return !actor.totpEnabled;
    case 'regenerateRecoveryCodes':
      return actor.totpEnabled && actor.secondFactor;
  }
}

/** Staff must enrol a second factor before reaching any staff page (the router sends them to enrolment). */
export function mustEnrolSecondFactor(actor: Pick<Actor, 'staffRoles' | 'totpEnabled'>): boolean {
  return actor.staffRoles.length > 0 && !actor.totpEnabled;
}

/** Resetting someone else's second factor (lost device): platform administrators only, second factor checked. */
export const RESET_SECOND_FACTOR: Access = staff('admin');
