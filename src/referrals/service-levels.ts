import type { Kysely } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { ReferralContext } from './context.js';
import type { DeadlineMilestone, ReferralKind } from './model.js';
import type { Actor } from './ports.js';
import type { ReferralTables } from './tables.js';

export interface ServiceLevel {
  /** Hours from the referral's creation. */
  hours: number;
  /** The status that meets it. */
  metAt: DeadlineMilestone;
}
export type ServiceLevels = Record<ReferralKind, { urgent: ServiceLevel; normal: ServiceLevel }>;

const hoursIn = { day: 24, week: 168 } as const;

/**
 * The table a deployment starts with (README, "Deadlines"); administrators change it through
 * `PUT /api/referrals/service-levels/:kind`. Urgent means a child in immediate danger.
 */
export const defaultServiceLevels: ServiceLevels = {
  // An urgent referral is taken up by the police within the hour; otherwise within three days.
  police: { urgent: { hours: 1, metAt: 'accepted' }, normal: { hours: 3 * hoursIn.day, metAt: 'accepted' } },
  travel_tourism: { urgent: { hours: 1, metAt: 'accepted' }, normal: { hours: hoursIn.week, metAt: 'accepted' } },
  interpol: { urgent: { hours: 4, metAt: 'received' }, normal: { hours: 3 * hoursIn.day, metAt: 'received' } },
  // INHOPE members remove content within 2.5 days on average (2023).
  partner_hotline: { urgent: { hours: hoursIn.day, metAt: 'done' }, normal: { hours: 60, metAt: 'done' } },
  // The law sets three months for the evaluation of an information préoccupante (2007-293).
  information_preoccupante: { urgent: { hours: 1, metAt: 'received' }, normal: { hours: 90 * hoursIn.day, metAt: 'done' } },
  // A child victim of trafficking is referred to assistance without delay (OSCE PC.DEC 685).
  nrm: { urgent: { hours: 1, metAt: 'received' }, normal: { hours: hoursIn.day, metAt: 'accepted' } },
  // Project Arachnid sends a notice again every 24 hours until removal; INHOPE's 2.5 days.
  notice: { urgent: { hours: hoursIn.day, metAt: 'done' }, normal: { hours: 60, metAt: 'done' } },
};

export async function readServiceLevels(db: Kysely<ReferralTables>): Promise<ServiceLevels> {
  const rows = await db.selectFrom('referral_service_levels').select(['kind', 'urgent', 'hours', 'met_at']).execute();
  const levels = structuredClone(defaultServiceLevels);
  for (const row of rows) {
    const kind = row.kind as ReferralKind;
    if (!(kind in levels)) continue;
    levels[kind][row.urgent ? 'urgent' : 'normal'] = { hours: row.hours, metAt: row.met_at as DeadlineMilestone };
  }
  return levels;
}

export function listServiceLevels(ctx: ReferralContext): Promise<ServiceLevels> {
  return readServiceLevels(ctx.db);
}

/** Sets one kind's deadlines; referrals made from then on get them (those already made keep theirs). */
export async function setServiceLevel(
  ctx: ReferralContext,
  actor: Actor,
  kind: ReferralKind,
  levels: { urgent: ServiceLevel; normal: ServiceLevel },
): Promise<ServiceLevels> {
  if (levels.urgent.hours > levels.normal.hours) {
    throw new Problem('validation', { fields: [{ in: 'body', pointer: '/urgent/hours', code: 'range' }] });
  }
  await ctx.change(async (trx, tools) => {
    const at = ctx.now();
    for (const urgent of [true, false]) {
      const level = urgent ? levels.urgent : levels.normal;
      await trx
        .insertInto('referral_service_levels')
        .values({ kind, urgent, hours: level.hours, met_at: level.metAt, updated_by: actor.actorId, updated_at: at })
        .onConflict((conflict) =>
          conflict
            .columns(['kind', 'urgent'])
            .doUpdateSet({ hours: level.hours, met_at: level.metAt, updated_by: actor.actorId, updated_at: at }),
        )
        .execute();
    }
    await tools.audit(actor, {
      action: 'referral.service-level',
      subjectType: 'referral_kind',
      subjectId: kind,
      detail: {
        urgentHours: levels.urgent.hours,
        urgentMetAt: levels.urgent.metAt,
        normalHours: levels.normal.hours,
        normalMetAt: levels.normal.metAt,
      },
    });
  });
  return listServiceLevels(ctx);
}
