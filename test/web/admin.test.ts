import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondVigie, type SecondVigie } from '../banks/support.js';
import { signInAs, type StaffSession } from '../support/app.js';
import { partnerHeaders, submitReport, urgentReport } from '../support/agencies.js';
import { chromiumMissing, ensureWebBuilt, expectAccessible, launchChromium, screenshot, watchedPage, type Watched } from './browser.js';
import { auditCount, startListeningVigie, type ListeningVigie } from './server.js';

/**
 * The console's administration pages in a real Chromium, signed in as an administrator:
 * organisations (created, then edited), accounts (personal data on request, audited, roles
 * changed), API keys (the secret once, revocation), addressees and deadlines, the routing rules (errors placed by pointer, a new
 * version, its dry run, its activation), a hash bank (an import whose progress reaches 100%,
 * the export), and the emergency numbers, seen on the public portal afterwards. axe-core on
 * every screen, in French, and in English at the end.
 */
let vigie: ListeningVigie;
let browser: Browser;
let admin: StaffSession;
let watched: Watched;
let worker: SecondVigie | undefined;
let urgentReportId = '';

beforeAll(async () => {
  if (chromiumMissing) return;
  ensureWebBuilt();
  vigie = await startListeningVigie();
  admin = await signInAs(vigie.t, ['administrator']);
  urgentReportId = await submitReport(vigie.t, await partnerHeaders(vigie.t), urgentReport());
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'fr-FR' });
  await context.addCookies([{ name: 'vigie_session', value: admin.cookie.split('=')[1]!, url: vigie.baseUrl }]);
  watched = await watchedPage(context, vigie.baseUrl);
  // Two cores shared with other work, and a worker process on the same database: be patient.
  watched.page.setDefaultTimeout(30_000);
  watched.page.on('dialog', (dialog) => void dialog.accept());
}, 180_000);
afterAll(async () => {
  await worker?.close();
  await browser?.close();
  await vigie?.close();
});

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true, level: 1 }).waitFor();
}

/** axe-core, a screenshot, and no message key shown instead of its words. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, `console, ${name}`);
  expect(await page.locator('body').innerText(), `${name}: a message key without its words`).not.toMatch(/\b(admin|nav|common)\.[a-z]/);
  await screenshot(page, `admin-${name.replace(/[^a-z0-9]+/gi, '-')}`);
}

async function openAdminPage(page: Page, link: string): Promise<void> {
  await page.goto(`${vigie.baseUrl}/console/admin`);
  await heading(page, 'Administration');
  await page.getByRole('main').getByRole('link', { name: link, exact: true }).click();
  await heading(page, link);
}

async function staff(method: 'GET', url: string) {
  const response = await vigie.t.vigie.app.inject({ method, url, headers: admin.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe.skipIf(chromiumMissing)('the administration pages', { timeout: 240_000 }, () => {
  it('are reached from the navigation, which lists only the pages the server allows', async () => {
    const { page } = watched;
    await page.goto(`${vigie.baseUrl}/console/`);
    await heading(page, 'Accueil');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Administration' }).click();
    await heading(page, 'Administration');
    const cards = await page.getByRole('main').getByRole('link').allTextContents();
    expect(cards).toEqual([
      'Organisations',
      'Utilisateurs et rôles',
      'Clés d’API',
      'Règles d’orientation',
      'Destinataires',
      'Délais',
      'Banques d’empreintes',
      'Réglages du déploiement',
      'Déploiements partenaires',
    ]);
    await checkScreen(page, 'index');
  });

  it('create an organisation, the server’s errors shown beside their fields first', async () => {
    const { page } = watched;
    await openAdminPage(page, 'Organisations');
    await page.getByRole('button', { name: 'Créer l’organisation' }).click();
    await page.locator('#organisation-name-error').waitFor();
    await page.locator('#organisation-kind-error').waitFor();
    expect(await page.getByLabel('Nom').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'organisations-errors');

    await page.getByLabel('Nom').fill('Brigade des mineurs (exemple)');
    await page.getByLabel('Type').selectOption('police');
    await page.getByLabel('Pays').fill('fr');
    await page.getByRole('button', { name: 'Créer l’organisation' }).click();
    await page.getByRole('cell', { name: 'Brigade des mineurs (exemple)', exact: true }).waitFor();
    const organisations = (await staff('GET', '/api/organisations')) as { name: string; kind: string; country: string }[];
    expect(organisations).toContainEqual(expect.objectContaining({ name: 'Brigade des mineurs (exemple)', kind: 'police', country: 'FR' }));
    await checkScreen(page, 'organisations');
  });

  it('edit an organisation from the keyboard, the server’s errors beside its fields first, then saved and audited', async () => {
    const observatory = await vigie.t.vigie.identity.createOrganisation(
      { actorType: 'system', actorId: null },
      { name: 'Observatoire (exemple)', kind: 'other' },
    );
    const { page } = watched;
    await openAdminPage(page, 'Organisations');
    await page.getByRole('button', { name: 'Modifier « Observatoire (exemple) »' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Modifier l’organisation « Observatoire (exemple) »' });
    await form.waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('organisation-edit-name');
    expect(await form.getByLabel('Type').inputValue()).toBe('other');
    await form.getByLabel('Nom').fill('');
    await form.getByLabel('Pays').fill('1a');
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.locator('#organisation-edit-name-error').waitFor();
    await page.locator('#organisation-edit-country-error').waitFor();
    expect(await form.getByLabel('Nom').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'organisations-edit-errors');

    await form.getByLabel('Nom').fill('Observatoire régional (exemple)');
    await form.getByLabel('Type').selectOption('observatory');
    await form.getByLabel('Pays').fill('fr');
    const before = await auditCount(vigie.t, 'organisation.update');
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('L’organisation « Observatoire régional (exemple) » est enregistrée.').waitFor();
    await page.getByRole('cell', { name: 'Observatoire régional (exemple)', exact: true }).waitFor();
    expect(await page.locator('#edit-organisation-title').count()).toBe(0);
    // The keyboard is back on the row's button.
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Modifier « Observatoire régional (exemple) »');
    const organisations = (await staff('GET', '/api/organisations')) as { id: string }[];
    expect(organisations.find((organisation) => organisation.id === observatory.id)).toEqual({
      id: observatory.id,
      name: 'Observatoire régional (exemple)',
      kind: 'observatory',
      country: 'FR',
    });
    expect(await auditCount(vigie.t, 'organisation.update')).toBe(before + 1);
    await checkScreen(page, 'organisations-edited');
  });

  it('create an account with its roles, show its personal data only on request (audited), then disable it', async () => {
    const { page } = watched;
    await openAdminPage(page, 'Utilisateurs et rôles');
    expect(await page.getByText('analyste.exemple@example.org').count()).toBe(0);
    await page.getByLabel('Organisation').selectOption({ label: 'Brigade des mineurs (exemple)' });
    await page.getByLabel('Adresse e-mail').fill('analyste.exemple@example.org');
    await page.getByLabel('Nom complet').fill('Camille Exemple');
    await page.getByRole('group', { name: 'Rôles' }).getByLabel('Analyste', { exact: true }).check();
    await page.getByLabel('Premier mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.locator('#user-password-error').waitFor();
    await page.getByLabel('Premier mot de passe').fill('une phrase de passe assez longue');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Le compte est créé.').waitFor();

    const row = page.locator('tbody tr', { hasText: 'Brigade des mineurs (exemple)' });
    expect(await row.textContent()).toContain('À configurer à la prochaine connexion');
    expect(await page.getByText('analyste.exemple@example.org').count()).toBe(0);
    const before = await auditCount(vigie.t, 'user.read-personal');
    await row.getByRole('button', { name: 'Afficher le nom et l’e-mail' }).click();
    await row.getByText('analyste.exemple@example.org').waitFor();
    expect(await row.textContent()).toContain('Camille Exemple');
    expect(await auditCount(vigie.t, 'user.read-personal')).toBe(before + 1);
    await checkScreen(page, 'users');

    await row.getByRole('button', { name: 'Désactiver' }).click();
    await page.getByText('Le compte est désactivé.').waitFor();
    await page.locator('tbody tr', { hasText: 'Brigade des mineurs (exemple)' }).getByText('Désactivé').waitFor();
    const users = (await staff('GET', '/api/users')) as { roles: string[]; disabled: boolean }[];
    expect(users.filter((user) => user.roles.includes('analyst'))).toEqual([expect.objectContaining({ disabled: true })]);
  });

  it('change an account’s roles: the last administrator keeps theirs, another account’s are saved and audited', async () => {
    const organisations = (await staff('GET', '/api/organisations')) as { id: string; name: string }[];
    const observatory = organisations.find((organisation) => organisation.name === 'Observatoire régional (exemple)')!;
    const user = await vigie.t.vigie.identity.createUser(
      { actorType: 'system', actorId: null },
      {
        organisationId: observatory.id,
        email: 'observatoire@example.org',
        name: 'Alex Exemple',
        roles: ['analyst'],
        password: 'une phrase de passe assez longue',
      },
    );
    const rolesOf = async (id: string) =>
      ((await staff('GET', '/api/users')) as { id: string; roles: string[] }[]).find((u) => u.id === id)?.roles;
    const { page } = watched;
    await openAdminPage(page, 'Utilisateurs et rôles');

    // The signed-in administrator is the only active one: the server refuses, beside the roles, saying why.
    const adminRow = page.locator('tbody tr', { hasText: 'Hotline of Exampleland' });
    await adminRow.getByRole('button', { name: 'Modifier les rôles' }).click();
    const own = page.getByRole('form', { name: 'Rôles d’un compte de « Hotline of Exampleland »' });
    await own.getByLabel('Administrateur', { exact: true }).uncheck();
    await own.getByLabel('Superviseur', { exact: true }).check();
    await own.getByRole('button', { name: 'Enregistrer les rôles' }).click();
    await page.locator('#user-roles-edit-roles-error').waitFor();
    await own.getByRole('alert').getByText('Au moins un compte actif doit garder le rôle d', { exact: false }).waitFor();
    await checkScreen(page, 'users-roles-error');
    expect(await rolesOf(admin.userId)).toEqual(['administrator']);
    await own.getByRole('button', { name: 'Annuler' }).click();
    expect(await own.count()).toBe(0);

    const row = page.locator('tbody tr', { hasText: 'Observatoire régional (exemple)' });
    await row.getByRole('button', { name: 'Modifier les rôles' }).click();
    const other = page.getByRole('form', { name: 'Rôles d’un compte de « Observatoire régional (exemple) »' });
    expect(await other.getByLabel('Analyste', { exact: true }).isChecked()).toBe(true);
    await other.getByLabel('Analyste', { exact: true }).uncheck();
    await other.getByLabel('Superviseur', { exact: true }).check();
    const before = await auditCount(vigie.t, 'user.roles');
    await other.getByRole('button', { name: 'Enregistrer les rôles' }).click();
    await page.getByText('Les rôles sont enregistrés.').waitFor();
    await row.getByRole('cell', { name: 'Superviseur', exact: true }).waitFor();
    expect(await rolesOf(user.id)).toEqual(['supervisor']);
    expect(await auditCount(vigie.t, 'user.roles')).toBe(before + 1);
    await checkScreen(page, 'users-roles');
  });

  it('correct an account’s name and address (read once, audited), refuse an address in use beside it, then enable the account again', async () => {
    const { page } = watched;
    await openAdminPage(page, 'Utilisateurs et rôles');
    const row = page.locator('tbody tr', { hasText: 'Brigade des mineurs (exemple)' });
    await row.getByText('Désactivé').waitFor();
    const reads = await auditCount(vigie.t, 'user.read-personal');
    await row.getByRole('button', { name: 'Modifier le nom et l’e-mail' }).click();
    const form = page.getByRole('form', { name: 'Nom et adresse e-mail d’un compte de « Brigade des mineurs (exemple) »' });
    await form.waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('user-person-edit-title');
    expect(await form.getByLabel('Adresse e-mail').inputValue()).toBe('analyste.exemple@example.org');
    expect(await form.getByLabel('Nom complet').inputValue()).toBe('Camille Exemple');
    // The current values were read once, and the row shows them too.
    expect(await auditCount(vigie.t, 'user.read-personal')).toBe(reads + 1);
    await row.getByText('analyste.exemple@example.org').waitFor();

    await form.getByLabel('Adresse e-mail').fill('observatoire@example.org');
    await form.getByRole('button', { name: 'Enregistrer le nom et l’adresse' }).click();
    await page.locator('#user-person-edit-email-error').waitFor();
    await form.getByRole('alert').getByText('Un autre compte utilise déjà cette adresse e-mail').waitFor();
    await checkScreen(page, 'users-person-error');

    const updates = await auditCount(vigie.t, 'user.update');
    await form.getByLabel('Adresse e-mail').fill('camille.martin@example.org');
    await form.getByLabel('Nom complet').fill('Camille Martin');
    await form.getByRole('button', { name: 'Enregistrer le nom et l’adresse' }).click();
    await page.getByText('Le nom et l’adresse e-mail sont enregistrés.').waitFor();
    expect(await form.count()).toBe(0);
    await row.getByText('camille.martin@example.org').waitFor();
    expect(await row.textContent()).toContain('Camille Martin');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Modifier le nom et l’e-mail');
    expect(await auditCount(vigie.t, 'user.update')).toBe(updates + 1);
    // Saving read nothing more: the row shows what the administrator typed.
    expect(await auditCount(vigie.t, 'user.read-personal')).toBe(reads + 1);
    const users = (await staff('GET', '/api/users')) as { id: string; roles: string[] }[];
    const camille = users.find((user) => user.roles.includes('analyst'))!;
    expect(await vigie.t.vigie.identity.readUserPersonalData({ actorType: 'system', actorId: null }, camille.id)).toEqual({
      name: 'Camille Martin',
      email: 'camille.martin@example.org',
    });

    await row.getByRole('button', { name: 'Réactiver' }).click();
    await page.getByText('Le compte est réactivé.').waitFor();
    await row.getByRole('cell', { name: 'Actif', exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Désactiver' }).count()).toBe(1);
    await checkScreen(page, 'users-person');
  });

  it('create an API key whose secret is shown once and works, choose its hotels, then revoke it', async () => {
    const chain = await vigie.t.vigie.identity.createOrganisation(
      { actorType: 'system', actorId: null },
      { name: 'Hôtels Exemple', kind: 'partner', country: 'FR' },
    );
    const hotelIds: string[] = [];
    for (const city of ['Lyon', 'Nice']) {
      const response = await vigie.t.vigie.app.inject({
        method: 'POST',
        url: '/api/hotels',
        headers: admin.headers,
        payload: { chainId: chain.id, name: `Hôtel Exemple ${city}`, country: 'FR', city, address: '1 place de l’Exemple' },
      });
      expect(response.statusCode, response.body).toBe(201);
      hotelIds.push(response.json().id);
    }
    const { page } = watched;
    await openAdminPage(page, 'Clés d’API');
    await page.getByLabel('Organisation').selectOption({ label: 'Hôtels Exemple' });
    await page.getByLabel('Nom', { exact: true }).fill('Réception des hôtels');
    await page.getByRole('group', { name: 'Ce qu’elle permet' }).getByLabel('report.submit').check();
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    const secret = ((await page.getByTestId('apikey-secret').textContent()) ?? '').trim();
    expect(secret.length).toBeGreaterThan(20);
    await checkScreen(page, 'api-keys-secret');
    const hotelsOfKey = () =>
      vigie.t.vigie.app.inject({ method: 'GET', url: '/api/hotel/hotels', headers: { authorization: `Bearer ${secret}` } });
    expect((await hotelsOfKey()).json().hotels).toHaveLength(2);

    await page.getByRole('button', { name: 'Je l’ai copié' }).click();
    expect(await page.getByTestId('apikey-secret').count()).toBe(0);
    await page.reload();
    await heading(page, 'Clés d’API');
    expect(await page.locator('body').innerText()).not.toContain(secret);

    await page.getByRole('button', { name: 'Hôtels de « Réception des hôtels »' }).click();
    const scope = page.getByRole('form', { name: 'Hôtels pour lesquels « Réception des hôtels » peut signaler' });
    await scope.getByLabel('Seulement les hôtels choisis ci-dessous').check();
    await scope.getByRole('button', { name: 'Enregistrer les hôtels de « Réception des hôtels »' }).click();
    await page.locator('#hotel-scope-hotels-error').waitFor();
    await checkScreen(page, 'api-keys-hotels-error');
    await scope.getByLabel('Hôtel Exemple Nice, Nice (FR)').check();
    await scope.getByRole('button', { name: 'Enregistrer les hôtels de « Réception des hôtels »' }).click();
    await page.getByText('Les hôtels de « Réception des hôtels » sont enregistrés.').waitFor();
    expect((await hotelsOfKey()).json().hotels.map((hotel: { id: string }) => hotel.id)).toEqual([hotelIds[1]]);

    await page.getByRole('button', { name: 'Révoquer « Réception des hôtels »' }).click();
    await page.getByText('La clé « Réception des hôtels » est révoquée.').waitFor();
    expect((await hotelsOfKey()).statusCode).toBe(401);
    await checkScreen(page, 'api-keys');
  });

  it('map a role of the rules to an organisation, and refuse an urgent deadline longer than the normal one beside its field', async () => {
    const { page } = watched;
    await openAdminPage(page, 'Destinataires');
    await page.getByLabel('Office central de police').selectOption({ label: 'Brigade des mineurs (exemple)' });
    await page.getByRole('button', { name: 'Enregistrer « Office central de police »' }).click();
    await page.getByText('« Office central de police » est enregistré').waitFor();
    const { addressees } = await staff('GET', '/api/referrals/addressees');
    expect(addressees.find((entry: { role: string }) => entry.role === 'national_police').organisation.name).toBe(
      'Brigade des mineurs (exemple)',
    );
    await checkScreen(page, 'addressees');

    await openAdminPage(page, 'Délais');
    const police = page.getByRole('form', { name: 'Police' });
    await police.getByRole('group', { name: 'Urgent', exact: true }).getByLabel('Heures').fill('500');
    await police.getByRole('button', { name: 'Enregistrer les délais de « Police »' }).click();
    await page.locator('#level-police-urgent-hours-error').waitFor();
    await checkScreen(page, 'service-levels-error');
    await police.getByRole('group', { name: 'Urgent', exact: true }).getByLabel('Heures').fill('2');
    await police.getByRole('button', { name: 'Enregistrer les délais de « Police »' }).click();
    await page.getByText('Les délais de « Police » sont enregistrés.').waitFor();
    const { levels } = await staff('GET', '/api/referrals/service-levels');
    expect(levels.find((level: { kind: string }) => level.kind === 'police').urgent).toEqual({ hours: 2, metAt: 'accepted' });
  });

  it('edit the routing rules: errors placed at their line, a new version, its dry run, its activation', async () => {
    const { page } = watched;
    await openAdminPage(page, 'Règles d’orientation');
    const editor = page.getByLabel('Règles (JSON)');
    await expect.poll(async () => (await editor.inputValue()).length).toBeGreaterThan(100);
    const ruleSet = JSON.parse(await editor.inputValue()) as { rules: { id: string }[] };

    await editor.fill('{ "format": "routing-rules/v1", "rules": [ }');
    await page.getByRole('button', { name: 'Vérifier et enregistrer une nouvelle version' }).click();
    await page.getByTestId('rule-problems').getByText('Ce n’est pas du JSON valide à cet endroit.').waitFor();

    // The second rule takes the first one's id: the server names /ruleSet/rules/1/id.
    const duplicated = {
      ...ruleSet,
      rules: ruleSet.rules.map((rule, index) => (index === 1 ? { ...rule, id: ruleSet.rules[0]!.id } : rule)),
    };
    const text = JSON.stringify(duplicated, null, 2);
    await editor.fill(text);
    await page.getByRole('button', { name: 'Vérifier et enregistrer une nouvelle version' }).click();
    const problems = page.getByTestId('rule-problems');
    await problems.waitFor();
    const lines = text.split('\n');
    const idLine = lines.findIndex((line, index) => index > lines.findIndex((l) => l.includes('"id"')) && line.includes('"id"')) + 1;
    expect(await problems.textContent()).toContain(`Ligne ${idLine}, colonne`);
    expect(await problems.textContent()).toContain('/rules/1/id');
    await page.locator('#routing-rules-error').waitFor();
    await checkScreen(page, 'routing-errors');
    await problems.getByRole('button', { name: `Afficher la ligne ${idLine}` }).click();
    const selected = await editor.evaluate((area) => {
      const text = area as unknown as { value: string; selectionStart: number; selectionEnd: number };
      return text.value.slice(text.selectionStart, text.selectionEnd);
    });
    expect(selected).toBe(`"id": "${ruleSet.rules[0]!.id}"`);

    // Without the trafficking rule, as a new version.
    const edited = { ...ruleSet, rules: ruleSet.rules.filter((rule) => rule.id !== 'trafficking-indicators') };
    await editor.fill(JSON.stringify(edited, null, 2));
    await page.getByLabel('Note').fill('Sans la règle de traite (essai)');
    await page.getByRole('button', { name: 'Vérifier et enregistrer une nouvelle version' }).click();
    await page.getByText('La version 2 est enregistrée en brouillon.').waitFor();
    const saved = await staff('GET', '/api/routing/versions/2');
    expect(saved).toMatchObject({ active: false, basedOn: 1, note: 'Sans la règle de traite (essai)', rules: edited.rules.length });

    await page.getByLabel('Signalements à essayer').fill('10');
    await page.getByRole('button', { name: 'Essai à blanc de la version 2' }).click();
    const dryRun = page.getByTestId('dry-run');
    await dryRun.waitFor();
    expect(await dryRun.getByRole('status').textContent()).toBe('1 signalement(s) essayé(s) : 2 transmission(s), dont 2 nouvelle(s).');
    const result = dryRun.locator('tbody tr');
    expect(await result.count()).toBe(1);
    expect(await result.getByRole('link').getAttribute('href')).toBe(`/console/reports/${urgentReportId}`);
    expect(await result.textContent()).toContain('child-in-immediate-danger');
    expect(await result.textContent()).toMatch(/Police — Brigade des mineurs \(exemple\)( \(FR\))? — nouvelle/);
    expect(await result.textContent()).toContain('Cellule de protection de l’enfance (CRIP), sans organisation pour l’instant');
    await checkScreen(page, 'routing-dry-run');

    await page.getByRole('button', { name: 'Mettre en vigueur la version 2' }).click();
    await page.getByText('La version 2 est en vigueur.').waitFor();
    expect((await staff('GET', '/api/routing/active')).version).toBe(2);
    await page.getByRole('heading', { name: 'Version 2 — En vigueur' }).waitFor();
  });

  it('create a hash bank, import a file with its progress up to 100%, then export it', async () => {
    // Imports are run by a job: a worker process on the same database takes it.
    worker = await secondVigie(vigie.t, { workers: true });
    const { page } = watched;
    await openAdminPage(page, 'Banques d’empreintes');
    await page.getByLabel('Nom').fill('Liste nationale (exemple)');
    await page.getByLabel('Usage').selectOption('national');
    await page.getByLabel('Source').fill('Hotline (exemple)');
    await page.getByRole('button', { name: 'Créer la banque' }).click();
    await page.getByRole('link', { name: 'Liste nationale (exemple)' }).click();
    await heading(page, 'Banque « Liste nationale (exemple) »');

    const sha256 = ['a', 'b', 'c', 'd', 'e'].map((digit) => digit.repeat(64));
    const csv = ['sha256,legal_status,reference', ...sha256.map((hash, index) => `${hash},national,EX-${index + 1}`)].join('\n');
    await page.getByLabel('Format', { exact: true }).selectOption('csv');
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await progress.getByText('Terminé').waitFor({ timeout: 30_000 });
    expect(await progress.locator('progress').getAttribute('value')).toBe('100');
    expect(await progress.textContent()).toContain('5 ajoutée(s)');
    await page.getByTestId('bank-counts').getByText('5 entrées, 5 comparées, 0 avec une empreinte PDQ').waitFor();
    await checkScreen(page, 'bank-import');

    const before = await auditCount(vigie.t, 'bank.export');
    await page.getByLabel('Format d’export').selectOption('csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger la banque' }).click(),
    ]);
    const exported = await readFile((await download.path())!, 'utf8');
    for (const hash of sha256) expect(exported).toContain(hash);
    expect(await auditCount(vigie.t, 'bank.export')).toBe(before + 1);

    await page.getByRole('button', { name: 'Ne plus comparer cette banque' }).click();
    await page.getByTestId('bank-state').getByText('Non comparée').waitFor();
    const banks = await staff('GET', '/api/banks');
    expect(banks.banks).toEqual([expect.objectContaining({ name: 'Liste nationale (exemple)', enabled: false })]);
  });

  it('change the emergency numbers, refused beside the field when wrong, and the portal shows the new ones', async () => {
    const { page } = watched;
    await openAdminPage(page, 'Réglages du déploiement');
    await page.getByText('Ces numéros viennent de la configuration du serveur').waitFor();
    await page.getByRole('button', { name: 'Ajouter un numéro' }).click();
    const added = page.getByRole('group', { name: 'Numéro 4' });
    await added.getByLabel('Numéro', { exact: true }).fill('appelez-nous');
    await added.getByLabel('Libellé en français').fill('Permanence de la hotline (exemple)');
    await added.getByLabel('Libellé en anglais').fill('Hotline duty line (example)');
    await page.getByRole('button', { name: 'Enregistrer les numéros d’urgence' }).click();
    await page.locator('#emergency-3-number-error').waitFor();
    await checkScreen(page, 'settings-error');
    await added.getByLabel('Numéro', { exact: true }).fill('+33 1 23 45 67 89');
    await page.getByRole('button', { name: 'Enregistrer les numéros d’urgence' }).click();
    await page.getByText('Les numéros d’urgence sont enregistrés').waitFor();
    expect(await auditCount(vigie.t, 'settings.emergency-numbers')).toBe(1);
    await checkScreen(page, 'settings');

    const portal = await watched.page.context().newPage();
    await portal.goto(`${vigie.baseUrl}/`);
    await portal.getByLabel('Un enfant est en danger immédiat').check();
    expect(await portal.getByRole('alert').textContent()).toMatch(
      /119.*17.*112.*\+33 1 23 45 67 89.*Permanence de la hotline \(exemple\)/s,
    );
    await portal.close();
  });

  it('read the same in English, accessible and fully translated', async () => {
    const { page } = watched;
    await page.goto(`${vigie.baseUrl}/console/admin`);
    await heading(page, 'Administration');
    await page.getByRole('button', { name: 'English' }).click();
    for (const [link, name] of [
      ['Users and roles', 'users'],
      ['Routing rules', 'routing'],
      ['Hash banks', 'banks'],
      ['Deployment settings', 'settings'],
      ['Deadlines', 'service-levels'],
    ] as const) {
      await openAdminPage(page, link);
      await checkScreen(page, `${name}-en`);
    }
    // On a telephone's width the page does not scroll sideways: wide tables scroll in their own region.
    await page.setViewportSize({ width: 360, height: 740 });
    await openAdminPage(page, 'Users and roles');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await checkScreen(page, 'users-narrow-en');
    expect(watched.problems).toEqual([]);
    expect(watched.outside).toEqual([]);
  });
});
