import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/identity/index.js';
import { sealAudit } from '../src/platform/audit/index.js';
import { cookieFrom, createTestVigie, signInAs, testPassword, type TestVigie } from './support/app.js';

let t: TestVigie;
beforeAll(async () => {
  t = await createTestVigie({ VIGIE_LOGIN_MAX_FAILURES: '3' });
}, 60_000);
afterAll(() => t?.close());

const system = { actorType: 'system', actorId: null } as const;

async function newUser(email: string) {
  return t.vigie.identity.createUser(system, {
    organisationId: t.organisationId,
    email,
    name: 'Camille Exemple',
    roles: ['analyst'],
    password: testPassword,
  });
}

describe('sign-in with a mandatory second factor', () => {
  it('enrols TOTP at the first sign-in and opens the session only after a valid code', async () => {
    await newUser('first.signin@example.org');
    const first = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'First.Signin@example.org ', password: testPassword },
    });
    expect(first.statusCode).toBe(400);
    const ok = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'First.Signin@Example.org', password: testPassword },
    });
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.secondFactor).toBe('enrol');
    expect(body.enrolment.uri).toMatch(/^otpauth:\/\/totp\//);
    const cookie = cookieFrom(ok.headers['set-cookie']);
    expect(ok.headers['set-cookie']).toMatch(/HttpOnly/i);
    expect(ok.headers['set-cookie']).toMatch(/SameSite=Strict/i);

    const before = await t.vigie.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(before.statusCode).toBe(401);

    const wrong = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session/second-factor',
      headers: { cookie },
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);

    const code = totpCode(body.enrolment.secret);
    const done = await t.vigie.app.inject({ method: 'POST', url: '/api/session/second-factor', headers: { cookie }, payload: { code } });
    expect(done.statusCode).toBe(200);
    expect(done.json().allowedActions).toContain('session.self');
    expect(done.json().allowedActions).not.toContain('user.create');

    const me = await t.vigie.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles).toEqual(['analyst']);

    // The same code cannot be used twice, even in another session.
    const again = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'first.signin@example.org', password: testPassword },
    });
    expect(again.json().secondFactor).toBe('verify');
    const replay = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session/second-factor',
      headers: { cookie: cookieFrom(again.headers['set-cookie']) },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('signs out: the cookie no longer opens anything', async () => {
    const session = await signInAs(t, ['supervisor']);
    const out = await t.vigie.app.inject({ method: 'DELETE', url: '/api/session', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.vigie.app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
    expect(after.statusCode).toBe(401);
  });

  it('expires a session left idle', async () => {
    const session = await signInAs(t, ['analyst']);
    await t.testStore.store.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 2 * 60 * 60_000) })
      .where('user_id', '=', session.userId)
      .execute();
    const after = await t.vigie.app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
    expect(after.statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    await newUser('locked@example.org');
    for (let i = 0; i < 3; i += 1) {
      const r = await t.vigie.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'locked@example.org', password: 'wrong password!!' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'locked@example.org', password: testPassword },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().type).toBe('urn:vigie:problem:account-locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('gives the same answer for an unknown e-mail as for a wrong password', async () => {
    const r = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody@example.org', password: testPassword },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().type).toBe('urn:vigie:problem:login-failed');
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const session = await signInAs(t, ['analyst']);
    await t.vigie.identity.disableUser(system, session.userId);
    const after = await t.vigie.app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
    expect(after.statusCode).toBe(401);
  });
});

describe('administration of accounts and keys', () => {
  it('reads personal data only through an audited read', async () => {
    const admin = await signInAs(t, ['administrator']);
    const user = await newUser('reader.target@example.org');
    const list = await t.vigie.app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
    expect(list.body).not.toContain('reader.target@example.org');
    const read = await t.vigie.app.inject({ method: 'GET', url: `/api/users/${user.id}/personal-data`, headers: admin.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ email: 'reader.target@example.org', name: 'Camille Exemple' });
    await sealAudit(t.testStore.store.db);
    const entries = await t.testStore.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', user.id)
      .where('action', '=', 'user.read-personal')
      .execute();
    expect(entries).toEqual([{ action: 'user.read-personal', actor_id: admin.userId }]);
  });

  it('issues a scoped API key whose secret is stored hashed, and revokes it', async () => {
    const admin = await signInAs(t, ['administrator']);
    const created = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: admin.headers,
      payload: { organisationId: t.organisationId, name: 'Example platform', scopes: ['partner.whoami'] },
    });
    expect(created.statusCode).toBe(201);
    const { key, secret } = created.json();
    const stored = await t.testStore.store.db
      .selectFrom('api_keys')
      .select('secret_hash')
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(secret.slice(-20));
    const who = await t.vigie.app.inject({ method: 'GET', url: '/api/partner/whoami', headers: { authorization: `Bearer ${secret}` } });
    expect(who.json()).toMatchObject({ keyId: key.id, organisationId: t.organisationId });
    const revoked = await t.vigie.app.inject({ method: 'DELETE', url: `/api/api-keys/${key.id}`, headers: admin.headers });
    expect(revoked.statusCode).toBe(204);
    const after = await t.vigie.app.inject({ method: 'GET', url: '/api/partner/whoami', headers: { authorization: `Bearer ${secret}` } });
    expect(after.statusCode).toBe(401);
  });

  it('resets a lost second factor: the next sign-in enrols again', async () => {
    const session = await signInAs(t, ['guardian']);
    await t.vigie.identity.resetSecondFactor(system, session.userId);
    expect((await t.vigie.app.inject({ method: 'GET', url: '/api/session', headers: session.headers })).statusCode).toBe(401);
  });
});

describe('first start', () => {
  it('creates the first administrator with the one-time setup token, once', async () => {
    const fresh = await createTestVigie();
    try {
      await fresh.testStore.store.db.deleteFrom('organisations').execute();
      const token = await fresh.vigie.identity.issueSetupToken();
      expect(token).toBeTruthy();
      const payload = {
        token,
        organisation: { name: 'Hotline', kind: 'hotline', country: 'FR' },
        email: 'admin@example.org',
        name: 'Dominique Exemple',
        password: testPassword,
      };
      const bad = await fresh.vigie.app.inject({ method: 'POST', url: '/api/setup', payload: { ...payload, token: 'x'.repeat(43) } });
      expect(bad.statusCode).toBe(403);
      const ok = await fresh.vigie.app.inject({ method: 'POST', url: '/api/setup', payload });
      expect(ok.statusCode).toBe(201);
      const twice = await fresh.vigie.app.inject({ method: 'POST', url: '/api/setup', payload });
      expect(twice.statusCode).toBe(403);
      expect(await fresh.vigie.identity.issueSetupToken()).toBeNull();
      const signIn = await fresh.vigie.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'admin@example.org', password: testPassword },
      });
      expect(signIn.json().secondFactor).toBe('enrol');
    } finally {
      await fresh.close();
    }
  });
});

describe('throttling', () => {
  it('limits sign-in attempts per address, whatever the account', async () => {
    const throttled = await createTestVigie({ VIGIE_SIGN_IN_ATTEMPTS_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const r = await throttled.vigie.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: `nobody${i}@example.org`, password: 'whatever it is' },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await throttled.close();
    }
  });
});
