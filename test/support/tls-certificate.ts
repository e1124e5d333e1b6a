import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  /** PEM; a test trusts it as its only certificate authority. */
  cert: string;
  key: string;
}

/**
 * A self-signed certificate for the given names, made by the openssl command for this test
 * run (nothing is kept): for HTTPS and SMTP servers on loopback whose certificate a test
 * checks for real (trusted through a `ca` option, never by turning verification off).
 */
export function makeTestCertificate(names: readonly string[]): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigie-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${names[0]}`,
        '-addext',
        `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
