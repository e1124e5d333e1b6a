import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../store/index.js';

export const auditMigrations: Migrations = {
  '20261122-10-audit-log': {
    async up(db: Kysely<unknown>) {
      // seq is not an identity column: recordAudit takes it from audit_head under a lock,
      // because a sequence also advances in transactions that roll back, and the gaps it
      // leaves would look like removed entries to verifyAudit.
      await sql`
        create table audit_log (
          seq bigint primary key check (seq > 0),
          at timestamptz not null default now(),
          actor_type text not null check (actor_type in ('user', 'api_key', 'system', 'public')),
          actor_id text,
          organisation_id text,
          action text not null,
          subject_type text,
          subject_id text,
          request_id text,
          detail jsonb not null default '{}',
          prev_hash text not null,
          hash text not null
        );
        create index audit_log_subject on audit_log (subject_type, subject_id, seq desc);
        create index audit_log_hash on audit_log (hash);

        create table audit_head (
          only_row boolean primary key default true check (only_row),
          last_seq bigint not null,
          last_hash text not null
        );
        insert into audit_head (last_seq, last_hash) values (0, repeat('0', 64));

        -- Append-only. A superuser can still disable or drop these triggers, which is
        -- why every entry is also chained to the one before it by its hash.
        create function audit_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception 'audit log is append-only: % on % is not allowed', tg_op, tg_table_name;
        end $$;
        create trigger audit_log_append_only before update or delete on audit_log
          for each row execute function audit_refuse_change();
        create trigger audit_log_no_truncate before truncate on audit_log
          for each statement execute function audit_refuse_change();
        create trigger audit_head_kept before delete on audit_head
          for each row execute function audit_refuse_change();
        create trigger audit_head_no_truncate before truncate on audit_head
          for each statement execute function audit_refuse_change();

        create function audit_head_advance() returns trigger language plpgsql as $$
        begin
          if new.last_seq <> old.last_seq + 1 then
            raise exception 'audit head can only advance by one entry (from % to %)', old.last_seq, new.last_seq;
          end if;
          return new;
        end $$;
        create trigger audit_head_advances before update on audit_head
          for each row execute function audit_head_advance();
      `.execute(db);
    },
  },
  '20261122-11-audit-pending': {
    async up(db: Kysely<unknown>) {
      // Entries are written here, in the transaction of the change they record, without
      // any lock; the sealer then chains them into audit_log once their transactions have
      // committed. Appending to the chain directly would make every auditing transaction
      // wait for the previous one's commit.
      await sql`
        create table audit_pending (
          id bigint generated always as identity primary key,
          at timestamptz not null default clock_timestamp(),
          actor_type text not null check (actor_type in ('user', 'api_key', 'system', 'public')),
          actor_id text,
          organisation_id text,
          action text not null,
          subject_type text,
          subject_id text,
          request_id text,
          detail jsonb not null default '{}'
        );
        create trigger audit_pending_no_update before update on audit_pending
          for each row execute function audit_refuse_change();
      `.execute(db);
    },
  },
  '20261203-10-audit-head-batch': {
    async up(db: Kysely<unknown>) {
      // The sealer chains a batch of entries, then moves the head once. The head may only
      // move forward, and only onto an entry of the log whose hash it takes: it can never
      // point past the chain or at a hash the chain does not hold.
      await sql`
        create or replace function audit_head_advance() returns trigger language plpgsql as $$
        begin
          if new.last_seq <= old.last_seq or not exists (
            select 1 from audit_log where seq = new.last_seq and hash = new.last_hash
          ) then
            raise exception 'audit head can only advance to the last chained entry (from % to %)', old.last_seq, new.last_seq;
          end if;
          return new;
        end $$;
      `.execute(db);
    },
  },
};
