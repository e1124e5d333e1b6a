import type { Kysely } from 'kysely';
import type { ReferralContext } from './context.js';
import { kindOfRole, type AddresseeRole, type ReferralKind, type ReferralStatus } from './model.js';
import type { NoticeAddressee } from './contracts.js';
import type { ReferralTables } from './tables.js';

/**
 * The contract between routing and referrals: routing's rules say whom a report goes to (an
 * addressee role, the hosting country's partner, a host's abuse contact); this module turns
 * that into organisations, deadlines and rows.
 */
export type ReferralTarget = { role: AddresseeRole } | { hostingPartner: string; otherwise: AddresseeRole } | { notice: NoticeAddressee };

export interface ReferralIntent {
  ruleId: string;
  target: ReferralTarget;
  /** Hosting countries it concerns (a partner, INTERPOL, a notice). */
  countries: readonly string[];
  /** URL items it concerns. */
  itemIds: readonly string[];
}

/** A referral as it would be made: its target key (one referral per report and key), kind and addressee. */
export interface PlannedReferral {
  target: string;
  kind: ReferralKind;
  organisationId: string | null;
  organisationName: string | null;
  addressee: NoticeAddressee | null;
  ruleId: string;
  countries: string[];
  itemIds: string[];
}

/** The partner hotline of a country: an organisation of kind `hotline` there (the first by name if several). */
export const partnerKind = 'hotline';

export async function addresseesOf(db: Kysely<ReferralTables>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('referral_addressees').select(['role', 'organisation_id']).execute();
  return new Map(rows.map((row) => [row.role, row.organisation_id]));
}

export function initialStatus(referral: Pick<PlannedReferral, 'kind' | 'organisationId'>): ReferralStatus {
  if (referral.kind === 'notice') return 'pending';
  return referral.organisationId === null ? 'unassigned' : 'sent';
}

/** Resolves the intents of one report to organisations, merging those that reach the same target. */
export async function planReferrals(ctx: ReferralContext, intents: readonly ReferralIntent[]): Promise<PlannedReferral[]> {
  if (intents.length === 0) return [];
  const [addressees, organisations] = await Promise.all([addresseesOf(ctx.db), ctx.organisations.listOrganisations()]);
  const nameOf = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const partners = [...organisations]
    .filter((organisation) => organisation.kind === partnerKind && organisation.country !== null)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const byRole = (role: AddresseeRole, intent: ReferralIntent): PlannedReferral => {
    const organisationId = addressees.get(role) ?? null;
    return {
      target: `role:${role}`,
      kind: kindOfRole[role],
      organisationId,
      organisationName: organisationId ? (nameOf.get(organisationId) ?? null) : null,
      addressee: null,
      ruleId: intent.ruleId,
      countries: [...intent.countries],
      itemIds: [...intent.itemIds],
    };
  };
  const planned = new Map<string, PlannedReferral>();
  for (const intent of intents) {
    const { target } = intent;
    let referral: PlannedReferral;
    if ('role' in target) referral = byRole(target.role, intent);
    else if ('hostingPartner' in target) {
      const partner = partners.find((organisation) => organisation.country === target.hostingPartner);
      referral = partner
        ? {
            target: `partner:${target.hostingPartner}`,
            kind: 'partner_hotline',
            organisationId: partner.id,
            organisationName: partner.name,
            addressee: null,
            ruleId: intent.ruleId,
            countries: [...intent.countries],
            itemIds: [...intent.itemIds],
          }
        : byRole(target.otherwise, intent);
    } else {
      referral = {
        target: `notice:${target.notice.key}`,
        kind: 'notice',
        organisationId: null,
        organisationName: null,
        addressee: target.notice,
        ruleId: intent.ruleId,
        countries: [...intent.countries],
        itemIds: [...intent.itemIds],
      };
    }
    const earlier = planned.get(referral.target);
    if (!earlier) planned.set(referral.target, referral);
    else {
      earlier.countries = [...new Set([...earlier.countries, ...referral.countries])];
      earlier.itemIds = [...new Set([...earlier.itemIds, ...referral.itemIds])];
    }
  }
  return [...planned.values()];
}
