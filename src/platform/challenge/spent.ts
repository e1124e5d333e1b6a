import type { Kysely } from 'kysely';
import { tablesOf, type AnyDatabase } from '../store/index.js';

interface SpentTables {
  challenge_spent: { signature: string; expires_at: Date };
}

/** Expired entries are removed by one spend in this many, in that spend's transaction. */
const cleanupEvery = 100;

/**
 * Remembers the challenges already used, until they expire (a challenge past its expiry is
 * refused anyway). The claim is one INSERT that a second use of the same challenge cannot
 * pass, whatever the timing: the primary key serialises them.
 */
export function createSpentChallenges(root: Kysely<AnyDatabase>) {
  const db = tablesOf<SpentTables>(root) as Kysely<SpentTables>;
  let spends = 0;
  return {
    /** True when this call is the first use of the challenge with this signature. */
    async spend(signature: string, expiresAt: Date, now: Date): Promise<boolean> {
      spends += 1;
      const cleanup = spends % cleanupEvery === 0;
      return db.transaction().execute(async (trx) => {
        if (cleanup) await trx.deleteFrom('challenge_spent').where('expires_at', '<', now).execute();
        const claimed = await trx
          .insertInto('challenge_spent')
          .values({ signature, expires_at: expiresAt })
          .onConflict((conflict) => conflict.column('signature').doNothing())
          .returning('signature')
          .executeTakeFirst();
        return claimed !== undefined;
      });
    },
  };
}
export type SpentChallenges = ReturnType<typeof createSpentChallenges>;
