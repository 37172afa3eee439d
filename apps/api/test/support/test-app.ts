import { INestApplication } from '@nestjs/common';
import type { CompetencySearchHit, CreateEmployeeRequest, EmployeeDetail, Page, RoleProfileDetail } from '@proficio/shared/contracts';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { hashPassword } from '../../src/auth/password';
import { UserEntity } from '../../src/auth/user.entities';
import { loadConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  /** Requests as the suite's administrator (signed in once, Bearer header set). */
  http(): ReturnType<typeof request.agent>;
  /** Requests with no credentials. */
  anonymous(): ReturnType<typeof request>;
  /** Requests with this access token. */
  as(token: string): ReturnType<typeof request.agent>;
  /** Creates an account (password TEST_PASSWORD) and returns its id. */
  createUser(user: { email: string; isAdmin?: boolean; employeeId?: string | null }): Promise<string>;
  /** A built-in competency found by its exact code (`C.1`, `ITMG`), as the competency search answers it. */
  competency(code: string): Promise<CompetencySearchHit>;
  /** Signs in through the API and returns the access token and the refresh cookie. */
  signIn(email: string, password?: string): Promise<{ token: string; cookie: string }>;
  /** Creates an employee through the API (as the administrator) with an account of their own, and signs them in. */
  signedInEmployee(employee: CreateEmployeeRequest): Promise<{ employee: EmployeeDetail; token: string }>;
  /** Creates a role profile with these target levels through the API and publishes it. */
  publishedRoleProfile(
    name: string,
    requirements: { competencyId: string; targetLevel: number; required?: boolean }[],
  ): Promise<RoleProfileDetail>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra modules mounted beside the real ones (e.g. a probe controller). */
  imports?: Parameters<typeof Test.createTestingModule>[0]['imports'];
  /** Extra environment for loadConfig, e.g. { DEMO_MODE: 'true' }. */
  env?: Record<string, string>;
  /** Serve a built web app from this folder, as production does (by default the suite serves the API only). */
  webDistDir?: string;
}

/**
 * Boots the real Nest application (same modules, guards, pipes, filters and
 * headers as production) on a fresh database copied from the template that
 * globalSetup migrated with the real migrations (synchronize stays off), with
 * one administrator account signed in.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase({ schema: 'migrated' });
  // TEST_LOG_LEVEL=error shows the app's logs (e.g. the stack of a 500) while debugging a test.
  const config = {
    ...loadConfig({
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DEMO_MODE: 'false',
      // Suites read the OpenAPI document to find every route (off by default outside demo mode).
      API_DOCS: 'true',
      SIGN_IN_LIMIT_PER_ADDRESS: '1000',
      ...options.env,
    }),
    webDistDir: options.webDistDir,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url }), ...(options.imports ?? [])],
  })
    // ServeStaticModule picks its loader when the module compiles, and a testing module compiles before it
    // has an HTTP adapter, so it would pick the loader that serves nothing (every page a 404): give it
    // Express's, as NestFactory does in production.
    .overrideProvider(AbstractLoader)
    .useValue(new ExpressLoader())
    .compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app);
  await app.init();

  const server = app.getHttpServer();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const createUser: TestApp['createUser'] = async ({ email, isAdmin = false, employeeId = null }) => {
    const id = randomUUID();
    await app.get(DataSource).manager.insert(UserEntity, { id, email, passwordHash, isAdmin, employeeId });
    return id;
  };
  const signIn: TestApp['signIn'] = async (email, password = TEST_PASSWORD) => {
    const response = await request(server).post('/api/auth/sign-in').send({ email, password });
    if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((value) => value.startsWith('proficio_refresh='));
    return { token: response.body.accessToken as string, cookie: cookie?.split(';')[0] ?? '' };
  };
  const as = (token: string) => request.agent(server).set('authorization', `Bearer ${token}`);
  const competency: TestApp['competency'] = async (code) => {
    const response = await as(adminToken).get(`/api/competencies?q=${encodeURIComponent(code)}`);
    const hit = (response.body as Page<CompetencySearchHit>).items?.find((item) => item.code === code);
    if (!hit) throw new Error(`no competency ${code}: ${response.status}`);
    return hit;
  };

  const signedInEmployee: TestApp['signedInEmployee'] = async (body) => {
    const employee = (await as(adminToken).post('/api/employees').send(body).expect(201)).body as EmployeeDetail;
    await createUser({ email: body.email, employeeId: employee.id });
    return { employee, token: (await signIn(body.email)).token };
  };
  const publishedRoleProfile: TestApp['publishedRoleProfile'] = async (name, requirements) => {
    const draft = (await as(adminToken).post('/api/role-profiles').send({ name, requirements }).expect(201)).body as RoleProfileDetail;
    return (await as(adminToken).post(`/api/role-profiles/${draft.id}/draft/publish`).expect(200)).body as RoleProfileDetail;
  };

  await createUser({ email: 'suite.admin@test.local', isAdmin: true });
  const { token: adminToken } = await signIn('suite.admin@test.local');

  return {
    app,
    database,
    http: () => as(adminToken),
    anonymous: () => request(server),
    as,
    competency,
    createUser,
    signIn,
    signedInEmployee,
    publishedRoleProfile,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * The suite's app, as `createTestApp` gives it: booted before the suite's tests (or before each test, for tests that
 * break it) and closed after them. The object is filled in when the app has started, so tests use it from then on.
 */
export function useTestApp(options: TestAppOptions = {}, lifetime: 'suite' | 'test' = 'suite'): TestApp {
  const testApp = {} as TestApp;
  const [before, after] = lifetime === 'suite' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    Object.assign(testApp, await createTestApp(options));
  });
  after(async () => {
    await testApp.close();
  });
  return testApp;
}
