import type { Transaction } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { TakedownContext } from './context.js';
import type { NoticeLanguage } from './notice-templates.js';
import type { Actor } from './ports.js';
import type { ActionTables } from './tables.js';

export interface HostContact {
  /** A host (`cdn.example.net`) or a registrable domain (`example.net`). */
  name: string;
  emails: string[];
  language: NoticeLanguage | null;
  updatedAt: string;
}

export async function listHostContacts(ctx: TakedownContext): Promise<{ contacts: HostContact[] }> {
  const rows = await ctx.db.selectFrom('host_contacts').selectAll().orderBy('name').execute();
  return {
    contacts: rows.map((row) => ({
      name: row.name,
      emails: row.emails,
      language: row.language as NoticeLanguage | null,
      updatedAt: new Date(row.updated_at).toISOString(),
    })),
  };
}

/** Sets the contact of a host or registrable domain (audited); the next notice to it goes there instead of the RDAP abuse contact. */
export async function setHostContact(
  ctx: TakedownContext,
  actor: Actor,
  name: string,
  contact: { emails: string[]; language?: NoticeLanguage | null },
): Promise<HostContact> {
  const emails = [...new Set(contact.emails.map((email) => email.trim()))];
  const at = ctx.now();
  await ctx.change(async (trx, tools) => {
    await trx
      .insertInto('host_contacts')
      .values({ name, emails, language: contact.language ?? null, updated_by: actor.actorId, updated_at: at })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ emails, language: contact.language ?? null, updated_by: actor.actorId, updated_at: at }),
      )
      .execute();
    await tools.audit(actor, {
      action: 'takedown.contact',
      subjectType: 'host',
      subjectId: name,
      detail: { name, emails: emails.length, language: contact.language ?? null },
    });
  });
  return { name, emails, language: contact.language ?? null, updatedAt: at.toISOString() };
}

export async function removeHostContact(ctx: TakedownContext, actor: Actor, name: string): Promise<void> {
  await ctx.change(async (trx, tools) => {
    const removed = await trx.deleteFrom('host_contacts').where('name', '=', name).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new Problem('not-found');
    await tools.audit(actor, { action: 'takedown.contact-remove', subjectType: 'host', subjectId: name });
  });
}

export interface ResolvedContact {
  emails: string[];
  language: NoticeLanguage | null;
  source: 'host' | 'domain' | 'rdap' | 'none';
}

/**
 * Where a notice about these URLs goes: the contacts configured for their hosts, else for
 * their registrable domains, else the RDAP abuse contact of the network.
 */
export async function resolveContact(
  trx: Transaction<ActionTables>,
  urls: readonly { host: string; registrable_domain: string }[],
  rdapEmails: readonly string[],
): Promise<ResolvedContact> {
  const hosts = [...new Set(urls.map((url) => url.host))];
  const domains = [...new Set(urls.map((url) => url.registrable_domain))];
  const names = [...new Set([...hosts, ...domains])];
  const rows =
    names.length === 0 ? [] : await trx.selectFrom('host_contacts').selectAll().where('name', 'in', names).orderBy('name').execute();
  for (const [source, wanted] of [
    ['host', hosts],
    ['domain', domains],
  ] as const) {
    const matched = rows.filter((row) => wanted.includes(row.name));
    if (matched.length > 0) {
      return {
        emails: [...new Set(matched.flatMap((row) => row.emails))],
        language: (matched.find((row) => row.language)?.language ?? null) as NoticeLanguage | null,
        source,
      };
    }
  }
  return rdapEmails.length > 0
    ? { emails: [...rdapEmails], language: null, source: 'rdap' }
    : { emails: [], language: null, source: 'none' };
}
