import { randomUUID } from 'node:crypto';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { frenchDefaultRules } from './default-rules.js';
import { conditionsHold, evaluate, intentsOf } from './evaluate.js';
import type { HostedUrl, ReportFacts } from './facts.js';
import { ruleSetProblems } from './rule-checks.js';
import { RuleSet, type Rule } from './rule-format.js';

const home = 'FR';

function url(host: string, ...addresses: { country: string | null; asn?: number; abuse?: string; network?: string }[]): HostedUrl {
  return {
    itemId: randomUUID(),
    host,
    addresses: addresses.map((address) => ({
      country: address.country,
      asn: address.asn ?? null,
      organisation: address.asn ? `Network ${address.asn}` : null,
      network: address.network ? { handle: address.network, name: `${address.network} name` } : null,
      abuse: address.abuse ? { handle: `${address.abuse}-H`, name: address.abuse, emails: [`abuse@${address.abuse}.example.net`] } : null,
    })),
  };
}

function facts(overrides: Partial<ReportFacts> = {}): ReportFacts {
  return {
    reportId: randomUUID(),
    receivedAt: new Date().toISOString(),
    urgent: false,
    category: 'child_sexual_abuse_material',
    channel: 'partner_api',
    hotel: false,
    knownContent: false,
    ageGroup: null,
    childDescribed: false,
    placeCountries: [],
    assessment: null,
    urls: [],
    hostingComplete: true,
    ...overrides,
  };
}

const illegal = { legalStatus: 'baseline', category: 'child_sexual_abuse_material', ageGroup: 'prepubescent', imageryClass: 'A1' } as const;
const targetsOf = (result: ReturnType<typeof evaluate>) =>
  result.intents.map((intent) =>
    'role' in intent.target
      ? intent.target.role
      : 'hostingPartner' in intent.target
        ? `partner:${intent.target.hostingPartner}`
        : `notice:${intent.target.notice.key}`,
  );

describe('the default French rules', () => {
  it('are valid against the published format and have no semantic problem', () => {
    expect(Value.Check(RuleSet, frenchDefaultRules)).toBe(true);
    expect(ruleSetProblems(frenchDefaultRules, '')).toEqual([]);
  });

  it('refer a child in immediate danger to the police and child protection at intake, with nothing else known', () => {
    const result = evaluate(frenchDefaultRules, facts({ urgent: true, hostingComplete: false }), 'received', home);
    expect(result.fired).toEqual(['child-in-immediate-danger']);
    expect(targetsOf(result)).toEqual(['national_police', 'child_protection_unit']);
  });

  it('refer nothing at intake when no child is in immediate danger', () => {
    expect(
      evaluate(frenchDefaultRules, facts({ assessment: illegal, urls: [url('a.example', { country: 'FR' })] }), 'received', home),
    ).toEqual({
      fired: [],
      intents: [],
    });
  });

  it('refer illegal content hosted at home to the police, with a notice to each abuse contact there', () => {
    const hosted = [
      url('a.example', { country: 'FR', asn: 64496, abuse: 'HEB' }),
      url('b.example', { country: 'FR', asn: 64496, abuse: 'HEB' }),
    ];
    const result = evaluate(frenchDefaultRules, facts({ assessment: illegal, urls: hosted }), 'assessed', home);
    expect(result.fired).toEqual(['illegal-content-hosted-at-home']);
    expect(targetsOf(result)).toEqual(['national_police', 'notice:HEB-H']);
    const notice = result.intents[1]!;
    expect(notice.itemIds).toEqual(hosted.map((hostedUrl) => hostedUrl.itemId));
    expect('notice' in notice.target && notice.target.notice).toMatchObject({
      emails: ['abuse@HEB.example.net'],
      hosts: ['a.example', 'b.example'],
    });
  });

  it('forward illegal content hosted abroad to each hosting country’s partner, INTERPOL liaison where there is none', () => {
    const hosted = [url('a.example', { country: 'DE' }), url('b.example', { country: 'JP' }, { country: 'DE' })];
    const result = evaluate(frenchDefaultRules, facts({ assessment: illegal, urls: hosted }), 'assessed', home);
    expect(result.fired).toEqual(['illegal-content-hosted-abroad']);
    expect(result.intents.map((intent) => intent.target)).toEqual([
      { hostingPartner: 'DE', otherwise: 'interpol_liaison' },
      { hostingPartner: 'JP', otherwise: 'interpol_liaison' },
    ]);
    expect(result.intents[0]!.itemIds).toEqual([hosted[0]!.itemId, hosted[1]!.itemId]);
    expect(result.intents[1]!.itemIds).toEqual([hosted[1]!.itemId]);
  });

  it('route content assessed as not illegal nowhere, wherever it is hosted', () => {
    const assessment = { ...illegal, legalStatus: 'not_illegal' as const, imageryClass: null };
    const hosted = [url('a.example', { country: 'FR' }), url('b.example', { country: 'DE' })];
    expect(evaluate(frenchDefaultRules, facts({ assessment, urls: hosted, childDescribed: true }), 'assessed', home).fired).toEqual([]);
  });

  it('send an information préoccupante for a described child, the NRM for trafficking, the office for travel and hotels', () => {
    const trafficking = facts({ assessment: { ...illegal, category: 'trafficking_for_sexual_exploitation' }, childDescribed: true });
    expect(evaluate(frenchDefaultRules, trafficking, 'assessed', home).fired).toEqual(['child-at-risk', 'trafficking-indicators']);
    const travel = facts({
      category: 'exploitation_in_travel_and_tourism',
      assessment: { ...illegal, category: 'exploitation_in_travel_and_tourism' },
    });
    expect(targetsOf(evaluate(frenchDefaultRules, travel, 'assessed', home))).toEqual(['travel_tourism_office']);
    const hotel = facts({
      hotel: true,
      channel: 'hotel',
      category: 'child_prostitution',
      assessment: { ...illegal, category: 'child_prostitution' },
    });
    expect(evaluate(frenchDefaultRules, hotel, 'assessed', home).fired).toEqual(['trafficking-indicators', 'hotel-report']);
  });
});

describe('conditions', () => {
  it('hold when absent, and each list means any of its values', () => {
    expect(conditionsHold({}, facts(), home)).toBe(true);
    expect(conditionsHold({ category: ['sextortion', 'child_sexual_abuse_material'] }, facts(), home)).toBe(true);
    expect(conditionsHold({ category: ['sextortion'] }, facts(), home)).toBe(false);
  });

  it('on the assessment never hold without one', () => {
    expect(conditionsHold({ legalStatus: ['baseline', 'national', 'not_illegal'] }, facts(), home)).toBe(false);
    expect(conditionsHold({ imageryClass: ['A1'] }, facts({ assessment: illegal }), home)).toBe(true);
    expect(conditionsHold({ assessedAgeGroup: ['pubescent'] }, facts({ assessment: illegal }), home)).toBe(false);
  });

  it('read the assessed category before the reported one', () => {
    const corrected = facts({ category: 'sextortion', assessment: illegal });
    expect(conditionsHold({ category: ['child_sexual_abuse_material'] }, corrected, home)).toBe(true);
  });

  it('place each URL at home, abroad (both when its addresses are split) or unknown', () => {
    const split = facts({ urls: [url('cdn.example', { country: 'FR' }, { country: 'NL' })] });
    expect(conditionsHold({ hosting: ['home'] }, split, home)).toBe(true);
    expect(conditionsHold({ hosting: ['abroad'] }, split, home)).toBe(true);
    expect(conditionsHold({ hosting: ['unknown'] }, split, home)).toBe(false);
    expect(conditionsHold({ hostingCountries: ['NL'] }, split, home)).toBe(true);
    const unplaced = facts({ urls: [url('gone.example')] });
    expect(conditionsHold({ hosting: ['unknown'] }, unplaced, home)).toBe(true);
    expect(conditionsHold({ hosting: ['unknown'] }, facts({ hostingComplete: false }), home)).toBe(true);
    expect(conditionsHold({ hosting: ['home', 'abroad'] }, facts(), home)).toBe(false);
  });

  it('compare places with the home country given', () => {
    const abroad = facts({ placeCountries: ['TH'] });
    expect(conditionsHold({ places: ['abroad'] }, abroad, home)).toBe(true);
    expect(conditionsHold({ places: ['home'] }, abroad, home)).toBe(false);
    expect(conditionsHold({ places: ['home'] }, abroad, 'TH')).toBe(true);
    expect(conditionsHold({ placeCountries: ['TH', 'KH'] }, abroad, home)).toBe(true);
  });

  it('`unless` silences a rule whose exceptions all hold', () => {
    const rule: Rule = {
      id: 'r',
      when: { trigger: ['assessed'], urgent: false, unless: { knownContent: true, ageGroup: ['infant_toddler'] } },
      then: [{ refer: 'national_police' }],
    };
    const set = { format: frenchDefaultRules.format, rules: [rule] };
    expect(evaluate(set, facts({ knownContent: true }), 'assessed', home).fired).toEqual(['r']);
    expect(evaluate(set, facts({ knownContent: true, ageGroup: 'infant_toddler' }), 'assessed', home).fired).toEqual([]);
    expect(evaluate(set, facts(), 'received', home).fired).toEqual([]);
  });
});

describe('notices', () => {
  const rule = (hosting: 'home' | 'abroad' | 'any'): Rule => ({
    id: 'n',
    when: { trigger: ['assessed'] },
    then: [{ notice: 'host', hosting }],
  });

  it('go to each abuse contact once, else to the network, else to its AS; an address nothing is known of gets none', () => {
    const hosted = facts({
      urls: [
        url('a.example', { country: 'FR', asn: 64496, abuse: 'HEB' }),
        url('b.example', { country: 'FR', asn: 64497, network: 'NET-B' }),
        url('c.example', { country: 'DE', asn: 64498 }),
        url('d.example', { country: 'FR' }),
      ],
    });
    const keys = (hosting: 'home' | 'abroad' | 'any') =>
      intentsOf(rule(hosting), hosted, home).map((intent) => ('notice' in intent.target ? intent.target.notice.key : ''));
    expect(keys('home')).toEqual(['HEB-H', 'NET-B']);
    expect(keys('abroad')).toEqual(['AS64498']);
    expect(keys('any')).toEqual(['HEB-H', 'NET-B', 'AS64498']);
  });
});

describe('rule set checks', () => {
  it('name each duplicate id, a missing or stray `otherwise`, an empty `unless`', () => {
    const problems = ruleSetProblems(
      {
        format: frenchDefaultRules.format,
        rules: [
          { id: 'a', when: { trigger: ['assessed'] }, then: [{ refer: 'hosting_partner' }] },
          { id: 'a', when: { trigger: ['assessed'], unless: {} }, then: [{ refer: 'national_police', otherwise: 'interpol_liaison' }] },
        ],
      },
      '/ruleSet',
    );
    expect(problems.map((problem) => ('pointer' in problem ? `${problem.pointer} ${problem.code}` : ''))).toEqual([
      '/ruleSet/rules/0/then/0/otherwise required',
      '/ruleSet/rules/1/id invalid',
      '/ruleSet/rules/1/when/unless required',
      '/ruleSet/rules/1/then/0/otherwise unknown',
    ]);
  });
});
