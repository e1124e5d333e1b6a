import { Type } from 'typebox';
import { actions, partnerActions, staffRoles } from '../platform/access/index.js';
import { organisationKinds, passwordLength } from './model.js';

const literals = <const T extends string>(values: readonly T[]) => Type.Enum([...values]);

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String(passwordLength);
const PersonName = Type.String({ minLength: 1, maxLength: 200 });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });

export const StaffRole = literals(staffRoles);
export const ActionName = literals(actions);
export const OrganisationKind = literals(organisationKinds);

export const Organisation = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: OrganisationKind,
  country: Type.Union([Country, Type.Null()]),
});
export const NewOrganisation = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), kind: OrganisationKind, country: Type.Optional(Country) },
  { additionalProperties: false },
);
export const OrganisationChange = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    kind: Type.Optional(OrganisationKind),
    country: Type.Optional(Type.Union([Country, Type.Null()], { description: 'null: an international body' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserSummary = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  roles: Type.Array(StaffRole),
  secondFactorEnrolled: Type.Boolean(),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const NewUser = Type.Object(
  { organisationId: Uuid, email: Email, name: PersonName, roles: Type.Array(StaffRole, { minItems: 1, maxItems: 10 }), password: Password },
  { additionalProperties: false },
);
export const RolesChange = Type.Object(
  { roles: Type.Array(StaffRole, { minItems: 1, maxItems: 10, description: 'The whole set of roles the user holds from now on' }) },
  { additionalProperties: false },
);
export const PersonChange = Type.Object(
  { name: Type.Optional(PersonName), email: Type.Optional(Email) },
  { additionalProperties: false, minProperties: 1 },
);
export const UserPersonalData = Type.Object({ email: Type.String(), name: Type.String() });

export const Credentials = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export const SecondFactorCode = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
export const SignInAnswer = Type.Object({
  secondFactor: literals(['verify', 'enrol'] as const),
  enrolment: Type.Optional(Type.Object({ secret: Type.String(), uri: Type.String() })),
});
export const SessionView = Type.Object({
  user: Type.Object({ id: Uuid, organisationId: Uuid, roles: Type.Array(StaffRole) }),
  allowedActions: Type.Array(ActionName),
  csrfToken: Type.String(),
});

export const FirstAdministrator = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 100 }),
    organisation: NewOrganisation,
    email: Email,
    name: PersonName,
    password: Password,
  },
  { additionalProperties: false },
);

export const ApiKeySummary = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  name: Type.String(),
  scopes: Type.Array(ActionName),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const NewApiKey = Type.Object(
  {
    organisationId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    scopes: Type.Array(literals(partnerActions), { minItems: 1 }),
  },
  { additionalProperties: false },
);
export const CreatedApiKey = Type.Object({ key: ApiKeySummary, secret: Type.String() });
export const PartnerIdentity = Type.Object({ keyId: Uuid, organisationId: Uuid, scopes: Type.Array(ActionName) });
