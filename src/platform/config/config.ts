import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

const Port = Type.Integer({ minimum: 0, maximum: 65535 });

const Label = Type.String({ minLength: 1, maxLength: 120 });
/** A number the public portal shows at once when a child is in immediate danger. */
const EmergencyNumber = Type.Object(
  {
    number: Type.String({ pattern: '^[0-9+][0-9 ]{1,19}$' }),
    label: Type.Object({ fr: Label, en: Label }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type EmergencyNumber = Static<typeof EmergencyNumber>;

const LegalBasis = Type.String({ minLength: 1, maxLength: 1000 });
/** The default legal basis of notices to hosts: the EU's Digital Services Act and the French offence. */
const defaultNoticeLegalBasis = {
  fr: "Règlement (UE) 2022/2065 sur les services numériques (DSA), articles 6 et 16 : l'hébergeur informé d'un contenu illicite doit le retirer promptement ; article 227-23 du code pénal.",
  en: 'Regulation (EU) 2022/2065 (Digital Services Act), articles 6 and 16: a host made aware of illegal content must remove it expeditiously; article 227-23 of the French Criminal Code.',
};

/** France: the child-protection line, the police, the European emergency number. */
const frenchEmergencyNumbers: EmergencyNumber[] = [
  { number: '119', label: { fr: 'Allô Enfance en Danger, gratuit, 24 h/24', en: 'Allô Enfance en Danger, child protection, free, 24/7' } },
  { number: '17', label: { fr: 'Police secours', en: 'Police' } },
  { number: '112', label: { fr: "Numéro d'urgence européen", en: 'European emergency number' } },
];

/** Every setting of a deployment, read once from the environment at start. */
export const ConfigSchema = Type.Object({
  host: Type.String({ minLength: 1 }),
  port: Port,
  publicUrl: Type.String({ pattern: '^https?://' }),
  dataDir: Type.String({ minLength: 1 }),
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  keyFile: Type.String({ minLength: 1 }),
  keyRing: Type.Optional(Type.String({ minLength: 1 })),
  logLevel: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  trustProxy: Type.Boolean(),
  sessionTtlMinutes: Type.Integer({ minimum: 1 }),
  sessionIdleMinutes: Type.Integer({ minimum: 1 }),
  loginMaxFailures: Type.Integer({ minimum: 1 }),
  loginLockMinutes: Type.Integer({ minimum: 1 }),
  requestsPerMinute: Type.Integer({ minimum: 1 }),
  signInAttemptsPerMinute: Type.Integer({ minimum: 1 }),
  publicSubmissionsPerMinute: Type.Integer({ minimum: 1 }),
  publicLookupsPerMinute: Type.Integer({ minimum: 1 }),
  idempotencyRetentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  workerConcurrency: Type.Integer({ minimum: 1, maximum: 64 }),
  jobPollSeconds: Type.Number({ minimum: 0.5 }),
  auditSealMilliseconds: Type.Integer({ minimum: 50, maximum: 60_000 }),
  challengeMaxNumber: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  emergencyNumbers: Type.Array(EmergencyNumber, { minItems: 1, maxItems: 10 }),
  quickExitUrl: Type.String({ maxLength: 2048, pattern: '^(https?://[^\\s]+|/([^/\\s][^\\s]*)?)$' }),
  matchDistance: Type.Integer({ minimum: 0, maximum: 256 }),
  matchQualityFloor: Type.Integer({ minimum: 0, maximum: 100 }),
  bankImportMaxBytes: Type.Integer({ minimum: 1024 }),
  mediaMaxBytes: Type.Integer({ minimum: 1024, maximum: 1024 ** 3 }),
  mediaMaxPixels: Type.Integer({ minimum: 1, maximum: 0x3fff * 0x3fff }),
  mediaQuarantine: Type.Boolean(),
  mediaRetentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  mediaUploadTtlMinutes: Type.Integer({ minimum: 1, maximum: 7 * 24 * 60 }),
  /** URL analysis (src/urls): DNS servers `host:port` separated by commas (empty: the system's), RDAP, the geo dataset. */
  dnsServers: Type.String({ maxLength: 1000, pattern: '^[0-9A-Fa-f.:\\[\\], ]*$' }),
  dnsTimeoutMs: Type.Integer({ minimum: 100, maximum: 60_000 }),
  geoDir: Type.String({ minLength: 1 }),
  geoRegistry: Type.String({ pattern: '^https?://' }),
  rdapUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
  rdapTimeoutMs: Type.Integer({ minimum: 100, maximum: 120_000 }),
  rdapCacheHours: Type.Integer({ minimum: 1, maximum: 24 * 365 }),
  /** The removal checker (src/actions): ranges it may reach despite its refusals, its time and size caps. */
  fetchAllow: Type.String({ maxLength: 2000, pattern: '^[0-9A-Fa-f.:/, ]*$' }),
  fetchConnectTimeoutMs: Type.Integer({ minimum: 100, maximum: 60_000 }),
  fetchTimeoutMs: Type.Integer({ minimum: 500, maximum: 300_000 }),
  fetchMaxBytes: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024 }),
  /** Mail (src/platform/mail) and notices to hosts (src/actions). */
  smtpUrl: Type.Optional(Type.String({ pattern: '^smtps?://[^\\s]+$' })),
  smtpStartTls: Type.Enum(['required', 'opportunistic', 'never']),
  mailFrom: Type.Optional(Type.String({ maxLength: 320, pattern: '^[^\\r\\n]*[^\\s@<>]+@[^\\s@<>]+>?$' })),
  deploymentName: Type.String({ minLength: 1, maxLength: 120 }),
  deploymentContact: Type.Optional(Type.String({ maxLength: 320 })),
  noticeLegalBasis: Type.Object({ fr: LegalBasis, en: LegalBasis }, { additionalProperties: false }),
  /** Notice and takedown (src/actions): re-sent every interval until removal; removal checked every interval; the notices' languages. */
  noticeInterval: Type.String({ pattern: '^[1-9][0-9]{0,6}(s|m|h|d)$' }),
  removalCheckInterval: Type.String({ pattern: '^[1-9][0-9]{0,6}(s|m|h|d)$' }),
  noticeLanguages: Type.String({ pattern: '^(fr|en)(,(fr|en))?$' }),
  /** Assessment (src/triage): a second analyst's confirmation before anything is actioned, and how long a claim holds. */
  assessmentConfirmation: Type.Enum(['required', 'off']),
  assessmentClaimMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
  /** Routing (src/routing): the deployment's country; content hosted there goes to its police, elsewhere to partners. */
  homeCountry: Type.String({ pattern: '^[A-Z]{2}$' }),
  /** Exchange between deployments (src/exchange): http origins on loopback allowed for partners (tests); otherwise https only. */
  exchangeAllowHttp: Type.String({ maxLength: 2000 }),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Environment variable → setting. Each setting has exactly one variable. */
const variables: Record<keyof Config, string> = {
  host: 'VIGIE_HOST',
  port: 'VIGIE_PORT',
  publicUrl: 'VIGIE_PUBLIC_URL',
  dataDir: 'VIGIE_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  keyFile: 'VIGIE_KEY_FILE',
  keyRing: 'VIGIE_KEYS',
  logLevel: 'VIGIE_LOG_LEVEL',
  bodyLimitBytes: 'VIGIE_BODY_LIMIT_BYTES',
  trustProxy: 'VIGIE_TRUST_PROXY',
  sessionTtlMinutes: 'VIGIE_SESSION_TTL_MINUTES',
  sessionIdleMinutes: 'VIGIE_SESSION_IDLE_MINUTES',
  loginMaxFailures: 'VIGIE_LOGIN_MAX_FAILURES',
  loginLockMinutes: 'VIGIE_LOGIN_LOCK_MINUTES',
  requestsPerMinute: 'VIGIE_REQUESTS_PER_MINUTE',
  signInAttemptsPerMinute: 'VIGIE_SIGN_IN_ATTEMPTS_PER_MINUTE',
  publicSubmissionsPerMinute: 'VIGIE_PUBLIC_SUBMISSIONS_PER_MINUTE',
  publicLookupsPerMinute: 'VIGIE_PUBLIC_LOOKUPS_PER_MINUTE',
  idempotencyRetentionDays: 'VIGIE_IDEMPOTENCY_RETENTION_DAYS',
  workerConcurrency: 'VIGIE_WORKER_CONCURRENCY',
  jobPollSeconds: 'VIGIE_JOB_POLL_SECONDS',
  auditSealMilliseconds: 'VIGIE_AUDIT_SEAL_MS',
  challengeMaxNumber: 'VIGIE_CHALLENGE_MAX_NUMBER',
  emergencyNumbers: 'VIGIE_EMERGENCY_NUMBERS',
  quickExitUrl: 'VIGIE_QUICK_EXIT_URL',
  matchDistance: 'VIGIE_MATCH_DISTANCE',
  matchQualityFloor: 'VIGIE_MATCH_QUALITY_FLOOR',
  bankImportMaxBytes: 'VIGIE_BANK_IMPORT_MAX_BYTES',
  mediaMaxBytes: 'VIGIE_MEDIA_MAX_BYTES',
  mediaMaxPixels: 'VIGIE_MEDIA_MAX_PIXELS',
  mediaQuarantine: 'VIGIE_MEDIA_QUARANTINE',
  mediaRetentionDays: 'VIGIE_MEDIA_RETENTION_DAYS',
  mediaUploadTtlMinutes: 'VIGIE_MEDIA_UPLOAD_TTL_MINUTES',
  dnsServers: 'VIGIE_DNS_SERVERS',
  dnsTimeoutMs: 'VIGIE_DNS_TIMEOUT_MS',
  geoDir: 'VIGIE_GEO_DIR',
  geoRegistry: 'VIGIE_GEO_REGISTRY',
  rdapUrl: 'VIGIE_RDAP_URL',
  rdapTimeoutMs: 'VIGIE_RDAP_TIMEOUT_MS',
  rdapCacheHours: 'VIGIE_RDAP_CACHE_HOURS',
  fetchAllow: 'VIGIE_FETCH_ALLOW',
  fetchConnectTimeoutMs: 'VIGIE_FETCH_CONNECT_TIMEOUT_MS',
  fetchTimeoutMs: 'VIGIE_FETCH_TIMEOUT_MS',
  fetchMaxBytes: 'VIGIE_FETCH_MAX_BYTES',
  smtpUrl: 'VIGIE_SMTP_URL',
  smtpStartTls: 'VIGIE_SMTP_STARTTLS',
  mailFrom: 'VIGIE_MAIL_FROM',
  deploymentName: 'VIGIE_DEPLOYMENT_NAME',
  deploymentContact: 'VIGIE_DEPLOYMENT_CONTACT',
  noticeLegalBasis: 'VIGIE_NOTICE_LEGAL_BASIS',
  noticeInterval: 'VIGIE_NOTICE_INTERVAL',
  removalCheckInterval: 'VIGIE_REMOVAL_CHECK_INTERVAL',
  noticeLanguages: 'VIGIE_NOTICE_LANGUAGES',
  assessmentConfirmation: 'VIGIE_ASSESSMENT_CONFIRMATION',
  assessmentClaimMinutes: 'VIGIE_ASSESSMENT_CLAIM_MINUTES',
  homeCountry: 'VIGIE_HOME_COUNTRY',
  exchangeAllowHttp: 'VIGIE_EXCHANGE_ALLOW_HTTP',
};

export function variableOf(setting: keyof Config): string {
  return variables[setting];
}

function defaults(env: Env): Record<keyof Config, unknown> {
  const dataDir = path.resolve(env.VIGIE_DATA_DIR ?? 'data');
  const port = env.VIGIE_PORT ?? env.PORT ?? '8080';
  const host = env.VIGIE_HOST ?? '127.0.0.1';
  return {
    host,
    port,
    publicUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    dataDir,
    databaseUrl: undefined,
    keyFile: path.join(dataDir, 'keys.json'),
    keyRing: undefined,
    logLevel: 'info',
    bodyLimitBytes: String(1024 * 1024),
    trustProxy: 'false',
    sessionTtlMinutes: '720',
    sessionIdleMinutes: '60',
    loginMaxFailures: '5',
    loginLockMinutes: '15',
    requestsPerMinute: '600',
    signInAttemptsPerMinute: '10',
    publicSubmissionsPerMinute: '10',
    publicLookupsPerMinute: '30',
    idempotencyRetentionDays: '30',
    workerConcurrency: '4',
    jobPollSeconds: '2',
    auditSealMilliseconds: '1000',
    challengeMaxNumber: '100000',
    emergencyNumbers: frenchEmergencyNumbers,
    quickExitUrl: '/recettes/',
    matchDistance: '31',
    matchQualityFloor: '50',
    bankImportMaxBytes: String(1024 ** 3),
    mediaMaxBytes: String(25 * 1024 * 1024),
    mediaMaxPixels: '50000000',
    mediaQuarantine: 'false',
    mediaRetentionDays: '90',
    mediaUploadTtlMinutes: '1440',
    dnsServers: '',
    dnsTimeoutMs: '5000',
    geoDir: path.join(dataDir, 'geo'),
    geoRegistry: 'https://registry.npmjs.org',
    rdapUrl: undefined,
    rdapTimeoutMs: '10000',
    rdapCacheHours: '168',
    fetchAllow: '',
    fetchConnectTimeoutMs: '5000',
    fetchTimeoutMs: '20000',
    fetchMaxBytes: String(1024 * 1024),
    smtpUrl: undefined,
    smtpStartTls: 'required',
    mailFrom: undefined,
    deploymentName: 'Vigie',
    deploymentContact: undefined,
    noticeLegalBasis: defaultNoticeLegalBasis,
    noticeInterval: '24h',
    removalCheckInterval: '1h',
    noticeLanguages: 'fr,en',
    assessmentConfirmation: 'required',
    assessmentClaimMinutes: '30',
    homeCountry: 'FR',
    exchangeAllowHttp: '',
  };
}

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function coerce(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/** Settings whose text is never read as a number or a boolean. */
const keptAsText = new Set<keyof Config>([
  'host',
  'keyRing',
  'databaseUrl',
  'quickExitUrl',
  'dnsServers',
  'geoDir',
  'fetchAllow',
  'smtpUrl',
  'mailFrom',
  'deploymentName',
  'deploymentContact',
  'noticeInterval',
  'removalCheckInterval',
  'noticeLanguages',
  'exchangeAllowHttp',
]);

/** Reads and validates the whole configuration; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const base = defaults(env);
  const candidate: Record<string, unknown> = {};
  for (const key of Object.keys(variables) as (keyof Config)[]) {
    const fromEnv = env[variables[key]];
    const raw = fromEnv === undefined || fromEnv === '' ? base[key] : fromEnv;
    if (raw === undefined) continue;
    if (key === 'emergencyNumbers' || key === 'noticeLegalBasis') candidate[key] = parseJson(raw);
    else candidate[key] = keptAsText.has(key) ? raw : coerce(raw);
  }
  if (typeof candidate.dataDir === 'string') candidate.dataDir = path.resolve(candidate.dataDir);
  if (typeof candidate.geoDir === 'string') candidate.geoDir = path.resolve(candidate.geoDir);
  if (Value.Check(ConfigSchema, candidate)) return candidate;
  const problems = Value.Errors(ConfigSchema, candidate).map((error) => {
    const setting = error.instancePath.split('/')[1] as keyof Config | undefined;
    const name = setting ? variables[setting] : 'configuration';
    const shown =
      setting === 'keyRing' || setting === 'databaseUrl' || setting === 'smtpUrl' ? '(hidden)' : JSON.stringify(candidate[setting ?? '']);
    return `${name}=${shown}: ${error.message}`;
  });
  throw new ConfigError([...new Set(problems)]);
}
