import { Secret, TOTP } from 'otpauth';

const period = 30;

function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: 'Vigie', label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, label: string): string {
  return totpOf(secretBase32, label).toString();
}

/**
 * The time step a code belongs to, within one step of drift, or null when it is wrong.
 * Callers refuse a step not later than the last one used, so a code cannot be replayed.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const delta = totpOf(secretBase32, 'check').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / period) + delta;
}

export function totpCode(secretBase32: string, now = Date.now()): string {
  return totpOf(secretBase32, 'code').generate({ timestamp: now });
}
