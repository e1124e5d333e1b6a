import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/**
 * The analysis of reported URLs. An analysis hangs off its report item and goes with it
 * (the foreign keys cascade when a report is deleted at the end of its retention).
 */
export const urlMigrations: Migrations = {
  '20261202-50-urls-analyses': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table url_analyses (
          item_id uuid primary key references report_items(id) on delete cascade,
          report_id uuid not null references reports(id) on delete cascade,
          canonical_sealed text,
          domain_path_sealed text,
          canonical_index text,
          domain_path_index text,
          host text not null,
          registrable_domain text,
          dns_outcome text not null,
          countries text[] not null,
          errors jsonb not null,
          dataset text,
          analysed_at timestamptz not null
        );
        create index url_analyses_report on url_analyses (report_id);
        create index url_analyses_canonical on url_analyses (canonical_index);
        create index url_analyses_domain_path on url_analyses (domain_path_index);
        create index url_analyses_countries on url_analyses using gin (countries);

        create table url_analysis_addresses (
          item_id uuid not null references url_analyses(item_id) on delete cascade,
          position smallint not null,
          address inet not null,
          country text,
          asn bigint,
          organisation text,
          rdap_outcome text not null,
          network_handle text,
          network_name text,
          network_country text,
          abuse_handle text,
          abuse_name text,
          abuse_emails text[] not null,
          primary key (item_id, position)
        );

        create table url_rdap_networks (
          first_address inet not null,
          last_address inet not null,
          service text not null,
          handle text,
          name text,
          country text,
          abuse_handle text,
          abuse_name text,
          abuse_emails text[] not null,
          fetched_at timestamptz not null,
          expires_at timestamptz not null,
          primary key (first_address, last_address)
        );
        create index url_rdap_networks_expiry on url_rdap_networks (expires_at);
      `.execute(db);
    },
  },
};
