import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Problem, type FieldProblem } from '../platform/http/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import { contributableBankPurposes, packageFormat, type ContributionPackage, type ContributionRecord } from './model.js';
import type { Actor, AuditWriter, BankEntry, BankSummary, ContributionSources, ReportedMedia } from './ports.js';

export interface ContributionDeps {
  db: Kysely<AnyDatabase>;
  audit: AuditWriter;
  sources: ContributionSources;
  /** VIGIE_HOME_COUNTRY: the contributing country. */
  country: string;
  now?: () => Date;
}

export interface ExportOptions {
  /** Own banks (ids or names) whose enabled, illegal entries join the package. */
  banks?: readonly string[];
}

const chunkSize = 1000;
const day = (iso: string) => iso.slice(0, 10);

/** The identity of a content item across sources: its strongest exact hash, else its PDQ hash. */
function keyOf(record: Pick<ContributionRecord, 'sha256' | 'sha1' | 'md5' | 'pdq'>): string | null {
  if (record.sha256) return `sha256:${record.sha256}`;
  if (record.sha1) return `sha1:${record.sha1}`;
  if (record.md5) return `md5:${record.md5}`;
  return record.pdq ? `pdq:${record.pdq}` : null;
}

/** Two records of one item: every hash either knows, the earliest day, `baseline` over `national`, each basis once. */
function merge(a: ContributionRecord, b: ContributionRecord): ContributionRecord {
  return {
    md5: a.md5 ?? b.md5,
    sha1: a.sha1 ?? b.sha1,
    sha256: a.sha256 ?? b.sha256,
    pdq: a.pdq ?? b.pdq,
    pdqQuality: a.pdq ? a.pdqQuality : b.pdqQuality,
    mediaType: a.mediaType ?? b.mediaType,
    legalStatus: a.legalStatus === 'baseline' || b.legalStatus === 'baseline' ? 'baseline' : 'national',
    imageryClass: a.imageryClass ?? b.imageryClass,
    ageGroup: a.ageGroup ?? b.ageGroup,
    category: a.category ?? b.category,
    firstSeen: a.firstSeen <= b.firstSeen ? a.firstSeen : b.firstSeen,
    basis: [...new Set([...a.basis, ...b.basis])].sort(),
  };
}

async function ownBanks(sources: ContributionSources, wanted: readonly string[]): Promise<BankSummary[]> {
  const problems: FieldProblem[] = [];
  const banks: BankSummary[] = [];
  for (const [index, idOrName] of wanted.entries()) {
    const bank = await sources.findBank(idOrName);
    if (!bank) problems.push({ in: 'query', parameter: `bank[${index}]`, code: 'invalid' });
    else if (!(contributableBankPurposes as readonly string[]).includes(bank.purpose)) {
      problems.push({ in: 'query', parameter: `bank[${index}]`, code: 'choice' });
    } else if (!banks.some((known) => known.id === bank.id)) banks.push(bank);
  }
  if (problems.length > 0) throw new Problem('validation', { fields: problems });
  return banks;
}

async function allEntries(sources: ContributionSources, bankId: string): Promise<BankEntry[]> {
  const entries: BankEntry[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await sources.bankEntries(bankId, after);
    entries.push(...page.entries);
    if (!page.next) return entries;
    after = page.next;
  }
}

/**
 * Builds the package: the hashes of every media item of reports whose final assessment is
 * illegal, and of the enabled illegal entries of the own banks asked for, one record per
 * content item (merged on its strongest hash), in a stable order; the manifest counts them
 * and carries the SHA-256 of the records' exact bytes. Audited (`contribution.export`, counts).
 */
export async function buildContribution(deps: ContributionDeps, actor: Actor, options: ExportOptions = {}): Promise<ContributionPackage> {
  const banks = await ownBanks(deps.sources, options.banks ?? []);
  const classified = await deps.sources.classifiedReports();
  const classificationOf = new Map(classified.map((report) => [report.reportId, report]));
  const media: ReportedMedia[] = [];
  const reportIds = classified.map((report) => report.reportId);
  for (let start = 0; start < reportIds.length; start += chunkSize) {
    media.push(...(await deps.sources.mediaOf(reportIds.slice(start, start + chunkSize))));
  }
  const records = new Map<string, ContributionRecord>();
  const add = (record: ContributionRecord) => {
    const key = keyOf(record);
    if (!key) return;
    const known = records.get(key);
    records.set(key, known ? merge(known, record) : record);
  };
  let fromAssessments = 0;
  for (const item of media) {
    const report = classificationOf.get(item.reportId);
    if (!report) continue;
    fromAssessments += 1;
    add({
      md5: item.md5,
      sha1: item.sha1,
      sha256: item.sha256,
      pdq: item.pdq,
      pdqQuality: item.pdq ? item.pdqQuality : null,
      mediaType: item.mediaType,
      legalStatus: report.legalStatus,
      imageryClass: report.imageryClass,
      ageGroup: report.ageGroup,
      category: report.category,
      firstSeen: day(item.receivedAt),
      basis: ['assessment'],
    });
  }
  let fromBanks = 0;
  const bankCounts: { id: string; name: string; entries: number }[] = [];
  for (const bank of banks) {
    let counted = 0;
    for (const entry of await allEntries(deps.sources, bank.id)) {
      const legalStatus = entry.classification.legalStatus;
      if (!entry.enabled || (legalStatus !== 'baseline' && legalStatus !== 'national')) continue;
      counted += 1;
      add({
        md5: entry.md5,
        sha1: entry.sha1,
        sha256: entry.sha256,
        pdq: entry.pdq,
        pdqQuality: entry.pdq ? entry.pdqQuality : null,
        mediaType: null,
        legalStatus,
        imageryClass: entry.classification.industryCategory,
        ageGroup: entry.classification.ageGroup,
        category: null,
        firstSeen: entry.date,
        basis: ['bank'],
      });
    }
    fromBanks += counted;
    bankCounts.push({ id: bank.id, name: bank.name, entries: counted });
  }
  const ordered = [...records.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
  const content = ordered.map((record) => `${JSON.stringify(record)}\n`).join('');
  const bytes = Buffer.byteLength(content);
  const count = (test: (record: ContributionRecord) => boolean) => ordered.filter(test).length;
  const pack: ContributionPackage = {
    manifest: {
      format: packageFormat,
      createdAt: (deps.now ?? (() => new Date()))().toISOString(),
      country: deps.country,
      content: { file: 'hashes.jsonl', sha256: createHash('sha256').update(content).digest('hex'), bytes },
      counts: {
        records: ordered.length,
        fromAssessments,
        fromBanks,
        withPdq: count((record) => record.pdq !== null),
        withMd5: count((record) => record.md5 !== null),
        withSha1: count((record) => record.sha1 !== null),
        withSha256: count((record) => record.sha256 !== null),
        baseline: count((record) => record.legalStatus === 'baseline'),
        national: count((record) => record.legalStatus === 'national'),
      },
      sources: { assessedReports: classified.length, banks: bankCounts },
    },
    content,
  };
  await deps.db.transaction().execute((trx) =>
    deps.audit(trx, actor, {
      action: 'contribution.export',
      subjectType: 'contribution',
      subjectId: pack.manifest.content.sha256,
      detail: {
        records: pack.manifest.counts.records,
        fromAssessments,
        fromBanks,
        banks: banks.map((bank) => bank.id),
      },
    }),
  );
  return pack;
}
