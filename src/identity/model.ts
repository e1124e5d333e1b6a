import type { Action, StaffRole } from '../platform/access/index.js';

export const organisationKinds = [
  'hotline',
  'police',
  'child_protection',
  'referral_mechanism',
  'ngo',
  'observatory',
  'partner',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  country: string | null;
}

/** A user as listed: no personal data, so it can be shown without an audited read. */
export interface UserSummary {
  id: string;
  organisationId: string;
  roles: StaffRole[];
  secondFactorEnrolled: boolean;
  disabled: boolean;
  lockedUntil: string | null;
}

export interface UserPersonalData {
  email: string;
  name: string;
}

export interface ApiKeySummary {
  id: string;
  organisationId: string;
  name: string;
  scopes: Action[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The sealed columns of this module, for key rotation. */
export const sealedColumns = [
  { table: 'users', column: 'email_sealed', idColumn: 'id', context: (id: string) => `users.email:${id}` },
  { table: 'users', column: 'name_sealed', idColumn: 'id', context: (id: string) => `users.name:${id}` },
  { table: 'users', column: 'totp_secret_sealed', idColumn: 'id', context: (id: string) => `users.totp_secret:${id}` },
] as const;

export const passwordLength = { minLength: 12, maxLength: 256 } as const;

/** Normalised so that the blind index finds the same user whatever the case or spacing. */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}
