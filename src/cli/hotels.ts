import type { Command } from 'commander';
import type { Config } from '../platform/config/index.js';
import { Problem } from '../platform/http/index.js';
import { systemActor, fail, withVigie } from './context.js';

/** A refusal of the service, as one line an operator can act on. */
function explain(error: unknown): never {
  if (error instanceof Problem) {
    const fields = (error.options.fields ?? []).map((field) => (field.in === 'body' ? field.pointer.slice(1) : field.parameter));
    fail(`${error.kind}${fields.length > 0 ? `: ${fields.join(', ')}` : ''}`);
  }
  throw error;
}

export function hotelCommands(hotel: Command, config: () => Config): void {
  hotel
    .command('add')
    .description('register a hotel of a partner chain; prints its id')
    .requiredOption('--chain <id>', 'the partner organisation that is the chain')
    .requiredOption('--name <name>')
    .requiredOption('--country <code>', 'ISO 3166-1 alpha-2')
    .option('--subdivision <code>', 'ISO 3166-2, e.g. FR-75C')
    .requiredOption('--city <city>')
    .requiredOption('--address <address>', 'street address (a business address)')
    .action(async (o: { chain: string; name: string; country: string; subdivision?: string; city: string; address: string }) => {
      const { isCountryCode } = await import('../reports/index.js');
      const country = isCountryCode(o.country) ? o.country : fail(`${o.country} is not an ISO 3166-1 alpha-2 country code`);
      return withVigie(config(), async (vigie) => {
        const input = {
          chainId: o.chain,
          name: o.name,
          country,
          ...(o.subdivision ? { subdivision: o.subdivision } : {}),
          city: o.city,
          address: o.address,
        };
        const created = await vigie.reports.addHotel(systemActor, input).catch(explain);
        process.stdout.write(`${created.id}\n`);
      });
    });
  hotel
    .command('list')
    .description('list the hotels, of one chain or of all')
    .option('--chain <id>')
    .action((o: { chain?: string }) =>
      withVigie(config(), async (vigie) => {
        const { hotels } = await vigie.reports.listHotels(o.chain ? { chainId: o.chain } : {});
        for (const h of hotels) {
          process.stdout.write(`${h.id}\t${h.chainId}\t${h.country}\t${h.subdivision ?? ''}\t${h.city}\t${h.name}\n`);
        }
      }),
    );
  hotel
    .command('scope <apiKeyId>')
    .description("restrict a chain's API key to some of its hotels (--hotel …), or give it all of them (--all)")
    .option('--all', 'every hotel of the chain, those added later included')
    .option('--hotel <id...>', 'only these hotels')
    .action((apiKeyId: string, o: { all?: boolean; hotel?: string[] }) => {
      if (Boolean(o.all) === Boolean(o.hotel)) fail('give either --all or --hotel');
      return withVigie(config(), async (vigie) => {
        const input = o.all ? { allHotels: true } : { allHotels: false, hotelIds: o.hotel! };
        const scope = await vigie.reports.setKeyScope(systemActor, apiKeyId, input).catch(explain);
        process.stdout.write(scope.allHotels ? 'all hotels of the chain\n' : `${scope.hotelIds.join('\n')}\n`);
      });
    });
}
