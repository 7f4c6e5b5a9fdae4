/** Staff roles and their French names. */

/** The closed list of staff roles. */
export const STAFF_ROLES = ['instructor', 'monitoring', 'committee', 'admin'] as const;
/** One staff role. */
export type StaffRoleName = (typeof STAFF_ROLES)[number];

/** French label of each staff role. */
export const STAFF_ROLE_LABELS: Record<StaffRoleName, string> = {
  instructor: 'Instructeur',
  monitoring: 'Suivi-évaluation',
  committee: 'Membre du comité',
  admin: 'Administrateur de la plateforme',
};

/** Whether a string is a staff role. */
export function isStaffRole(v: string): v is StaffRoleName {
  return (STAFF_ROLES as readonly string[]).includes(v);
}
