/** Partner deployments (src/exchange): the Vigie deployments of foreign hotlines, and this deployment's own key. */
export const partners = {
  'nav.partners': 'Partner deployments',
  'nav.partners-description': 'Foreign hotlines running Vigie: reports hosted in their country are forwarded to them.',

  'partners.title': 'Partner deployments',
  'partners.intro':
    'A report referred to a foreign hotline registered here is sent to its Vigie as a signed message: only the category, dates, URLs and hashes — never the reporter, the narrative or any person. Its statuses come back to the referral.',
  'partners.own-key': 'This deployment’s public key',
  'partners.own-key-intro':
    'Give it to each partner’s administrator, who registers it with this deployment’s address. Compare the key id by phone or in person.',
  'partners.key-id': 'Key id',
  'partners.public-key': 'Public key (Ed25519, base64)',
  'partners.caption': 'Registered partner deployments',
  'partners.none': 'No partner deployment is registered yet.',
  'partners.name': 'Name',
  'partners.organisation': 'Hotline',
  'partners.country': 'Country',
  'partners.address': 'Address',
  'partners.forwarded': 'Forwarded',
  'partners.pending': 'Unacknowledged',
  'partners.imported': 'Received',
  'partners.new': 'Register a partner deployment',
  'partners.base-url': 'Address of its Vigie',
  'partners.base-url-hint': 'https only, for example https://vigie.hotline.example.org',
  'partners.public-key-hint': 'As its page “Partner deployments” shows it: 44 characters ending with “=”.',
  'partners.organisation-hint':
    'The organisation of kind hotline it is in this deployment; routing refers to it the reports hosted in its country.',
  'partners.no-hotline': 'Create the partner’s organisation first (kind: hotline, with its country) in Administration.',
  'partners.register': 'Register',
  'partners.registered': 'Partner {name} registered.',
} as const;
