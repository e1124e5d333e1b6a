import type { NoticeAddressee, ReferralIntent } from '../referrals/index.js';
import { traffickingCategories } from '../reports/index.js';
import { effectiveCategory, type HostedUrl, type ReportFacts } from './facts.js';
import type { Trigger } from './model.js';
import type { NoticeAction, Rule, RuleConditions, RuleSet } from './rule-format.js';

/** Where each URL is: `home`, `abroad` (both when its addresses are in both), `unknown` when none is placed. */
function placesOf(url: HostedUrl, home: string): Set<'home' | 'abroad' | 'unknown'> {
  const countries = url.addresses.flatMap((address) => (address.country ? [address.country] : []));
  const where = new Set<'home' | 'abroad' | 'unknown'>();
  if (countries.length === 0) where.add('unknown');
  for (const country of countries) where.add(country === home ? 'home' : 'abroad');
  return where;
}

const hostingCountriesOf = (facts: ReportFacts) =>
  new Set(facts.urls.flatMap((url) => url.addresses.flatMap((address) => (address.country ? [address.country] : []))));

const anyOf = <T>(wanted: readonly T[] | undefined, has: (value: T) => boolean) => wanted === undefined || wanted.some(has);
const same = (wanted: boolean | undefined, actual: boolean) => wanted === undefined || wanted === actual;

/** Whether every condition given holds for these facts (an absent condition holds). */
export function conditionsHold(conditions: RuleConditions, facts: ReportFacts, home: string): boolean {
  const { assessment } = facts;
  const hosting = new Set(facts.urls.flatMap((url) => [...placesOf(url, home)]));
  if (!facts.hostingComplete) hosting.add('unknown');
  const hostingCountries = hostingCountriesOf(facts);
  const category = effectiveCategory(facts);
  return (
    same(conditions.urgent, facts.urgent) &&
    anyOf(conditions.category, (wanted) => wanted === category) &&
    same(conditions.trafficking, traffickingCategories.includes(category)) &&
    same(conditions.travelAndTourism, category === 'exploitation_in_travel_and_tourism') &&
    same(conditions.hotel, facts.hotel) &&
    same(conditions.knownContent, facts.knownContent) &&
    same(conditions.childDescribed, facts.childDescribed) &&
    anyOf(conditions.legalStatus, (status) => assessment?.legalStatus === status) &&
    anyOf(conditions.assessedAgeGroup, (group) => assessment?.ageGroup === group) &&
    anyOf(conditions.imageryClass, (imagery) => assessment?.imageryClass === imagery) &&
    anyOf(conditions.ageGroup, (group) => facts.ageGroup === group) &&
    anyOf(conditions.hosting, (where) => hosting.has(where)) &&
    anyOf(conditions.hostingCountries, (country) => hostingCountries.has(country)) &&
    anyOf(conditions.places, (where) => facts.placeCountries.some((country) => (country === home) === (where === 'home'))) &&
    anyOf(conditions.placeCountries, (country) => facts.placeCountries.includes(country))
  );
}

export function ruleFires(rule: Rule, facts: ReportFacts, trigger: Trigger, home: string): boolean {
  const { trigger: triggers, unless, ...conditions } = rule.when;
  if (!triggers.includes(trigger)) return false;
  if (!conditionsHold(conditions, facts, home)) return false;
  return !(unless && conditionsHold(unless, facts, home));
}

/** The key that makes one notice per abuse contact: its RDAP handle, else the network's, else its AS. */
function abuseKeyOf(address: HostedUrl['addresses'][number]): string | null {
  if (address.abuse?.handle) return address.abuse.handle;
  if (address.abuse?.emails[0]) return address.abuse.emails[0];
  if (address.network?.handle) return address.network.handle;
  return address.asn !== null ? `AS${address.asn}` : null;
}

function noticeIntents(rule: Rule, action: NoticeAction, facts: ReportFacts, home: string): ReferralIntent[] {
  const notices = new Map<string, { addressee: NoticeAddressee; countries: Set<string>; itemIds: Set<string> }>();
  for (const url of facts.urls) {
    for (const address of url.addresses) {
      if (!address.country) continue;
      if (action.hosting === 'home' && address.country !== home) continue;
      if (action.hosting === 'abroad' && address.country === home) continue;
      const key = abuseKeyOf(address);
      if (!key) continue;
      const notice = notices.get(key) ?? {
        addressee: {
          key,
          handle: address.abuse?.handle ?? null,
          name: address.abuse?.name ?? address.organisation,
          emails: address.abuse?.emails ?? [],
          network: address.network?.name ?? address.organisation,
          asn: address.asn,
          hosts: [],
        },
        countries: new Set<string>(),
        itemIds: new Set<string>(),
      };
      if (!notice.addressee.hosts.includes(url.host)) notice.addressee.hosts.push(url.host);
      notice.countries.add(address.country);
      notice.itemIds.add(url.itemId);
      notices.set(key, notice);
    }
  }
  return [...notices.values()].map((notice) => ({
    ruleId: rule.id,
    target: { notice: notice.addressee },
    countries: [...notice.countries],
    itemIds: [...notice.itemIds],
  }));
}

/** What one rule that fired asks for, as intents the referrals module resolves to organisations. */
export function intentsOf(rule: Rule, facts: ReportFacts, home: string): ReferralIntent[] {
  return rule.then.flatMap((action): ReferralIntent[] => {
    if ('notice' in action) return noticeIntents(rule, action, facts, home);
    if (action.refer !== 'hosting_partner') return [{ ruleId: rule.id, target: { role: action.refer }, countries: [], itemIds: [] }];
    const abroad = [...hostingCountriesOf(facts)].filter((country) => country !== home).sort();
    return abroad.map((country) => ({
      ruleId: rule.id,
      target: { hostingPartner: country, otherwise: action.otherwise ?? 'interpol_liaison' },
      countries: [country],
      itemIds: facts.urls.filter((url) => url.addresses.some((address) => address.country === country)).map((url) => url.itemId),
    }));
  });
}

export interface Evaluation {
  fired: string[];
  intents: ReferralIntent[];
}

/** Every rule of the set whose trigger and conditions hold, in the set's order, and what they ask for. */
export function evaluate(ruleSet: RuleSet, facts: ReportFacts, trigger: Trigger, home: string): Evaluation {
  const fired = ruleSet.rules.filter((rule) => ruleFires(rule, facts, trigger, home));
  return { fired: fired.map((rule) => rule.id), intents: fired.flatMap((rule) => intentsOf(rule, facts, home)) };
}
