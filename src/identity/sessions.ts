import type { Kysely } from 'kysely';
import { isStaffRole, type UserPrincipal } from '../platform/access/index.js';
import { newToken, tokenDigest } from './secrets.js';
import type { IdentityTables } from './tables.js';

export interface SessionSettings {
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
}

const minute = 60_000;
/** last_seen_at is written at most this often, so that reading pages does not write each time. */
const touchEveryMs = minute;

export async function openSession(
  db: Kysely<IdentityTables>,
  userId: string,
  secondFactorDone: boolean,
  settings: SessionSettings,
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db
    .insertInto('sessions')
    .values({
      id: tokenDigest(token),
      user_id: userId,
      csrf_token: csrfToken,
      second_factor_done: secondFactorDone,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + settings.sessionTtlMinutes * minute),
      revoked_at: null,
    })
    .execute();
  return { token, csrfToken };
}

export interface LiveSession {
  id: string;
  userId: string;
  csrfToken: string;
  secondFactorDone: boolean;
}

/** The session of a cookie's token if it is neither revoked, expired nor idle for too long. */
export async function liveSession(
  db: Kysely<IdentityTables>,
  token: string,
  settings: SessionSettings,
  now: Date,
): Promise<LiveSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.second_factor_done',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.disabled_at',
    ])
    .where('sessions.id', '=', tokenDigest(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + settings.sessionIdleMinutes * minute;
  if (new Date(row.expires_at) <= now || idleLimit <= now.getTime()) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > touchEveryMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, secondFactorDone: row.second_factor_done };
}

export async function principalOfSession(db: Kysely<IdentityTables>, session: LiveSession): Promise<UserPrincipal | null> {
  const user = await db.selectFrom('users').select(['id', 'organisation_id', 'roles']).where('id', '=', session.userId).executeTakeFirst();
  if (!user) return null;
  return {
    kind: 'user',
    userId: user.id,
    organisationId: user.organisation_id,
    roles: user.roles.filter(isStaffRole),
    sessionId: session.id,
  };
}

export async function revokeSessionsOf(db: Kysely<IdentityTables>, userId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
