/** The shapes the partners page reads, as src/exchange/contracts.ts declares them. */
export interface DeploymentKey {
  algorithm: 'Ed25519';
  keyId: string;
  publicKey: string;
}

export interface Partner {
  id: string;
  name: string;
  baseUrl: string;
  keyId: string;
  organisationId: string;
  organisationName: string | null;
  country: string | null;
  forwarded: number;
  pending: number;
  imported: number;
}
