import type { Page } from 'playwright-core';
import { totpCode } from '../../src/identity/index.js';
import { testPassword } from '../support/app.js';

/** The console's sign-in words, in each language the tests drive it in. */
const words = {
  en: { email: 'E-mail address', password: 'Password', next: 'Continue', code: 'Six-digit code', verify: 'Sign in' },
  fr: { email: 'Adresse e-mail', password: 'Mot de passe', next: 'Continuer', code: 'Code à six chiffres', verify: 'Se connecter' },
} as const;

/**
 * Signs in through the console's pages with the second factor: on the first sign-in the
 * enrolment page shows the secret, and the test computes the TOTP code as an app would.
 * Returns the secret, to sign in again later (the next time step: a code is single-use).
 */
export async function signInThroughConsole(
  page: Page,
  baseUrl: string,
  email: string,
  language: keyof typeof words,
  secret?: string,
): Promise<string> {
  const w = words[language];
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password).fill(testPassword);
  await page.getByRole('button', { name: w.next }).click();
  await page.getByLabel(w.code).waitFor();
  let key = secret;
  if (!key) {
    await page.getByTestId('totp-secret').waitFor();
    key = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  }
  await page.getByLabel(w.code).fill(secret ? totpCode(key, Date.now() + 30_000) : totpCode(key));
  await page.getByRole('button', { name: w.verify }).click();
  await page.getByRole('navigation').first().waitFor();
  return key;
}
