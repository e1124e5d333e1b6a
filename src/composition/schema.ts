import { actionMigrations, actionSealedColumns } from '../actions/index.js';
import { blocklistMigrations, blocklistSealedColumns } from '../blocklist/index.js';
import { demoMigrations } from '../demo/index.js';
import { exchangeMigrations, exchangeSealedColumns } from '../exchange/index.js';
import { identityMigrations, identitySealedColumns } from '../identity/index.js';
import { bankMigrations } from '../media/banks/index.js';
import { auditMigrations } from '../platform/audit/index.js';
import { challengeMigrations } from '../platform/challenge/index.js';
import { collectSealedColumns, type SealedColumn } from '../platform/crypto/index.js';
import { mailMigrations, mailSealedColumns } from '../platform/mail/index.js';
import { referralMigrations, referralSealedColumns } from '../referrals/index.js';
import { reportMigrations, reportSealedColumns } from '../reports/index.js';
import { routingMigrations } from '../routing/index.js';
import { triageMigrations, triageSealedColumns } from '../triage/index.js';
import { urlMigrations, urlSealedColumns } from '../urls/index.js';
import { webappMigrations } from '../webapp/index.js';

/** Every sealed column of every module, for key rotation. */
export const sealedColumns: readonly SealedColumn[] = collectSealedColumns(
  identitySealedColumns,
  reportSealedColumns,
  urlSealedColumns,
  triageSealedColumns,
  referralSealedColumns,
  actionSealedColumns,
  exchangeSealedColumns,
  mailSealedColumns,
  blocklistSealedColumns,
);

/** Every module's migrations, in the order their tables depend on one another. */
export const allMigrations = [
  auditMigrations,
  identityMigrations,
  reportMigrations,
  urlMigrations,
  triageMigrations,
  referralMigrations,
  exchangeMigrations,
  routingMigrations,
  challengeMigrations,
  bankMigrations,
  mailMigrations,
  actionMigrations,
  webappMigrations,
  blocklistMigrations,
  demoMigrations,
];
