import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  /** Sealed personal data (see platform/crypto); never stored in clear. */
  email_sealed: string;
  /** Keyed blind index of the e-mail, to find a user at sign-in without decrypting. */
  email_index: string;
  name_sealed: string;
  roles: string[];
  password_hash: string;
  totp_secret_sealed: string | null;
  totp_confirmed_at: Timestamp | null;
  totp_last_step: ColumnType<string | null, number | null, number | null>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of the table does not yield usable sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  second_factor_done: boolean;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ApiKeysTable {
  id: string;
  organisation_id: string;
  name: string;
  secret_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: CreatedAt;
  used_at: Timestamp | null;
}

export interface IdentityTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  setup_tokens: SetupTokensTable;
}
