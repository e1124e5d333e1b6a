import { Problem } from '../platform/http/index.js';
import { emailIndex } from './accounts.js';
import type { IdentityContext } from './context.js';
import type { Actor } from './ports.js';
import { decoyPasswordHash, passwordMatches } from './secrets.js';
import { liveSession, openSession, principalOfSession } from './sessions.js';
import { newTotpSecret, totpStep, totpUri } from './totp.js';
import type { Authentication } from '../platform/http/index.js';

export interface SignInResult {
  sessionToken: string;
  csrfToken: string;
  /** `verify`: type the authenticator's code; `enrol`: add this secret to an authenticator first. */
  secondFactor: 'verify' | 'enrol';
  enrolment?: { secret: string; uri: string };
}

const minute = 60_000;

function systemActor(userId: string | null, requestId: string | null): Actor {
  return { actorType: userId ? 'user' : 'public', actorId: userId, requestId };
}

async function registerFailure(ctx: IdentityContext, userId: string, requestId: string | null, reason: string): Promise<void> {
  await ctx.change(async (trx, audit) => {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    const lock = row.failed_logins >= ctx.settings.loginMaxFailures;
    if (lock) {
      await trx
        .updateTable('users')
        .set({ locked_until: new Date(ctx.now().getTime() + ctx.settings.loginLockMinutes * minute), failed_logins: 0 })
        .where('id', '=', userId)
        .execute();
    }
    await audit(systemActor(userId, requestId), {
      action: lock ? 'session.locked' : 'session.failed',
      subjectType: 'user',
      subjectId: userId,
      detail: { reason },
    });
  });
}

function lockedFor(lockedUntil: Date | string | null, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 1000));
}

/** First step: e-mail and password. The session it opens is good only for the second factor. */
export async function signIn(
  ctx: IdentityContext,
  input: { email: string; password: string },
  requestId: string | null,
): Promise<SignInResult> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'totp_secret_sealed', 'totp_confirmed_at', 'locked_until', 'disabled_at'])
    .where('email_index', '=', emailIndex(ctx, input.email))
    .executeTakeFirst();
  if (!user) {
    await passwordMatches(await decoyPasswordHash(), input.password);
    throw new Problem('login-failed');
  }
  const locked = lockedFor(user.locked_until, ctx.now());
  if (locked > 0) throw new Problem('account-locked', { retryAfterSeconds: locked });
  if (!(await passwordMatches(user.password_hash, input.password))) {
    await registerFailure(ctx, user.id, requestId, 'password');
    throw new Problem('login-failed');
  }
  if (user.disabled_at) throw new Problem('login-failed');

  let enrolment: SignInResult['enrolment'];
  if (!user.totp_confirmed_at) {
    const secret = user.totp_secret_sealed ? ctx.sealer.open(user.totp_secret_sealed, `users.totp_secret:${user.id}`) : newTotpSecret();
    if (!user.totp_secret_sealed) {
      await ctx.db
        .updateTable('users')
        .set({ totp_secret_sealed: ctx.sealer.seal(secret, `users.totp_secret:${user.id}`) })
        .where('id', '=', user.id)
        .execute();
    }
    enrolment = { secret, uri: totpUri(secret, `Vigie:${user.id.slice(0, 8)}`) };
  }
  const session = await openSession(ctx.db, user.id, false, ctx.settings, ctx.now());
  return {
    sessionToken: session.token,
    csrfToken: session.csrfToken,
    secondFactor: enrolment ? 'enrol' : 'verify',
    ...(enrolment ? { enrolment } : {}),
  };
}

/** Second step: the authenticator's code completes the session (and confirms an enrolment). */
export async function completeSecondFactor(
  ctx: IdentityContext,
  sessionToken: string,
  code: string,
  requestId: string | null,
): Promise<void> {
  const session = await liveSession(ctx.db, sessionToken, ctx.settings, ctx.now());
  if (!session || session.secondFactorDone) throw new Problem('unauthenticated');
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'totp_secret_sealed', 'totp_confirmed_at', 'totp_last_step', 'locked_until'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  const locked = lockedFor(user.locked_until, ctx.now());
  if (locked > 0) throw new Problem('account-locked', { retryAfterSeconds: locked });
  if (!user.totp_secret_sealed) throw new Problem('unauthenticated');
  const secret = ctx.sealer.open(user.totp_secret_sealed, `users.totp_secret:${user.id}`);
  const step = totpStep(secret, code, ctx.now().getTime());
  if (step === null || (user.totp_last_step !== null && step <= Number(user.totp_last_step))) {
    await registerFailure(ctx, user.id, requestId, 'second-factor');
    throw new Problem('second-factor-required', { fields: [{ in: 'body', pointer: '/code', code: 'invalid' }] });
  }
  await ctx.change(async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({ totp_last_step: step, failed_logins: 0, totp_confirmed_at: user.totp_confirmed_at ?? ctx.now() })
      .where('id', '=', user.id)
      .execute();
    await trx.updateTable('sessions').set({ second_factor_done: true }).where('id', '=', session.id).execute();
    await audit(systemActor(user.id, requestId), {
      action: user.totp_confirmed_at ? 'session.open' : 'session.open-after-enrolment',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
}

export async function authenticateSession(ctx: IdentityContext, sessionToken: string): Promise<Authentication | null> {
  const session = await liveSession(ctx.db, sessionToken, ctx.settings, ctx.now());
  if (!session?.secondFactorDone) return null;
  const principal = await principalOfSession(ctx.db, session);
  return principal ? { principal, csrfToken: session.csrfToken } : null;
}

export async function signOut(ctx: IdentityContext, sessionToken: string): Promise<void> {
  const session = await liveSession(ctx.db, sessionToken, ctx.settings, ctx.now());
  if (!session) return;
  await ctx.change(async (trx, audit) => {
    await trx.updateTable('sessions').set({ revoked_at: ctx.now() }).where('id', '=', session.id).execute();
    await audit(systemActor(session.userId, null), { action: 'session.close', subjectType: 'user', subjectId: session.userId });
  });
}
