import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { Option, type Command } from 'commander';
import type { Action, StaffRole } from '../platform/access/index.js';
import type { Config } from '../platform/config/index.js';
import type { Vigie } from '../main.js';
import { fail, systemActor, withVigie } from './context.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function userIdOf(vigie: Vigie, idOrEmail: string): Promise<string> {
  if (uuidPattern.test(idOrEmail)) return idOrEmail;
  return (await vigie.identity.findUserIdByEmail(idOrEmail)) ?? fail(`no user has the e-mail ${idOrEmail}`);
}

export function userCommands(user: Command, config: () => Config, roles: readonly StaffRole[]): void {
  user
    .command('create')
    .description('create a staff account; prints a generated password unless --password-stdin')
    .requiredOption('--organisation <id>', 'organisation id')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'full name')
    .addOption(new Option('--role <role...>', 'one or more roles').choices(roles).makeOptionMandatory())
    .option('--password-stdin', 'read the password from standard input')
    .action(async (o: { organisation: string; email: string; name: string; role: StaffRole[]; passwordStdin?: boolean }) => {
      const password = o.passwordStdin ? (await text(process.stdin)).replace(/\r?\n$/, '') : randomBytes(18).toString('base64url');
      await withVigie(config(), async (vigie) => {
        const created = await vigie.identity.createUser(systemActor, {
          organisationId: o.organisation,
          email: o.email,
          name: o.name,
          roles: o.role,
          password,
        });
        process.stdout.write(`${created.id}\n`);
        if (!o.passwordStdin) process.stdout.write(`password: ${password}\n(shown once; the second factor is enrolled at first sign-in)\n`);
      });
    });
  user
    .command('list')
    .description('list staff accounts (without personal data)')
    .action(() =>
      withVigie(config(), async (vigie) => {
        for (const u of await vigie.identity.listUsers()) {
          process.stdout.write(
            `${u.id}\t${u.organisationId}\t${u.roles.join(',')}\t${u.disabled ? 'disabled' : 'active'}\t${u.secondFactorEnrolled ? '2fa' : 'no-2fa'}\n`,
          );
        }
      }),
    );
  user
    .command('disable <idOrEmail>')
    .description('disable an account and end its sessions (never the last active administrator)')
    .action((who: string) => withVigie(config(), async (vigie) => vigie.identity.disableUser(systemActor, await userIdOf(vigie, who))));
  user
    .command('enable <idOrEmail>')
    .description('let a disabled account sign in again, with its password and second factor')
    .action((who: string) => withVigie(config(), async (vigie) => vigie.identity.enableUser(systemActor, await userIdOf(vigie, who))));
  user
    .command('reset-2fa <idOrEmail>')
    .description('remove the second factor: the user enrols a new one at the next sign-in')
    .action((who: string) =>
      withVigie(config(), async (vigie) => vigie.identity.resetSecondFactor(systemActor, await userIdOf(vigie, who))),
    );
}

export function organisationCommands(org: Command, config: () => Config): void {
  org
    .command('create')
    .requiredOption('--name <name>')
    .requiredOption('--kind <kind>', 'hotline, police, child_protection, referral_mechanism, ngo, observatory, partner, other')
    .option('--country <code>', 'ISO 3166-1 alpha-2')
    .action((o: { name: string; kind: string; country?: string }) =>
      withVigie(config(), async (vigie) => {
        const kinds = ['hotline', 'police', 'child_protection', 'referral_mechanism', 'ngo', 'observatory', 'partner', 'other'] as const;
        const kind = kinds.find((k) => k === o.kind) ?? fail(`unknown kind ${o.kind}; one of ${kinds.join(', ')}`);
        const created = await vigie.identity.createOrganisation(systemActor, { name: o.name, kind, country: o.country ?? null });
        process.stdout.write(`${created.id}\n`);
      }),
    );
  org.command('list').action(() =>
    withVigie(config(), async (vigie) => {
      for (const o of await vigie.identity.listOrganisations()) process.stdout.write(`${o.id}\t${o.kind}\t${o.country ?? ''}\t${o.name}\n`);
    }),
  );
}

export function apiKeyCommands(apikey: Command, config: () => Config, scopes: readonly Action[]): void {
  apikey
    .command('create')
    .description('create a partner API key; its secret is printed once')
    .requiredOption('--organisation <id>', 'organisation id')
    .requiredOption('--name <name>', 'what the key is for')
    .addOption(new Option('--scope <action...>', 'actions the key may take').choices(scopes).makeOptionMandatory())
    .action((o: { organisation: string; name: string; scope: Action[] }) =>
      withVigie(config(), async (vigie) => {
        const { key, secret } = await vigie.identity.createApiKey(systemActor, {
          organisationId: o.organisation,
          name: o.name,
          scopes: o.scope,
        });
        process.stdout.write(`${key.id}\n${secret}\n`);
      }),
    );
  apikey.command('revoke <id>').action((id: string) => withVigie(config(), (vigie) => vigie.identity.revokeApiKey(systemActor, id)));
  apikey.command('list').action(() =>
    withVigie(config(), async (vigie) => {
      for (const k of await vigie.identity.listApiKeys()) {
        process.stdout.write(`${k.id}\t${k.organisationId}\t${k.revokedAt ? 'revoked' : 'active'}\t${k.scopes.join(',')}\t${k.name}\n`);
      }
    }),
  );
}
