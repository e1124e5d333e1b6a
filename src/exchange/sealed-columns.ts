import { sealedColumn } from '../platform/crypto/index.js';
import { forwardSealedContext } from './model.js';

/** The shared report kept between attempts holds URLs: sealed, bound to its referral. */
export const exchangeSealedColumns = [
  sealedColumn({ table: 'exchange_forwards', column: 'payload_sealed', idColumn: 'referral_id', context: forwardSealedContext }),
] as const;
