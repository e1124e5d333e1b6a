import { Type, type Static } from 'typebox';
import { addresseeRoles } from '../referrals/index.js';
import { ageGroups, categories, countryCodes } from '../reports/index.js';
import { imageryClasses, legalStatuses } from '../triage/index.js';
import { triggers } from './model.js';

/**
 * The routing rules' format, version 1: one TypeBox definition gives the TypeScript types,
 * the validation of `POST /api/routing/versions` and the JSON Schema published at
 * `/api/schemas/routing-rules/v1.json`. A change that is not purely additive makes v2.
 */
export const ruleFormat = 'vigie.routing-rules/1';

const closed = { additionalProperties: false } as const;
const list = <T extends Parameters<typeof Type.Array>[0]>(item: T, description: string) =>
  Type.Array(item, { minItems: 1, maxItems: 300, uniqueItems: true, description });
const Country = Type.Enum([...countryCodes]);
const Where = Type.Enum(['home', 'abroad']);
const Role = Type.Enum([...addresseeRoles], { description: 'An addressee role, mapped by the deployment to one of its organisations' });

/** Facts of a report a rule may test; every condition given must hold, a list means any of its values. */
const conditions = {
  urgent: Type.Optional(Type.Boolean({ description: 'A child is in immediate danger' })),
  category: Type.Optional(
    list(Type.Enum([...categories]), 'The category: the assessed one when there is an assessment, else the reported one'),
  ),
  trafficking: Type.Optional(Type.Boolean({ description: 'Category child_prostitution or trafficking_for_sexual_exploitation' })),
  travelAndTourism: Type.Optional(Type.Boolean({ description: 'Category exploitation_in_travel_and_tourism' })),
  hotel: Type.Optional(Type.Boolean({ description: 'Reported by hotel staff through their chain (the hotel channel)' })),
  knownContent: Type.Optional(Type.Boolean({ description: 'A media item matched known illegal content' })),
  legalStatus: Type.Optional(list(Type.Enum([...legalStatuses]), 'The final assessment’s legal status (never true without one)')),
  assessedAgeGroup: Type.Optional(list(Type.Enum([...ageGroups]), 'The final assessment’s age group')),
  imageryClass: Type.Optional(list(Type.Enum([...imageryClasses]), 'The final assessment’s class of imagery')),
  ageGroup: Type.Optional(list(Type.Enum([...ageGroups]), 'The youngest age group known of the children reported or of matched content')),
  childDescribed: Type.Optional(Type.Boolean({ description: 'The report describes at least one child' })),
  hosting: Type.Optional(
    list(
      Type.Enum(['home', 'abroad', 'unknown']),
      'Where the URLs are hosted: `home` when an address of one is in the home country, `abroad` when one is elsewhere, `unknown` when a URL could not be placed',
    ),
  ),
  hostingCountries: Type.Optional(list(Country, 'An address of a URL is in one of these countries')),
  places: Type.Optional(list(Where, 'A place of the report is in the home country (`home`) or elsewhere (`abroad`)')),
  placeCountries: Type.Optional(list(Country, 'A place of the report is in one of these countries')),
};

export const RuleConditions = Type.Object(conditions, closed);
export type RuleConditions = Static<typeof RuleConditions>;

export const RuleWhen = Type.Object(
  {
    trigger: list(
      Type.Enum([...triggers]),
      '`received`: at intake, for a report whose child is in immediate danger; `assessed`: when an assessment becomes final',
    ),
    ...conditions,
    unless: Type.Optional(Type.Object(conditions, { ...closed, description: 'The rule does not fire when all of these hold' })),
  },
  closed,
);
export type RuleWhen = Static<typeof RuleWhen>;

export const ReferAction = Type.Object(
  {
    refer: Type.Union([Role, Type.Literal('hosting_partner')], {
      description: '`hosting_partner`: the partner hotline of each country abroad where a URL is hosted, one referral per country',
    }),
    otherwise: Type.Optional(
      Type.Enum([...addresseeRoles], {
        description: 'With `hosting_partner`, required: the role that takes a country without a partner hotline',
      }),
    ),
  },
  closed,
);
export type ReferAction = Static<typeof ReferAction>;

export const NoticeAction = Type.Object(
  {
    notice: Type.Literal('host', {
      description: 'A notice to the abuse contact of each network hosting the URLs, left for the actions module to send',
    }),
    hosting: Type.Enum(['home', 'abroad', 'any'], { description: 'Which URLs: those hosted at home, abroad, or all' }),
  },
  closed,
);
export type NoticeAction = Static<typeof NoticeAction>;

export const RuleAction = Type.Union([ReferAction, NoticeAction]);
export type RuleAction = Static<typeof RuleAction>;

const Why = Type.String({ minLength: 1, maxLength: 1000, pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$' });

export const Rule = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'Unique in the rule set: lower case, digits, hyphens' }),
    why: Type.Optional(Type.Object({ en: Type.Optional(Why), fr: Type.Optional(Why) }, { ...closed, minProperties: 1 })),
    when: RuleWhen,
    then: Type.Array(RuleAction, { minItems: 1, maxItems: 20 }),
  },
  closed,
);
export type Rule = Static<typeof Rule>;

export const RuleSet = Type.Object(
  {
    format: Type.Literal(ruleFormat),
    rules: Type.Array(Rule, {
      maxItems: 300,
      description: 'Every rule whose conditions hold fires; a report is referred once to each target',
    }),
  },
  { ...closed, title: 'Vigie routing rules, version 1' },
);
export type RuleSet = Static<typeof RuleSet>;

export function publishedRuleSchema(publicUrl: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/$/, '')}/api/schemas/routing-rules/v1.json`,
    ...JSON.parse(JSON.stringify(RuleSet)),
  };
}
