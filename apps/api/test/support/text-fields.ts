/**
 * The hostile-text check of text-fields.int-spec.ts, shared by the suites that split the routes among them (one suite
 * for all would take minutes alone): every text field of every JSON request body, given hostile or unusual text,
 * answers 4xx or stores the text verbatim; never a 500.
 */
import type { CompetencySearchHit, TeamNode } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { frameworkImports } from './framework-imports';
import { TEST_PASSWORD, TestApp, useTestApp } from './test-app';

export interface OpenApiSchema {
  type?: string;
  format?: string;
  $ref?: string;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: OpenApiSchema }> } }>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** One request of a route: where to send it, and a valid body to start from. */
interface BodyCase {
  path: string;
  body: Record<string, unknown>;
  /** Who sends it (an access token); the suite's admin when left out. */
  token?: string;
}

export interface RouteEntry {
  /** Builds a fresh, valid request (fresh data for each call, so uniqueness rules do not interfere). */
  make: () => Promise<BodyCase>;
  /** Text fields whose accepted value is not echoed back (secrets). */
  notEchoed?: string[];
}

export const HOSTILE: ReadonlyArray<readonly [string, string]> = [
  ['SQL metacharacters', `O'Brien"; DROP TABLE employee; --`],
  ['LIKE wildcards and backslashes', '100% _done_ \\ \\\\ \\%'],
  ['emoji, combining marks, CJK and Arabic', 'Zoë 🧑🏽‍💻 e\u0301 日本語 ﷽ Ωμέγα'],
  ['bidi overrides and zero-width characters', '\u202Eevil\u202C \u200B\u200D\uFEFF mark'],
  ['markup', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['a NUL character', 'before\u0000after'],
  ['a lone surrogate', 'broken \uD800 pair'],
  ['only whitespace', ' \t\n '],
  ['10,000 characters', 'x'.repeat(10_000)],
  ['1.1 million characters', 'y'.repeat(1_100_000)],
];

/** JSON text fields of a schema, as dotted paths (`requirements.0.competencyId` style for arrays of objects). */
function textFields(document: OpenApiDocument, schema: OpenApiSchema, prefix = '', depth = 0): string[] {
  const resolved = schema.$ref ? (document.components.schemas[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;
  const parts = [resolved, ...(resolved.allOf ?? [])];
  return parts.flatMap((part) =>
    Object.entries(part.properties ?? {}).flatMap(([name, property]) => {
      const path = prefix ? `${prefix}.${name}` : name;
      const target = property.$ref ? (document.components.schemas[property.$ref.split('/').pop() ?? ''] ?? {}) : property;
      if (target.type === 'string') return [path];
      if (target.type === 'array' && target.items && depth < 2) {
        const item = target.items.$ref ? (document.components.schemas[target.items.$ref.split('/').pop() ?? ''] ?? {}) : target.items;
        return item.type === 'string' ? [`${path}.0`] : textFields(document, target.items, `${path}.0`, depth + 1);
      }
      if (target.properties && depth < 2) return textFields(document, property, path, depth + 1);
      return [];
    }),
  );
}

function setPath(body: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) node[key] = /^\d+$/.test(keys[keys.indexOf(key) + 1] ?? '') ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] ?? ''] = value;
  return copy;
}

/** Routes with a request body (`METHOD /path` as OpenAPI names it), each with its JSON schema or `multipart`. */
export function routesWithBodies(document: OpenApiDocument): Array<[string, OpenApiSchema | 'multipart']> {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => {
      const content = operation.requestBody?.content;
      if (!content) return [];
      const route = `${method.toUpperCase()} ${path}`;
      const json = content['application/json'];
      return [[route, json ? json.schema : 'multipart'] as [string, OpenApiSchema | 'multipart']];
    }),
  );
}

/** The groups the routes are spread over, one suite each, of about the same length. */
export type RouteGroup = 'people' | 'records' | 'reviews';

/** Route -> how to make a valid request of it, or `multipart` for an upload (covered by its own suites). */
export type RouteTable = Record<string, RouteEntry | 'multipart'>;

export interface TextFieldsSuite {
  testApp: TestApp;
  /** The app's OpenAPI document, read when the suite starts. */
  document(): OpenApiDocument;
  /** Route -> a valid request to start from, per group. */
  routes: Record<RouteGroup, RouteTable>;
}

/** Starts the app for a suite with what the valid requests need: a team, two competencies and a published role profile. */
export function useTextFieldsSuite(): TextFieldsSuite {
  const testApp = useTestApp();
  const imports = frameworkImports(testApp);
  let document: OpenApiDocument;
  let teamId: string;
  let competency: CompetencySearchHit;
  let guided: CompetencySearchHit;
  const fresh = () => randomUUID().slice(0, 8);

  const createEmployee = async (): Promise<string> =>
    (
      await testApp
        .http()
        .post('/api/employees')
        .send({ name: `Person ${fresh()}`, email: `p.${fresh()}@example.test` })
        .expect(201)
    ).body.id;
  const createRoleProfile = async (): Promise<string> =>
    (
      await testApp
        .http()
        .post('/api/role-profiles')
        .send({ name: `Role ${fresh()}`, requirements: [{ competencyId: competency.id, targetLevel: competency.levels[0] }] })
        .expect(201)
    ).body.id;

  /** Evidence on the SMP competency, whose levels have interview questions and behaviour indicators. */
  const evidenceContent = () => ({
    title: `Evidence ${fresh()}`,
    activityFrom: '2026-02-01',
    claims: [{ competencyId: guided.id, level: 1 }],
    answers: [{ claim: 0, question: 0, answer: 'What I did.' }],
    narrative: 'More about it.',
    links: ['https://example.org/proof'],
  });
  /** A draft about a new person (begun by the suite's admin), or submitted for review. */
  const createEvidence = async (submitted: boolean): Promise<string> => {
    const id = (
      await testApp
        .http()
        .post('/api/evidence')
        .send({ employeeId: await createEmployee(), ...evidenceContent() })
        .expect(201)
    ).body.id;
    if (submitted) await testApp.http().post(`/api/evidence/${id}/submission`).send({ revision: 1 }).expect(200);
    return id;
  };

  /** A role profile asking for SMP at level 1, published once (the scope of the reviews below). */
  let reviewedRole: string;
  const cycleBody = (employeeIds: string[]) => ({
    name: `Cycle ${fresh()}`,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    selfDue: '2099-01-01',
    managerDue: '2099-02-01',
    participants: { kind: 'people', employeeIds },
    includeTargetRole: false,
  });
  /** A person with an account and the reviewed role, and their review in a fresh open cycle (no manager: the suite's admin does that part). */
  const createReview = async (): Promise<{ id: string; token: string; employeeId: string }> => {
    const employeeId = await createEmployee();
    await testApp.http().patch(`/api/employees/${employeeId}`).send({ roleProfileId: reviewedRole }).expect(200);
    const email = `r.${fresh()}@example.test`;
    await testApp.createUser({ email, employeeId });
    const { token } = await testApp.signIn(email);
    const cycle = (
      await testApp
        .http()
        .post('/api/review-cycles')
        .send(cycleBody([employeeId]))
        .expect(201)
    ).body.id as string;
    await testApp.http().post(`/api/review-cycles/${cycle}/open`).expect(200);
    const id = (await testApp.http().get(`/api/reviews?cycleId=${cycle}`).expect(200)).body.items[0].id as string;
    await testApp.as(token).post(`/api/reviews/${id}/actions/start`).send({}).expect(200);
    return { id, token, employeeId };
  };
  /** A review at the discussion: rated by the person and by the suite's admin (who does the manager's part when nobody is assigned). */
  const reviewInDiscussion = async (): Promise<string> => {
    const { id, token } = await createReview();
    await testApp
      .as(token)
      .put(`/api/reviews/${id}/ratings`)
      .send({ role: 'self', ratings: [{ competencyId: guided.id, outcome: 'rated', level: 1 }] })
      .expect(200);
    await testApp.as(token).post(`/api/reviews/${id}/actions/submit-self`).send({}).expect(200);
    await testApp
      .http()
      .put(`/api/reviews/${id}/ratings`)
      .send({ role: 'manager', ratings: [{ competencyId: guided.id, outcome: 'rated', level: 1, rationale: 'Seen it.' }] })
      .expect(200);
    await testApp.http().post(`/api/reviews/${id}/actions/share`).send({}).expect(200);
    return id;
  };

  /** A previewed import of a fresh CASE package whose one competency has no levels (its scale a placeholder). */
  const previewLevelLess = async (): Promise<string> => {
    const identifier = randomUUID();
    const item = randomUUID();
    const pkg = {
      CFDocument: { identifier, uri: `urn:uuid:${identifier}`, creator: 'Text fields', title: `Level-less ${fresh()}` },
      CFItems: [{ identifier: item, uri: `urn:uuid:${item}`, fullStatement: 'Reads a map.' }],
      CFAssociations: [],
    };
    return (await imports.previewOf('case', Buffer.from(JSON.stringify(pkg)), 'level-less.json')).id;
  };

  beforeAll(async () => {
    document = (await testApp.anonymous().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    teamId = ((await testApp.http().post('/api/teams').send({ name: 'Text fields' }).expect(201)).body as TeamNode).id;
    competency = await testApp.competency('ITMG');
    guided = await testApp.competency('SMP');
    reviewedRole = (
      await testApp
        .http()
        .post('/api/role-profiles')
        .send({ name: 'Reviewed role', requirements: [{ competencyId: guided.id, targetLevel: 1 }] })
        .expect(201)
    ).body.id;
    await testApp.http().post(`/api/role-profiles/${reviewedRole}/draft/publish`).expect(200);
  });

  const routes: TextFieldsSuite['routes'] = {
    /** People, teams, accounts and role profiles. */
    people: {
      'POST /api/auth/sign-in': {
        make: async () => ({ path: '/api/auth/sign-in', body: { email: 'nobody@example.test', password: TEST_PASSWORD } }),
      },
      'POST /api/auth/password': {
        make: async () => {
          const email = `pw.${fresh()}@example.test`;
          await testApp.createUser({ email });
          const { token } = await testApp.signIn(email);
          return {
            path: '/api/auth/password',
            token,
            body: { currentPassword: TEST_PASSWORD, newPassword: `A new passphrase ${fresh()}` },
          };
        },
        notEchoed: ['currentPassword', 'newPassword'],
      },
      'POST /api/employees': {
        make: async () => ({
          path: '/api/employees',
          body: { name: `Person ${fresh()}`, email: `p.${fresh()}@example.test`, jobTitle: 'Analyst' },
        }),
      },
      'PATCH /api/employees/{id}': {
        make: async () => ({ path: `/api/employees/${await createEmployee()}`, body: { jobTitle: 'Analyst' } }),
      },
      'POST /api/teams': { make: async () => ({ path: '/api/teams', body: { name: `Team ${fresh()}`, parentId: teamId } }) },
      'PATCH /api/teams/{id}': {
        make: async () => ({
          path: `/api/teams/${
            (
              await testApp
                .http()
                .post('/api/teams')
                .send({ name: `Team ${fresh()}` })
                .expect(201)
            ).body.id
          }`,
          body: { name: `Renamed ${fresh()}` },
        }),
      },
      'POST /api/role-profiles': {
        make: async () => ({
          path: '/api/role-profiles',
          body: {
            name: `Role ${fresh()}`,
            description: 'What the role does',
            requirements: [{ competencyId: competency.id, targetLevel: competency.levels[0] }],
          },
        }),
      },
      'PATCH /api/role-profiles/{id}': {
        make: async () => ({ path: `/api/role-profiles/${await createRoleProfile()}`, body: { name: `Role ${fresh()}` } }),
      },
      'PUT /api/role-profiles/{id}/draft': {
        make: async () => ({
          path: `/api/role-profiles/${await createRoleProfile()}/draft`,
          body: {
            description: 'What the role does',
            requirements: [{ competencyId: competency.id, targetLevel: competency.levels[0], required: true }],
          },
        }),
      },
      'POST /api/role-profiles/{id}/copies': {
        make: async () => ({ path: `/api/role-profiles/${await createRoleProfile()}/copies`, body: { name: `Copy ${fresh()}` } }),
      },
      'POST /api/users': { make: async () => ({ path: '/api/users', body: { employeeId: await createEmployee() } }) },
      'PATCH /api/users/{id}': {
        make: async () => ({
          path: `/api/users/${await testApp.createUser({ email: `u.${fresh()}@example.test` })}`,
          body: { isAdmin: true },
        }),
      },
      'POST /api/notifications/read': { make: async () => ({ path: '/api/notifications/read', body: {} }) },
      'POST /api/people-imports': 'multipart',
    },
    /** Assessments, evidence, framework imports, and review cycles (with reassigning a review, part of running one). */
    records: {
      'POST /api/assessments/batch': {
        make: async () => ({
          path: '/api/assessments/batch',
          body: {
            assessments: [
              {
                employeeId: await createEmployee(),
                competencyId: competency.id,
                role: 'manager',
                level: competency.levels[0],
                rationale: 'Seen.',
              },
            ],
          },
        }),
      },
      'POST /api/assessments': {
        make: async () => ({
          path: '/api/assessments',
          body: {
            employeeId: await createEmployee(),
            competencyId: competency.id,
            role: 'manager',
            level: competency.levels[0],
            rationale: 'Seen at work.',
          },
        }),
      },
      'POST /api/evidence': {
        make: async () => ({ path: '/api/evidence', body: { employeeId: await createEmployee(), ...evidenceContent() } }),
      },
      'PUT /api/evidence/{id}': {
        make: async () => ({ path: `/api/evidence/${await createEvidence(false)}`, body: { ...evidenceContent(), basedOnRevision: 1 } }),
      },
      'POST /api/evidence/{id}/submission': {
        make: async () => ({ path: `/api/evidence/${await createEvidence(false)}/submission`, body: { revision: 1 } }),
      },
      'POST /api/evidence/{id}/verdicts': {
        make: async () => ({
          path: `/api/evidence/${await createEvidence(true)}/verdicts`,
          body: { revision: 1, verdict: 'changes_requested', comment: 'Add the outcome.' },
        }),
      },
      'POST /api/evidence/{id}/comments': {
        make: async () => ({ path: `/api/evidence/${await createEvidence(true)}/comments`, body: { body: 'Thanks.' } }),
      },
      'POST /api/evidence/{id}/files': 'multipart',
      'POST /api/frameworks/imports': 'multipart',
      'POST /api/frameworks/imports/{id}/commit': {
        make: async () => ({
          path: `/api/frameworks/imports/${await previewLevelLess()}/commit`,
          body: { target: 'new-version', scale: { source: 'framework', frameworkVersionId: competency.framework.id } },
        }),
      },
      'PUT /api/frameworks/{id}/scale': {
        make: async () => {
          const committed = await imports.committed(await previewLevelLess(), {});
          return {
            path: `/api/frameworks/${committed.frameworkVersionId}/scale`,
            body: { source: 'framework', frameworkVersionId: competency.framework.id },
          };
        },
      },
      'POST /api/review-cycles': { make: async () => ({ path: '/api/review-cycles', body: cycleBody([await createEmployee()]) }) },
      'PUT /api/review-cycles/{id}': {
        make: async () => {
          const body = cycleBody([await createEmployee()]);
          const id = (await testApp.http().post('/api/review-cycles').send(body).expect(201)).body.id as string;
          return { path: `/api/review-cycles/${id}`, body: { ...body, name: `Renamed ${fresh()}` } };
        },
      },
      'POST /api/review-cycles/{id}/participants': {
        make: async () => {
          const id = (
            await testApp
              .http()
              .post('/api/review-cycles')
              .send(cycleBody([await createEmployee()]))
              .expect(201)
          ).body.id as string;
          await testApp.http().post(`/api/review-cycles/${id}/open`).expect(200);
          return { path: `/api/review-cycles/${id}/participants`, body: { employeeIds: [await createEmployee()] } };
        },
      },
      'PUT /api/reviews/{id}/manager': {
        make: async () => ({ path: `/api/reviews/${(await createReview()).id}/manager`, body: { managerId: await createEmployee() } }),
      },
    },
    /** A review's ratings, notes and steps: each request needs a fresh review under way, so these are the slowest. */
    reviews: {
      'PUT /api/reviews/{id}/ratings': {
        make: async () => {
          const { id, token } = await createReview();
          return {
            path: `/api/reviews/${id}/ratings`,
            body: {
              role: 'self',
              ratings: [{ competencyId: guided.id, outcome: 'rated', level: 1, rationale: 'Why.', confidence: 'high' }],
            },
            token,
          };
        },
      },
      'PUT /api/reviews/{id}/notes': {
        make: async () => ({
          path: `/api/reviews/${(await createReview()).id}/notes`,
          body: { notes: [{ competencyId: guided.id, text: 'Asked about it.' }] },
        }),
      },
      'POST /api/reviews/{id}/actions/{action}': {
        make: async () => ({ path: `/api/reviews/${await reviewInDiscussion()}/actions/sign`, body: { comment: 'Signed.' } }),
      },
    },
  };

  return { testApp, document: () => document, routes };
}

/**
 * The two tests of one group's routes: each starts from a valid request, and each text field given each kind of
 * hostile text answers 4xx or stores the text verbatim (at least `leastChecked` requests, so that an empty group fails).
 */
export function itChecksTheTextFieldsOf(suite: TextFieldsSuite, group: RouteGroup, leastChecked: number): void {
  const { testApp } = suite;
  const ROUTES = suite.routes[group];

  it(`starts from valid requests (${group})`, async () => {
    for (const [route, entry] of Object.entries(ROUTES)) {
      if (entry === 'multipart' || route === 'POST /api/auth/sign-in') continue;
      const { path, body, token } = await entry.make();
      const method = route.split(' ')[0]?.toLowerCase() as 'post' | 'patch' | 'put';
      const response = await (token ? testApp.as(token) : testApp.http())[method](path).send(body);
      expect({ route, status: response.status < 300 }).toEqual({ route, status: true });
    }
  });

  it(`answers 4xx or stores the text verbatim, for every text field and every kind of hostile text (${group})`, async () => {
    const document = suite.document();
    const failures: string[] = [];
    let checked = 0;
    for (const [route, schema] of routesWithBodies(document)) {
      const entry = ROUTES[route];
      if (schema === 'multipart' || entry === undefined || entry === 'multipart') continue;
      const method = route.split(' ')[0]?.toLowerCase() as 'post' | 'patch' | 'put';
      for (const field of textFields(document, schema)) {
        for (const [kind, text] of HOSTILE) {
          const { path, body, token } = await entry.make();
          const response = await (token ? testApp.as(token) : testApp.http())[method](path).send(setPath(body, field, text));
          checked += 1;
          const where = `${route} ${field} with ${kind}`;
          if (response.status >= 500) {
            failures.push(`${where}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
          } else if (response.status >= 400) {
            const problem = response.body as { title?: string; errors?: Array<{ field: string }> };
            if (!problem.title) failures.push(`${where}: ${response.status} without problem details`);
            // A 400 names what is wrong: the field itself (or, for a huge body, the whole request).
            if (
              response.status === 400 &&
              problem.errors &&
              !problem.errors.some((error) => field.startsWith(error.field.replace(/\[(\d+)\]/g, '.$1')))
            ) {
              failures.push(`${where}: 400 names ${problem.errors.map((error) => error.field).join(', ')}, not ${field}`);
            }
          } else if (!entry.notEchoed?.includes(field.split('.')[0] ?? '') && response.status !== 204) {
            // Accepted: the text comes back as sent (trimmed where the field trims), not rewritten.
            const echoed = JSON.stringify(response.body);
            if (!echoed.includes(JSON.stringify(text.trim()).slice(1, -1)))
              failures.push(`${where}: accepted (${response.status}) but not stored verbatim`);
          }
          // NUL cannot be stored by PostgreSQL, and a lone surrogate is not text: both must be refused.
          if ((kind === 'a NUL character' || kind === 'a lone surrogate') && response.status < 400) {
            failures.push(`${where}: accepted (${response.status}) text that cannot be stored as sent`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(leastChecked);
  }, 240_000);
}
