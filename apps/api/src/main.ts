import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { EmbeddedDatabase, EmbeddedPostgresError, startEmbeddedPostgres } from './database/embedded-postgres';
import { DEMO_ACCOUNTS } from './auth/demo-accounts';
import { runMigrations } from './database/migrate';

const log = (message: string) => process.stdout.write(`[proficio] ${message}\n`);

async function resolveDatabase(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  log(`No DATABASE_URL set: starting the embedded PostgreSQL (data in ${config.dataDir}, port ${config.embeddedPgPort}).`);
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'proficio' });
  return { url: embedded.url, embedded };
}

async function bootstrap(): Promise<void> {
  // The built web app sits beside the built api: dist/apps/web/browser next to dist/apps/api.
  const config = loadConfig(process.env, { webDistDir: join(__dirname, '..', 'web', 'browser') });
  const database = await resolveDatabase(config);
  const stopDatabase = async () => database.embedded?.stop();

  try {
    const { applied } = await runMigrations(database.url);
    log(applied.length ? `Applied migrations: ${applied.join(', ')}.` : 'Database schema is up to date.');

    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl: database.url }), {
      bufferLogs: true,
    });
    configureApp(app);
    await app.listen(config.port, config.host);
    log(
      `Proficio is running on http://localhost:${config.port}${config.apiDocs ? ` (API docs: http://localhost:${config.port}/api/docs)` : ''}.`,
    );
    if (config.demoMode) {
      log('Demo mode: sign in with one of the demo accounts (DEMO_MODE=false turns demo mode off):');
      for (const account of DEMO_ACCOUNTS) log(`  ${account.email} / ${account.password} (${account.description})`);
    }

    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      log(`${signal} received: stopping.`);
      app
        .close()
        .then(stopDatabase)
        .then(
          () => process.exit(0),
          (error) => {
            console.error(error);
            process.exit(1);
          },
        );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    await stopDatabase().catch(() => undefined);
    throw error;
  }
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) {
    console.error(`[proficio] ${error.message}`);
  } else {
    console.error('[proficio] Start failed:', error);
  }
  process.exit(1);
});
