import type { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/app-config';
import { EmbeddedPostgresError, startEmbeddedPostgres } from './embedded-postgres';

/**
 * Runs a command-line tool's work on the database the app would use: DATABASE_URL, or the embedded PostgreSQL in
 * the data folder, started for the work and stopped after it.
 */
export async function withAppDatabase<T>(config: AppConfig, work: (url: string) => Promise<T>): Promise<T> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'proficio' });
  try {
    return await work(config.databaseUrl ?? embedded?.url ?? '');
  } finally {
    await embedded?.stop();
  }
}

/** A problem the person running the command can fix: printed as its message, without a stack. */
export class CommandError extends Error {}

/**
 * Runs a command-line tool's main and exits with its code. A failure exits 1, printing the message of a problem the
 * person can fix (configuration, the embedded database, a CommandError) and the whole error otherwise.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof CommandError;
      console.error(known ? error.message : error);
      process.exit(1);
    },
  );
}
