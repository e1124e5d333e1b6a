/**
 * What Vigie keeps of an RDAP answer about an IP network (RFC 9083): the network, and its
 * abuse contact — the entity with the role `abuse`, wherever it is nested (registries put it
 * under the network, or under the network's registrant or technical entity), its e-mail
 * addresses taken from its vCard (jCard, RFC 7095). Public registry data about networks,
 * published for this use: no person's data is looked for.
 */

export interface AbuseContact {
  handle: string | null;
  name: string | null;
  emails: string[];
}

export interface RdapNetwork {
  handle: string | null;
  name: string | null;
  country: string | null;
  /** The network's first and last addresses, when the answer gives them. */
  startAddress: string | null;
  endAddress: string | null;
  abuse: AbuseContact | null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max = 300): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;

/** The properties of a jCard: `["vcard", [[name, params, type, value…], …]]`. */
function vcardProperties(entity: Json): unknown[][] {
  const card = entity.vcardArray;
  if (!Array.isArray(card) || card[0] !== 'vcard' || !Array.isArray(card[1])) return [];
  return (card[1] as unknown[]).filter((property): property is unknown[] => Array.isArray(property) && typeof property[0] === 'string');
}

const emailShape = /^[^\s@<>(),;:"]{1,64}@[^\s@<>(),;:"]{1,253}$/;

function contactOf(entity: Json): AbuseContact {
  const properties = vcardProperties(entity);
  const values = (name: string) => properties.filter((property) => property[0] === name).map((property) => property[3]);
  const emails = values('email')
    .map((value) => text(value, 254)?.replace(/^mailto:/i, '') ?? null)
    .filter((email): email is string => email !== null && emailShape.test(email));
  return { handle: text(entity.handle), name: text(values('fn')[0]), emails: [...new Set(emails)] };
}

const rolesOf = (entity: Json) => (Array.isArray(entity.roles) ? entity.roles.filter((role) => typeof role === 'string') : []);

/**
 * The abuse entity nearest to the network (breadth first, at most five levels down):
 * the first with an e-mail address, else the first found.
 */
export function abuseContactOf(network: Json): AbuseContact | null {
  let level: Json[] = Array.isArray(network.entities) ? network.entities.filter(isObject) : [];
  let fallback: AbuseContact | null = null;
  for (let depth = 0; depth < 5 && level.length > 0; depth += 1) {
    for (const entity of level) {
      if (!rolesOf(entity).some((role) => role.toLowerCase() === 'abuse')) continue;
      const contact = contactOf(entity);
      if (contact.emails.length > 0) return contact;
      fallback ??= contact;
    }
    level = level.flatMap((entity) => (Array.isArray(entity.entities) ? entity.entities.filter(isObject) : []));
  }
  return fallback;
}

/** The network of an RDAP `ip network` answer; null if the document is not one. */
export function networkOf(document: unknown): RdapNetwork | null {
  if (!isObject(document)) return null;
  if (document.objectClassName !== undefined && document.objectClassName !== 'ip network') return null;
  const country = text(document.country, 10);
  return {
    handle: text(document.handle),
    name: text(document.name),
    country: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null,
    startAddress: text(document.startAddress, 45),
    endAddress: text(document.endAddress, 45),
    abuse: abuseContactOf(document),
  };
}
