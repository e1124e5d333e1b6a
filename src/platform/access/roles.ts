/** The roles of staff and partners. A user holds one or more; an API key acts as a partner. */
export const staffRoles = [
  'intake_operator',
  'analyst',
  'senior_analyst',
  'police_liaison',
  'child_protection_worker',
  'guardian',
  'supervisor',
  'statistician',
  'administrator',
] as const;
export const roles = [...staffRoles, 'partner'] as const;

export type StaffRole = (typeof staffRoles)[number];
export type Role = (typeof roles)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}
