import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, validateSync } from 'class-validator';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Configuration of one running Proficio process, read and validated once at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** Postgres connection string; undefined means "start the embedded Postgres". */
  databaseUrl?: string;
  /** Folder for the embedded Postgres cluster (and other local data). */
  dataDir: string;
  embeddedPgPort: number;
  logLevel: LogLevel;
  /** Folder of the built web app to serve on `/`; undefined serves the API only. */
  webDistDir?: string;
  /** Demo mode seeds a demo organisation and shows its accounts on the sign-in page. */
  demoMode: boolean;
  /** Publish the OpenAPI document and its UI (/api/docs, /api/docs-json) to anyone; by default in demo mode only. */
  apiDocs: boolean;
  /** Sign-in attempts allowed per minute, per account and per client address. */
  signInLimitPerAccount: number;
  signInLimitPerAddress: number;
  /** The most the parts of an uploaded .xlsx (a zip archive) may expand to, in bytes; checked before it is parsed. */
  peopleImportXlsxMaxBytes: number;
  /** OpenID Connect single sign-on; undefined when not configured. */
  oidc?: OidcConfig;
  /**
   * Which reverse proxies' X-Forwarded-* headers to believe (Express's `trust proxy`): false (none, the
   * default), true (any: only when every request comes through your proxy), a number of hops, or a list
   * of addresses, subnets or the names loopback, linklocal, uniquelocal. Decides the client address for
   * the sign-in limits, and whether a request came over HTTPS (Secure cookie, HSTS).
   */
  trustProxy: boolean | number | string[];
  /** Email: notifications are mailed through this SMTP server when set, and not at all otherwise. */
  smtpUrl?: string;
  /** The sender of Proficio's email. */
  mailFrom: string;
  /** The address people reach Proficio at, for links in email. */
  publicUrl: string;
}

/** The running process's configuration, for code outside modules (configureApp). */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** An OpenID Connect provider people may sign in with (authorization code flow with PKCE). */
export interface OidcConfig {
  /** The issuer URL; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: must be registered with the provider. */
  redirectUrl: string;
  /** Shown on the sign-in page: "Sign in with <label>". */
  label: string;
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
export const DEFAULT_OIDC_LABEL = 'SSO';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY as Express takes it, or undefined when the text is none of the accepted forms. */
export function parseTrustProxy(text: string): boolean | number | string[] | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (PROXY_NAMES.has(entry)) return true;
    const [address, bits, extra] = entry.split('/');
    if (extra !== undefined || !address || !isIP(address)) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
  });
  return valid && entries.length > 0 ? entries : undefined;
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/;

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value);

/** The environment variables Proficio reads; see the README's configuration table. */
class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  @Min(1, { message: 'must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'must be a PostgreSQL connection URL such as postgres://user:password@host:5432/proficio',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  PROFICIO_DATA_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1024 and 65535' })
  @Min(1024, { message: 'must be a whole number between 1024 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1024 and 65535' })
  EMBEDDED_PG_PORT?: number;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  DEMO_MODE?: 'true' | 'false';

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  API_DOCS?: 'true' | 'false';

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 10000' })
  @Min(1, { message: 'must be a whole number between 1 and 10000' })
  @Max(10000, { message: 'must be a whole number between 1 and 10000' })
  SIGN_IN_LIMIT_PER_ACCOUNT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 10000' })
  @Min(1, { message: 'must be a whole number between 1 and 10000' })
  @Max(10000, { message: 'must be a whole number between 1 and 10000' })
  SIGN_IN_LIMIT_PER_ADDRESS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of megabytes between 1 and 1024' })
  @Min(1, { message: 'must be a whole number of megabytes between 1 and 1024' })
  @Max(1024, { message: 'must be a whole number of megabytes between 1 and 1024' })
  PEOPLE_IMPORT_XLSX_MAX_MB?: number;

  @IsOptional()
  @IsString()
  @Matches(/^[\w.:/, -]{1,2000}$/, {
    message: 'must be false, true, a number of proxy hops, or a comma-separated list of addresses or subnets',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @Matches(HTTP_URL, { message: 'must be an http(s) URL such as https://proficio.example.com' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  PUBLIC_URL?: string;

  @IsOptional()
  @Matches(HTTP_URL, { message: 'must be the http(s) URL of an OpenID Connect issuer such as https://login.example.com/realms/staff' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  OIDC_CLIENT_SECRET?: string;

  @IsOptional()
  @Matches(HTTP_URL, { message: `must be an http(s) URL ending in ${OIDC_CALLBACK_PATH}` })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  OIDC_REDIRECT_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'must be at most 60 characters' })
  OIDC_LABEL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com:465' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(320, { message: 'must be at most 320 characters' })
  @Matches(/@/, { message: 'must be an email address, optionally with a name: Proficio <proficio@example.com>' })
  MAIL_FROM?: string;
}

/** Variables whose values never appear in an error message. */
const SECRET_VARIABLES = new Set(['OIDC_CLIENT_SECRET', 'SMTP_URL']);

/** The OIDC variables that must be set together to turn single sign-on on. */
const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

function oidcConfig(vars: EnvironmentVariables, port: number): OidcConfig | undefined {
  const set = OIDC_REQUIRED.filter((name) => vars[name]);
  if (set.length === 0) {
    const stray = (['OIDC_REDIRECT_URL', 'OIDC_LABEL'] as const).find((name) => vars[name]);
    if (stray)
      throw new ConfigError(`Invalid configuration: ${stray} is set but OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not.`);
    return undefined;
  }
  const missing = OIDC_REQUIRED.find((name) => !vars[name]);
  if (missing)
    throw new ConfigError(
      `Invalid configuration: ${missing} must be set when ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set (single sign-on needs all of ${OIDC_REQUIRED.join(', ')}).`,
    );
  const base = (vars.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const redirectUrl = vars.OIDC_REDIRECT_URL ?? `${base}${OIDC_CALLBACK_PATH}`;
  if (!URL.canParse(redirectUrl) || !new URL(redirectUrl).pathname.endsWith(OIDC_CALLBACK_PATH)) {
    throw new ConfigError(`Invalid configuration: OIDC_REDIRECT_URL must end in ${OIDC_CALLBACK_PATH} (got "${redirectUrl}").`);
  }
  return {
    issuer: vars.OIDC_ISSUER ?? '',
    clientId: vars.OIDC_CLIENT_ID ?? '',
    clientSecret: vars.OIDC_CLIENT_SECRET ?? '',
    redirectUrl,
    label: vars.OIDC_LABEL?.trim() || DEFAULT_OIDC_LABEL,
  };
}

/**
 * Reads the configuration from environment variables. Throws a ConfigError whose
 * message is one line naming the first bad variable and the value it had.
 */
export function loadConfig(env: NodeJS.ProcessEnv, defaults: { webDistDir?: string } = {}): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(EnvironmentVariables, present);
  const [first] = validateSync(vars, { skipMissingProperties: false });
  if (first) {
    const message = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = SECRET_VARIABLES.has(first.property) ? 'a hidden value' : `"${String(env[first.property])}"`;
    throw new ConfigError(`Invalid configuration: ${first.property} ${message} (got ${shown}).`);
  }
  const port = vars.PORT ?? 3000;
  const oidc = oidcConfig(vars, port);
  const trustProxy = vars.TRUST_PROXY === undefined ? false : parseTrustProxy(vars.TRUST_PROXY);
  if (trustProxy === undefined) {
    throw new ConfigError(
      `Invalid configuration: TRUST_PROXY must be false, true, a number of proxy hops, or a comma-separated list of addresses or subnets (got "${vars.TRUST_PROXY}").`,
    );
  }
  // The embedded database is the try-it-out setup: demo data unless told otherwise.
  const demoMode = vars.DEMO_MODE ? vars.DEMO_MODE === 'true' : !vars.DATABASE_URL;
  return {
    port,
    host: vars.HOST ?? '0.0.0.0',
    databaseUrl: vars.DATABASE_URL,
    dataDir: resolve(vars.PROFICIO_DATA_DIR ?? '.data'),
    embeddedPgPort: vars.EMBEDDED_PG_PORT ?? 54329,
    logLevel: vars.LOG_LEVEL ?? 'info',
    webDistDir: vars.WEB_DIST_DIR ? resolve(vars.WEB_DIST_DIR) : defaults.webDistDir,
    demoMode,
    // The route map helps whoever probes a real installation as much as whoever tries Proficio out.
    apiDocs: vars.API_DOCS ? vars.API_DOCS === 'true' : demoMode,
    signInLimitPerAccount: vars.SIGN_IN_LIMIT_PER_ACCOUNT ?? 5,
    signInLimitPerAddress: vars.SIGN_IN_LIMIT_PER_ADDRESS ?? 30,
    peopleImportXlsxMaxBytes: (vars.PEOPLE_IMPORT_XLSX_MAX_MB ?? 50) * 1024 * 1024,
    ...(oidc ? { oidc } : {}),
    trustProxy,
    ...(vars.SMTP_URL ? { smtpUrl: vars.SMTP_URL } : {}),
    mailFrom: vars.MAIL_FROM ?? 'Proficio <proficio@localhost>',
    publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}
