import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { runMigrations } from '../../src/database/migrate';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra modules mounted beside the real ones (e.g. a probe controller). */
  imports?: Parameters<typeof Test.createTestingModule>[0]['imports'];
}

/**
 * Boots the real Nest application (same modules, pipes, filters and headers as
 * production) on a fresh database migrated with the real migrations.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await runMigrations(database.url);
  // TEST_LOG_LEVEL=error shows the app's logs (e.g. the stack of a 500) while debugging a test.
  const config = { ...loadConfig({ LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent' }), webDistDir: undefined };
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url }), ...(options.imports ?? [])],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app);
  await app.init();
  return {
    app,
    database,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
