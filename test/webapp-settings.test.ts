import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from './support/app.js';
import { auditCount } from './web/server.js';

/** The emergency numbers as a deployment setting an administrator changes, audited, shown on the portal. */
let t: TestVigie;
let admin: StaffSession;
let supervisor: StaffSession;
const configured = [{ number: '119', label: { fr: 'Allô Enfance en Danger', en: 'Child protection line' } }];

beforeAll(async () => {
  t = await createTestVigie({ VIGIE_EMERGENCY_NUMBERS: JSON.stringify(configured) });
  admin = await signInAs(t, ['administrator']);
  supervisor = await signInAs(t, ['supervisor']);
}, 120_000);
afterAll(() => t?.close());

const put = (session: StaffSession, payload: Record<string, unknown>) =>
  t.vigie.app.inject({ method: 'PUT', url: '/api/settings/emergency-numbers', headers: session.headers, payload });
const read = (session: StaffSession) =>
  t.vigie.app.inject({ method: 'GET', url: '/api/settings/emergency-numbers', headers: session.headers });

describe('the emergency numbers setting', () => {
  it('starts from the configuration', async () => {
    const response = await read(supervisor);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ emergencyNumbers: configured, source: 'configuration', updatedAt: null, updatedBy: null });
  });

  it('is replaced by an administrator, audited, and the portal shows the new numbers at once', async () => {
    const before = await auditCount(t, 'settings.emergency-numbers');
    const numbers = [
      { number: '119', label: { fr: 'Allô Enfance en Danger, 24 h/24', en: 'Child protection line, 24/7' } },
      { number: '+33 1 23 45 67 89', label: { fr: 'Permanence de la hotline', en: 'Hotline duty line' } },
    ];
    const response = await put(admin, { emergencyNumbers: numbers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ emergencyNumbers: numbers, source: 'administrator', updatedBy: admin.userId });
    expect(await auditCount(t, 'settings.emergency-numbers')).toBe(before + 1);
    const portal = await t.vigie.app.inject({ method: 'GET', url: '/api/public/portal' });
    expect(portal.json().emergencyNumbers).toEqual(numbers);
  });

  it('refuses invalid numbers and labels, naming each field', async () => {
    const response = await put(admin, {
      emergencyNumbers: [
        { number: 'call me', label: { fr: 'A', en: 'B' } },
        { number: '17', label: { fr: '', en: 'Police' } },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const pointers = response.json().errors.map((error: { pointer: string }) => error.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['#/emergencyNumbers/0/number', '#/emergencyNumbers/1/label/fr']));
    expect((await put(admin, { emergencyNumbers: [] })).statusCode).toBe(400);
  });

  it('refuses the same number twice, naming the repeat', async () => {
    const label = { fr: 'Police', en: 'Police' };
    const response = await put(admin, {
      emergencyNumbers: [
        { number: '17', label },
        { number: '1 7', label },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '#/emergencyNumbers/1/number', code: 'invalid' })]);
  });

  it('is changed by administrators only', async () => {
    const response = await put(supervisor, { emergencyNumbers: configured });
    expect(response.statusCode).toBe(403);
    const current = await read(admin);
    expect(current.json().emergencyNumbers.map((entry: { number: string }) => entry.number)).toEqual(['119', '+33 1 23 45 67 89']);
  });
});
