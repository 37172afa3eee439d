import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
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
  /** Sign-in attempts allowed per minute, per account and per client address. */
  signInLimitPerAccount: number;
  signInLimitPerAddress: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;

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
}

/**
 * Reads the configuration from environment variables. Throws a ConfigError whose
 * message is one line naming the first bad variable and the value it had.
 */
export function loadConfig(env: NodeJS.ProcessEnv, defaults: { webDistDir?: string } = {}): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, present);
  const [first] = validateSync(vars, { skipMissingProperties: false });
  if (first) {
    const message = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(`Invalid configuration: ${first.property} ${message} (got "${String(env[first.property])}").`);
  }
  return {
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '0.0.0.0',
    databaseUrl: vars.DATABASE_URL,
    dataDir: resolve(vars.PROFICIO_DATA_DIR ?? '.data'),
    embeddedPgPort: vars.EMBEDDED_PG_PORT ?? 54329,
    logLevel: vars.LOG_LEVEL ?? 'info',
    webDistDir: vars.WEB_DIST_DIR ? resolve(vars.WEB_DIST_DIR) : defaults.webDistDir,
    // The embedded database is the try-it-out setup: demo data unless told otherwise.
    demoMode: vars.DEMO_MODE ? vars.DEMO_MODE === 'true' : !vars.DATABASE_URL,
    signInLimitPerAccount: vars.SIGN_IN_LIMIT_PER_ACCOUNT ?? 5,
    signInLimitPerAddress: vars.SIGN_IN_LIMIT_PER_ADDRESS ?? 30,
  };
}
