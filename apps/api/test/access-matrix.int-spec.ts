/**
 * The authorisation matrix: every route of the API, called by each kind of
 * caller, answers the expected status. Routes come from the OpenAPI document,
 * so a new route without an entry here fails this test.
 *
 * Callers come from the demo organisation: Sara (Service Desk Analyst) reports
 * to Luca, who reports to Marco (Service Delivery Manager); Nadia reports to
 * Giulia, outside Marco's line; Hana is the HR administrator.
 */
import type {
  AuthConfig,
  EmployeeDetail,
  EmployeeSummary,
  FrameworkSummary,
  Me,
  Page,
  RoleProfileDetail,
  RoleProfileSummary,
  TeamNode,
} from '@proficio/shared/contracts';
import { DEMO_ACCOUNTS } from '../src/auth/demo-accounts';
import { createTestApp, TestApp } from './support/test-app';

type Caller =
  'anonymous' | 'employeeOnSelf' | 'employeeOnAnother' | 'managerOnDirect' | 'managerOnIndirect' | 'managerOutsideLine' | 'admin';
const CALLERS: Caller[] = [
  'anonymous',
  'employeeOnSelf',
  'employeeOnAnother',
  'managerOnDirect',
  'managerOnIndirect',
  'managerOutsideLine',
  'admin',
];

/** The demo accounts the suite signs in (`tokens`). */
type DemoAccount = 'admin' | 'manager' | 'employee';

/** Expected status per caller; `all` fills in the callers not named. */
type Expectation = Partial<Record<Caller | 'all', number>>;

const signedIn = (status: number): Expectation => ({ anonymous: 401, all: status });
/** Routes for administrators only: `status` for an admin, 403 for everyone else signed in. */
const adminOnly = (status: number): Expectation => ({ anonymous: 401, admin: status, all: 403 });
/** Routes about one employee that follow the reporting line: `status` for whoever may see them, 404 (as for an unknown id) for anyone else. */
const reachable = (status: number): Expectation => ({
  anonymous: 401,
  employeeOnSelf: status,
  employeeOnAnother: 404,
  managerOnDirect: status,
  managerOnIndirect: status,
  managerOutsideLine: 404,
  admin: status,
});

/** Route -> expected statuses. `:employee` is replaced by the subject each caller is tested on. */
const MATRIX: Record<string, Expectation> = {
  'GET /api/health': { all: 200 },
  'GET /api/auth/config': { all: 200 },
  'POST /api/auth/sign-in': { all: 400 },
  'POST /api/auth/refresh': { all: 401 },
  'POST /api/auth/sign-out': { all: 204 },
  'POST /api/auth/password': { anonymous: 401, all: 400 },
  // Public; single sign-on is not configured here, so both answer 404 (see oidc.int-spec.ts for the 302s).
  'GET /api/auth/oidc': { all: 404 },
  'GET /api/auth/oidc/callback': { all: 404 },
  'GET /api/me': signedIn(200),
  'GET /api/me/export': signedIn(200),
  // Only the person or an admin; :employee is active, so an admin's anonymisation is refused (409).
  // Someone the caller may not see answers 404, as an unknown id does; their managers see them but may not export (403).
  'GET /api/employees/:employee/export': {
    anonymous: 401,
    employeeOnSelf: 200,
    admin: 200,
    employeeOnAnother: 404,
    managerOutsideLine: 404,
    all: 403,
  },
  'POST /api/employees/:employee/anonymisation': adminOnly(409),
  'GET /api/teams': signedIn(200),
  // :team is Service Desk, which has members: an admin's delete is refused (409) and an empty PATCH changes nothing.
  'POST /api/teams': adminOnly(400),
  'PATCH /api/teams/:team': adminOnly(200),
  'DELETE /api/teams/:team': adminOnly(409),
  'GET /api/employees': signedIn(200),
  'POST /api/employees': adminOnly(400),
  'PATCH /api/employees/:employee': adminOnly(200),
  'GET /api/audit-events': adminOnly(200),
  'GET /api/employees/:employee': reachable(200),
  'GET /api/employees/:employee/reports': reachable(200),
  // Assessments follow the employee record's reach: 404 outside it. An empty body is refused (400) before access is looked at;
  // assessments.int-spec.ts checks who may record which role for whom.
  'GET /api/employees/:employee/assessments': reachable(200),
  'GET /api/employees/:employee/competencies': reachable(200),
  'GET /api/employees/:employee/progression': reachable(200),
  'POST /api/assessments': { anonymous: 401, all: 400 },
  'POST /api/assessments/batch': { anonymous: 401, all: 400 },
  // Everyone gets their own grid (empty without reports).
  'GET /api/me/team-grid': signedIn(200),
  // :evidence is submitted evidence about the caller's subject, with one file (:file). Empty bodies are refused (400) before
  // access is looked at; evidence.int-spec.ts checks who may submit, amend and review. Submitted revisions cannot be discarded
  // (409 for the person and admins); managers may not act as authors (403).
  'GET /api/evidence': signedIn(200),
  'POST /api/evidence': { anonymous: 401, all: 400 },
  'GET /api/evidence/:evidence': reachable(200),
  'PUT /api/evidence/:evidence': { anonymous: 401, all: 400 },
  'DELETE /api/evidence/:evidence': { ...reachable(409), managerOnDirect: 403, managerOnIndirect: 403 },
  'POST /api/evidence/:evidence/submission': { anonymous: 401, all: 400 },
  'POST /api/evidence/:evidence/verdicts': { anonymous: 401, all: 400 },
  'POST /api/evidence/:evidence/comments': { anonymous: 401, all: 400 },
  'POST /api/evidence/:evidence/files': { anonymous: 401, all: 400 },
  'GET /api/evidence/:evidence/files/:file': reachable(200),
  'DELETE /api/evidence/:evidence/files/:file': { ...reachable(409), managerOnDirect: 403, managerOnIndirect: 403 },
  // Everyone has an inbox and a bell (empty without reports or news).
  'GET /api/inbox': signedIn(200),
  'GET /api/inbox/evidence': signedIn(200),
  'GET /api/inbox/disagreements': signedIn(200),
  'GET /api/notifications': signedIn(200),
  'POST /api/notifications/read': signedIn(200),
  // :reviewCycle is an open cycle made in beforeAll with a review of every subject (:review), each not started and assigned to the
  // subject's manager. An open review is seen by the person, the manager it is assigned to and admins; a manager higher in the line
  // (Marco on Sara's) gets 404 until it is locked. Empty bodies are refused (400) before access is looked at; reviews.int-spec.ts
  // walks every step. No action applies to a review not started but its person's start, so share answers 409 to whoever may see it.
  'GET /api/review-cycles': signedIn(200),
  'POST /api/review-cycles': adminOnly(400),
  'GET /api/review-cycles/:reviewCycle': signedIn(200),
  'PUT /api/review-cycles/:reviewCycle': adminOnly(400),
  'DELETE /api/review-cycles/:reviewCycle': adminOnly(409),
  'GET /api/review-cycles/:reviewCycle/preview': adminOnly(200),
  'GET /api/review-cycles/:reviewCycle/progress': signedIn(200),
  'POST /api/review-cycles/:reviewCycle/open': adminOnly(409),
  'POST /api/review-cycles/:reviewCycle/participants': adminOnly(400),
  'GET /api/reviews': signedIn(200),
  'GET /api/reviews/:review': { ...reachable(200), managerOnIndirect: 404 },
  'GET /api/reviews/:review/guide': { ...reachable(200), managerOnIndirect: 404, employeeOnSelf: 404 },
  'GET /api/reviews/:review/snapshots/{number}': { anonymous: 401, all: 404 },
  'PUT /api/reviews/:review/ratings': { anonymous: 401, all: 400 },
  'PUT /api/reviews/:review/notes': { anonymous: 401, all: 400 },
  'POST /api/reviews/:review/actions/{action}': { ...reachable(409), managerOnIndirect: 404 },
  'PUT /api/reviews/:review/manager': adminOnly(400),
  'GET /api/frameworks': signedIn(200),
  'GET /api/frameworks/schema': signedIn(200),
  'GET /api/frameworks/:framework': signedIn(200),
  'GET /api/frameworks/:framework/outline': signedIn(200),
  'GET /api/frameworks/:framework/export': signedIn(400),
  'GET /api/frameworks/:framework/export/preview': signedIn(400),
  'GET /api/frameworks/:framework/scale': adminOnly(200),
  'PUT /api/frameworks/:framework/scale': adminOnly(400),
  'POST /api/frameworks/imports': adminOnly(400),
  'GET /api/frameworks/imports/:import': adminOnly(404),
  'POST /api/frameworks/imports/:import/commit': adminOnly(404),
  'POST /api/people-imports': adminOnly(400),
  'GET /api/people-imports/:import': adminOnly(404),
  'GET /api/people-imports/:import/rows': adminOnly(404),
  'POST /api/people-imports/:import/commit': adminOnly(404),
  'GET /api/competencies': signedIn(200),
  'GET /api/competencies/:competency': signedIn(404),
  // :roleProfile is a published profile made in beforeAll; the writes below leave it as it is.
  'GET /api/role-profiles': signedIn(200),
  'POST /api/role-profiles': adminOnly(400),
  'GET /api/role-profiles/:roleProfile': signedIn(200),
  'PATCH /api/role-profiles/:roleProfile': adminOnly(200),
  'PUT /api/role-profiles/:roleProfile/draft': adminOnly(400),
  'DELETE /api/role-profiles/:roleProfile/draft': adminOnly(409),
  'POST /api/role-profiles/:roleProfile/draft/publish': adminOnly(409),
  'POST /api/role-profiles/:roleProfile/copies': adminOnly(400),
  // Starts a draft of :roleProfile: keep it after the routes that expect none.
  'POST /api/role-profiles/:roleProfile/versions': adminOnly(201),
  // :user is an account without an employee made in beforeAll; an empty PATCH changes nothing, the reset gives it a temporary password.
  'GET /api/users': adminOnly(200),
  'POST /api/users': adminOnly(400),
  'PATCH /api/users/:user': adminOnly(200),
  'POST /api/users/:user/password-reset': adminOnly(200),
  // Closes :reviewCycle: keep it last.
  'POST /api/review-cycles/:reviewCycle/close': adminOnly(200),
};

describe('authorisation matrix', () => {
  let testApp: TestApp;
  const tokens: Record<string, string> = {};
  const people: Record<string, string> = {};
  let frameworkId: string;
  let teamId: string;
  let roleProfileId: string;
  let userId: string;
  /** Per subject employee: submitted evidence about them and its file. */
  const evidenceOf: Record<string, { id: string; file: string }> = {};
  let reviewCycleId: string;
  /** Per subject employee: their review in :reviewCycle. */
  const reviewOf: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await createTestApp({ env: { DEMO_MODE: 'true' } });
    const [admin, manager, employee] = DEMO_ACCOUNTS.map((account) => account);
    for (const [name, account] of [
      ['admin', admin],
      ['manager', manager],
      ['employee', employee],
    ] as const) {
      tokens[name] = (await testApp.signIn(account?.email ?? '', account?.password)).token;
    }
    const everyone = (
      await testApp
        .as(tokens['admin'] ?? '')
        .get('/api/employees?pageSize=100')
        .expect(200)
    ).body as Page<EmployeeSummary>;
    for (const person of everyone.items) people[person.name.split(' ')[0]?.toLowerCase() ?? ''] = person.id;
    frameworkId = ((await testApp.http().get('/api/frameworks').expect(200)).body as Page<FrameworkSummary>).items[0]?.id ?? '';
    const flatTeams = (nodes: TeamNode[]): TeamNode[] => nodes.flatMap((node) => [node, ...flatTeams(node.children)]);
    teamId =
      flatTeams((await testApp.http().get('/api/teams').expect(200)).body as TeamNode[]).find((team) => team.name === 'Service Desk')?.id ??
      '';
    const competency = await testApp.competency('C.1');
    roleProfileId = (
      await testApp
        .http()
        .post('/api/role-profiles')
        .send({ name: 'Matrix Analyst', requirements: [{ competencyId: competency.id, targetLevel: competency.levels[0] }] })
        .expect(201)
    ).body.id;
    await testApp.http().post(`/api/role-profiles/${roleProfileId}/draft/publish`).expect(200);
    userId = await testApp.createUser({ email: 'matrix.account@test.local' });
    const smp = await testApp.competency('SMP');
    for (const name of ['sara', 'tom', 'luca', 'nadia']) {
      const admin = testApp.as(tokens['admin'] ?? '');
      const created = (
        await admin
          .post('/api/evidence')
          .send({
            employeeId: people[name],
            title: `Evidence of ${name}`,
            activityFrom: '2026-01-05',
            claims: [{ competencyId: smp.id, level: 1 }],
          })
          .expect(201)
      ).body as { id: string };
      const file = (
        await admin.post(`/api/evidence/${created.id}/files`).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'proof.pdf').expect(201)
      ).body as { id: string };
      await admin.post(`/api/evidence/${created.id}/submission`).send({ revision: 1 }).expect(200);
      evidenceOf[people[name] ?? ''] = { id: created.id, file: file.id };
    }
    const subjects = ['sara', 'tom', 'luca', 'nadia'].map((name) => people[name] ?? '');
    reviewCycleId = (
      await testApp
        .http()
        .post('/api/review-cycles')
        .send({
          name: 'Matrix cycle',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          selfDue: '2099-01-01',
          managerDue: '2099-02-01',
          participants: { kind: 'people', employeeIds: subjects },
          includeTargetRole: false,
        })
        .expect(201)
    ).body.id;
    await testApp.http().post(`/api/review-cycles/${reviewCycleId}/open`).expect(200);
    const reviews = (await testApp.http().get(`/api/reviews?cycleId=${reviewCycleId}`).expect(200)).body as Page<{
      id: string;
      employee: { id: string };
    }>;
    for (const review of reviews.items) reviewOf[review.employee.id] = review.id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** Who calls, and on which employee. */
  function caller(kind: Caller): { token?: string; employee: string } {
    switch (kind) {
      case 'anonymous':
        return { employee: people['sara'] ?? '' };
      case 'employeeOnSelf':
        return { token: tokens['employee'], employee: people['sara'] ?? '' };
      case 'employeeOnAnother':
        return { token: tokens['employee'], employee: people['tom'] ?? '' };
      case 'managerOnDirect':
        return { token: tokens['manager'], employee: people['luca'] ?? '' };
      case 'managerOnIndirect':
        return { token: tokens['manager'], employee: people['sara'] ?? '' };
      case 'managerOutsideLine':
        return { token: tokens['manager'], employee: people['nadia'] ?? '' };
      case 'admin':
        return { token: tokens['admin'], employee: people['nadia'] ?? '' };
    }
  }

  it('has an entry for every route of the API', async () => {
    const document = (await testApp.anonymous().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{id\}/g, ':id')}`),
    );
    const known = Object.keys(MATRIX).map((route) =>
      route
        .replace(':file', '{fileId}')
        .replace(/:(employee|framework|import|competency|roleProfile|team|user|evidence|reviewCycle|review)/g, ':id'),
    );
    expect(routes.filter((route) => !known.includes(route))).toEqual([]);
  });

  it('documents each route’s authentication and roles in OpenAPI as the matrix expects them', async () => {
    type Operation = { security?: Array<Record<string, unknown>>; responses?: Record<string, unknown> };
    const document = (await testApp.anonymous().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const undocumented: string[] = [];
    for (const [route, expected] of Object.entries(MATRIX)) {
      const [method, template] = route.split(' ') as [string, string];
      const operation =
        document.paths[
          template
            .replace(':file', '{fileId}')
            .replace(/:(employee|framework|import|competency|roleProfile|team|user|evidence|reviewCycle|review|id)/g, '{id}')
        ]?.[method.toLowerCase()];
      if (!operation) continue; // the entry test above reports unknown routes
      const needsSignIn = (expected.anonymous ?? expected.all) === 401;
      const forbidsSome = CALLERS.some((kind) => kind !== 'anonymous' && (expected[kind] ?? expected.all) === 403);
      if (needsSignIn && !operation.security?.some((scheme) => 'bearer' in scheme || 'refresh-cookie' in scheme))
        undocumented.push(`${route}: no security scheme`);
      if (forbidsSome && !operation.responses?.['403']) undocumented.push(`${route}: no 403 response saying who may call it`);
    }
    expect(undocumented).toEqual([]);
  });

  const cases = Object.entries(MATRIX).flatMap(([route, expected]) =>
    CALLERS.map((kind) => [route, kind, expected[kind] ?? expected.all] as const),
  );

  it.each(cases)('%s as %s -> %i', async (route, kind, status) => {
    const [method, template] = route.split(' ') as [string, string];
    const who = caller(kind);
    const path = template
      .replace(':employee', who.employee)
      .replace(':framework', frameworkId)
      .replace(':team', teamId)
      .replace(':import', '00000000-0000-4000-8000-000000000000')
      .replace(':competency', '00000000-0000-4000-8000-000000000000')
      .replace(':roleProfile', roleProfileId)
      .replace(':user', userId)
      .replace(':evidence', evidenceOf[who.employee]?.id ?? '')
      .replace(':file', evidenceOf[who.employee]?.file ?? '')
      .replace(':reviewCycle', reviewCycleId)
      .replace(':review', reviewOf[who.employee] ?? '')
      .replace('{action}', 'share')
      .replace('{number}', '1');
    const agent = who.token ? testApp.as(who.token) : testApp.anonymous();
    const call =
      method === 'GET'
        ? agent.get(path)
        : method === 'DELETE'
          ? agent.delete(path)
          : method === 'PATCH'
            ? agent.patch(path).send({})
            : method === 'PUT'
              ? agent.put(path).send({})
              : agent.post(path).send({});
    const response = await call;
    expect({ route, kind, status: response.status }).toEqual({ route, kind, status });
  });

  describe('what each caller sees', () => {
    /** What a demo account reads at this path (it must answer 200). */
    const read = async <T>(caller: DemoAccount, path: string): Promise<T> =>
      (
        await testApp
          .as(tokens[caller] ?? '')
          .get(path)
          .expect(200)
      ).body as T;

    it('gives each demo account its roles', async () => {
      const me = (caller: DemoAccount) => read<Me>(caller, '/api/me');
      expect(await me('admin')).toMatchObject({ roles: ['admin', 'employee'], employee: { name: 'Hana Ito' } });
      expect(await me('manager')).toMatchObject({
        roles: ['manager', 'employee'],
        reportCount: 4,
        employee: { name: 'Marco Rossi' },
      });
      expect(await me('employee')).toMatchObject({ roles: ['employee'], reportCount: 0, employee: { name: 'Sara Bianchi' } });
    });

    it('lists only the people a caller may see', async () => {
      const names = async (caller: DemoAccount, query = '') =>
        (await read<Page<EmployeeSummary>>(caller, `/api/employees${query}`)).items.map((person) => person.name);
      expect(await names('manager')).toEqual(['Aisha Khan', 'Luca Esposito', 'Marco Rossi', 'Sara Bianchi', 'Tom Becker']);
      expect(await names('employee')).toEqual(['Sara Bianchi']);
      expect(await names('admin')).toHaveLength(8);
      expect(await names('manager', '?q=analyst')).toEqual(['Aisha Khan', 'Sara Bianchi', 'Tom Becker']);
      expect(await names('manager', `?managerId=${people['luca']}`)).toEqual(['Sara Bianchi', 'Tom Becker']);
    });

    it('seeds published demo role profiles from the built-in frameworks and assigns them', async () => {
      const profiles = await read<Page<RoleProfileSummary>>('employee', '/api/role-profiles');
      expect(profiles.items.map((profile) => profile.name)).toEqual(
        expect.arrayContaining(['Service Delivery Manager', 'Service Desk Analyst']),
      );
      const luca = await read<EmployeeDetail>('manager', `/api/employees/${people['luca']}`);
      expect(luca).toMatchObject({
        roleProfile: { name: 'Service Desk Analyst' },
        targetRoleProfile: { name: 'Service Delivery Manager' },
      });
      const analyst = profiles.items.find((profile) => profile.name === 'Service Desk Analyst');
      const detail = await read<RoleProfileDetail>('employee', `/api/role-profiles/${analyst?.id}`);
      expect(detail.version).toMatchObject({ status: 'published' });
      expect(
        detail.version.requirements.map((requirement) => [requirement.competency.code, requirement.targetLevel, requirement.required]),
      ).toEqual([
        ['C.1', 2, true],
        ['C.4', 2, false],
        ['SLMO', 3, false],
      ]);
    });

    it('shows an employee with manager, team, reports and the caller’s access', async () => {
      const luca = await read<EmployeeDetail>('manager', `/api/employees/${people['luca']}`);
      expect(luca).toMatchObject({
        name: 'Luca Esposito',
        manager: { name: 'Marco Rossi' },
        team: { name: 'Service Desk' },
        directReports: [{ name: 'Sara Bianchi' }, { name: 'Tom Becker' }],
        reportCount: 2,
        access: 'manager',
      });
    });

    it('returns the team tree with member counts that follow the same rule as the lists', async () => {
      const counts = async (caller: DemoAccount) => {
        const teams = await read<TeamNode[]>(caller, '/api/teams');
        expect(teams.map((team) => team.name)).toEqual(['Proficio Demo Ltd']);
        const flat = (nodes: TeamNode[]): TeamNode[] => nodes.flatMap((node) => [node, ...flat(node.children)]);
        return Object.fromEntries(flat(teams).map((team) => [team.name, team.memberCount]));
      };
      const all = await counts('admin');
      expect(all).toMatchObject({ 'Service Delivery': 3, 'Service Desk': 3 });
      // the manager sees himself and his line (5 people), not the others in those teams
      const manager = await counts('manager');
      expect(Object.values(manager).reduce((sum, n) => sum + n, 0)).toBe(5);
      expect(manager['People & Culture'] ?? 0).toBe(0);
      // an employee counts only herself
      const employee = await counts('employee');
      expect(Object.values(employee).reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(employee['Service Desk']).toBe(1);
    });

    it('answers 404 for an unknown employee and 400 for a malformed id', async () => {
      await testApp
        .as(tokens['admin'] ?? '')
        .get('/api/employees/00000000-0000-4000-8000-000000000000')
        .expect(404);
      await testApp
        .as(tokens['admin'] ?? '')
        .get('/api/employees/nope')
        .expect(400);
    });

    it('shows the demo accounts on the sign-in page in demo mode', async () => {
      const config = (await testApp.anonymous().get('/api/auth/config').expect(200)).body as AuthConfig;
      expect(config.demo).toBe(true);
      expect(config.demoAccounts.map((account) => account.email)).toEqual(DEMO_ACCOUNTS.map((account) => account.email));
    });
  });
});
