import type { Page, PeopleImportCommitResult, PeopleImportPreview, PeopleImportRowView, ProblemDetails } from '@proficio/shared/contracts';
import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'people');
const fixture = (path: string) => readFileSync(join(FIXTURES, path));
const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('People');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let organisations = 0;

/**
 * A namespace of its own for one test, so that each test imports the people it needs and no test depends on
 * another having run: the fixtures' `acme.test` emails and `Acme` root team get a number (`acme7.test`,
 * `Acme7`), and `norm` turns what the API answers back into the fixtures' names, so that the expectations
 * read as the files do.
 */
function organisation() {
  const n = ++organisations;
  const domain = `acme${n}.test`;
  const root = `Acme${n}`;
  const rename = (text: string) => text.replace(/acme\.test/g, domain).replace(/\bacme\b/gi, (name) => `${name}${n}`);
  const back = (text: string) =>
    text.replaceAll(domain, 'acme.test').replace(new RegExp(`\\bacme${n}\\b`, 'gi'), (name) => name.slice(0, -String(n).length));
  return {
    domain,
    root,
    email: (local: string) => `${local}@${domain}`,
    file: (buffer: Buffer) => Buffer.from(rename(buffer.toString('utf8')), 'utf8'),
    text: rename,
    norm: <T>(value: T): T => JSON.parse(back(JSON.stringify(value))) as T,
  };
}
type Organisation = ReturnType<typeof organisation>;

describe('people import', () => {
  let testApp: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.app.get(DataSource);
    await db.query(`INSERT INTO role_profile (id, name) VALUES ($1, 'Platform Engineer')`, [randomUUID()]);
    await db.query(`INSERT INTO role_profile (id, name, archived_at) VALUES ($1, 'Retired Role', now())`, [randomUUID()]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const upload = (file: Buffer, fileName = 'people.csv') => testApp.http().post('/api/people-imports').attach('file', file, fileName);
  const preview = async (file: Buffer, fileName?: string) => (await upload(file, fileName).expect(201)).body as PeopleImportPreview;
  const rows = async (id: string, query = '') =>
    (await testApp.http().get(`/api/people-imports/${id}/rows${query}`).expect(200)).body as Page<PeopleImportRowView>;
  const commit = (id: string) => testApp.http().post(`/api/people-imports/${id}/commit`);
  const count = async (table: string, where = 'true') =>
    (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n as number;
  const person = async (email: string) =>
    (
      await db.query(
        `SELECT e.id, e.name, e.job_title, t.name AS team, m.email AS manager, r.name AS role_profile
         FROM employee e LEFT JOIN team t ON t.id = e.team_id LEFT JOIN employee m ON m.id = e.manager_id LEFT JOIN role_profile r ON r.id = e.role_profile_id
         WHERE lower(e.email) = lower($1)`,
        [email],
      )
    )[0] as
      | { id: string; name: string; job_title: string | null; team: string | null; manager: string | null; role_profile: string | null }
      | undefined;
  /** (ancestor email, descendant email, depth) of the closure table, sorted; of one organisation when given. */
  const closure = async (org?: Organisation) =>
    (
      (await db.query(
        `SELECT a.email AS a, d.email AS d, l.depth FROM employee_line l JOIN employee a ON a.id = l.ancestor_id JOIN employee d ON d.id = l.descendant_id
         WHERE $1::text IS NULL OR (a.email LIKE $1 AND d.email LIKE $1) ORDER BY 1, 2`,
        [org ? `%@${org.domain}` : null],
      )) as { a: string; d: string; depth: number }[]
    ).map((row) => `${row.a} > ${row.d} @${row.depth}`);
  /** The same, computed from manager_id alone: what the closure table must hold. */
  const expectedClosure = async (org?: Organisation) =>
    (
      (await db.query(
        `WITH RECURSIVE up (ancestor_id, descendant_id, depth) AS (
           SELECT id, id, 0 FROM employee
           UNION ALL SELECT e.manager_id, up.descendant_id, up.depth + 1 FROM up JOIN employee e ON e.id = up.ancestor_id WHERE e.manager_id IS NOT NULL
         )
         SELECT a.email AS a, d.email AS d, up.depth FROM up JOIN employee a ON a.id = up.ancestor_id JOIN employee d ON d.id = up.descendant_id
         WHERE $1::text IS NULL OR (a.email LIKE $1 AND d.email LIKE $1) ORDER BY 1, 2`,
        [org ? `%@${org.domain}` : null],
      )) as { a: string; d: string; depth: number }[]
    ).map((row) => `${row.a} > ${row.d} @${row.depth}`);
  const peopleOf = (org: Organisation) => count('employee', `email LIKE '%@${org.domain}'`);
  /** Team paths under the organisation's root team. */
  const teamPaths = async (org: Organisation) =>
    (
      (await db.query(
        `WITH RECURSIVE p AS (SELECT id, name::text AS path FROM team WHERE parent_id IS NULL AND name = $1
           UNION ALL SELECT t.id, p.path || ' / ' || t.name FROM team t JOIN p ON t.parent_id = p.id) SELECT id, path FROM p ORDER BY path`,
        [org.root],
      )) as { id: string; path: string }[]
    ).map((row) => ({ id: row.id, path: row.path }));
  /** Imports the Acme organisation (6 people, 5 teams) into a namespace of its own. */
  const importAcme = async (org: Organisation) => {
    const first = await preview(org.file(fixture('ok/acme-people.csv')), 'acme-people.csv');
    const result = (await commit(first.id).expect(200)).body as PeopleImportCommitResult;
    return { first, result };
  };

  describe('a file with errors', () => {
    // A preview writes nothing but the import itself, and no test here commits it: the tests share it.
    const org = organisation();
    let bad: PeopleImportPreview;
    beforeAll(async () => {
      bad = await preview(org.file(fixture('bad/people-with-errors.csv')), 'people-with-errors.csv');
    });

    it('previews every row with its errors, and writes nobody', async () => {
      expect(org.norm(bad)).toMatchObject({
        fileName: 'people-with-errors.csv',
        format: 'csv',
        status: 'previewed',
        columns: ['email', 'name', 'job title', 'team path', 'manager email', 'role profile'],
        counts: { rows: 8, create: 1, update: 0, unchanged: 0, error: 7 },
        warnings: ['Column G ("cost centre") is not a column Proficio knows; it is ignored.'],
        teamsToCreate: ['Acme', 'Acme / Finance'],
      });
      expect(await peopleOf(org)).toBe(0);
      expect(await teamPaths(org)).toEqual([]);

      const errors = org.norm(await rows(bad.id, '?errorsOnly=true&pageSize=100'));
      expect(errors.total).toBe(7);
      expect(errors.items.map((row) => [row.row, row.errors.map((error) => `${error.column ?? ''}: ${error.message}`)])).toEqual([
        [3, ['email: is not an email address']],
        [4, ['email: is already on row 2: each person can be in the file once']],
        [5, ['manager email: ghost@acme.test is neither in Proficio nor in this file']],
        [6, ['manager email: would make the reporting line a cycle: x@acme.test → y@acme.test → x@acme.test']],
        [7, ['manager email: would make the reporting line a cycle: x@acme.test → y@acme.test → x@acme.test']],
        [8, ['name: is required']],
        [9, [expect.stringMatching(/^team path: has an empty team name/), 'role profile: "Astronaut" is not a role profile in Proficio']],
      ]);
      expect(errors.items[0]).toMatchObject({
        row: 3,
        email: 'not-an-email',
        name: 'Nobody',
        jobTitle: 'Analyst',
        teamPath: 'Acme / Finance',
        action: 'error',
      });
    });

    it('pages through all rows', async () => {
      const first = await rows(bad.id, '?pageSize=3');
      expect(first).toMatchObject({ total: 8, page: 1, pageSize: 3 });
      expect(first.items.map((row) => [row.row, row.action])).toEqual([
        [2, 'create'],
        [3, 'error'],
        [4, 'error'],
      ]);
      expect((await rows(bad.id, '?pageSize=3&page=3')).items.map((row) => row.row)).toEqual([8, 9]);
      expect((await testApp.http().get(`/api/people-imports/${bad.id}`).expect(200)).body).toEqual(bad);
    });

    it('refuses to commit while rows have errors', async () => {
      const response = await commit(bad.id).expect(422);
      expect(response.body).toMatchObject({
        status: 422,
        title: 'The file has errors',
        detail: expect.stringContaining('7 rows have errors'),
      });
      expect(await peopleOf(org)).toBe(0);
      expect((await testApp.http().get(`/api/people-imports/${bad.id}`).expect(200)).body).toMatchObject({ status: 'previewed' });
    });

    it('answers 400 for bad paging or a malformed id, 404 for an unknown import', async () => {
      const problem = (await testApp.http().get(`/api/people-imports/${bad.id}/rows?pageSize=1000&errorsOnly=maybe`).expect(400))
        .body as ProblemDetails;
      expect(problem.errors?.map((error) => error.field).sort()).toEqual(['errorsOnly', 'pageSize']);
      await testApp.http().get('/api/people-imports/nope').expect(400);
      await testApp.http().get(`/api/people-imports/${randomUUID()}`).expect(404);
      await testApp.http().get(`/api/people-imports/${randomUUID()}/rows`).expect(404);
      await commit(randomUUID()).expect(404);
    });
  });

  describe('files that cannot be read', () => {
    it.each([
      ['no email column', csv(['name,title', 'Ada,CTO']), /email is a required column/, 'email'],
      ['no name column', csv(['e-mail', 'ada@acme.test']), /name is a required column/, 'name'],
      ['an empty file', Buffer.alloc(0), /empty/, undefined],
      ['a header only', csv(['email,name']), /no people/, undefined],
      ['an .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), /\.xls/, undefined],
      ['a broken .xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]), /Excel workbook/, undefined],
    ])('answers 422 for %s', async (_, file, detail, field) => {
      const response = await upload(file).expect(422);
      expect(response.body).toMatchObject({
        status: 422,
        type: 'urn:proficio:problem:import-invalid',
        detail: expect.stringMatching(detail),
      });
      if (field) expect((response.body as ProblemDetails).errors).toEqual([expect.objectContaining({ field })]);
    });

    it('answers 422 for more than 100,000 rows and 413 for more than 10 MB', async () => {
      await upload(Buffer.from(`email,name\n${'a@b.co,A\n'.repeat(100_001)}`)).expect(422);
      const response = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), 'huge.csv').expect(413);
      expect(response.body).toMatchObject({ status: 413 });
    });

    it('answers 400 without a file', async () => {
      const response = await testApp.http().post('/api/people-imports').field('other', 'x').expect(400);
      expect((response.body as ProblemDetails).errors).toEqual([{ field: 'file', message: expect.stringContaining('is required') }]);
    });

    it('never answers 500 for odd text: emoji, right-to-left, NUL, huge cells, control characters', async () => {
      const huge = 'ü'.repeat(200_000);
      const file = csv([
        'email,name,job title,team path,manager email,role profile',
        'emoji@acme.test,😀 Ünïcödé 名前 اسم,👩‍💻,Acme / Ω,,',
        `nul@acme.test,A\u0000B,,,,`,
        `huge@acme.test,${huge},${huge},${huge},${huge},${huge}`,
        `ctrl@acme.test,"Tab\there\u0007",,,,`,
        `${huge}@acme.test,X,,,,`,
      ]);
      const result = await preview(file, `${'ñ'.repeat(400)}.csv`);
      expect(result.counts).toMatchObject({ rows: 5, error: 3 });
      const listed = await rows(result.id);
      expect(listed.items.map((row) => [row.row, row.action])).toEqual([
        [2, 'create'],
        [3, 'error'],
        [4, 'error'],
        [5, 'create'],
        [6, 'error'],
      ]);
      expect(listed.items[0]).toMatchObject({ name: '😀 Ünïcödé 名前 اسم', jobTitle: '👩‍💻', teamPath: 'Acme / Ω' });
      expect(listed.items[1]?.errors).toEqual([{ column: 'name', message: 'contains a NUL character' }]);
      expect(listed.items[2]?.name.length).toBeLessThanOrEqual(501);
      expect(listed.items[2]?.errors.map((error) => error.column)).toEqual([
        'name',
        'job title',
        'team path',
        'manager email',
        'role profile',
      ]);
      await commit(result.id).expect(422);
    });
  });

  describe('an organisation from a CSV file', () => {
    it('previews the teams to create and the people to add', async () => {
      const org = organisation();
      const first = await preview(org.file(fixture('ok/acme-people.csv')), 'acme-people.csv');
      expect(org.norm(first)).toMatchObject({
        counts: { rows: 6, create: 6, update: 0, unchanged: 0, error: 0 },
        warnings: [],
        teamsToCreate: [
          'Acme',
          'Acme / Engineering',
          'Acme / Engineering / Platform',
          'Acme / Operations',
          'Acme / Operations / Service Desk',
        ],
      });
      const listed = org.norm(await rows(first.id));
      expect(listed.items.find((row) => row.row === 6)).toMatchObject({
        email: 'ana@acme.test',
        name: 'Ana "Nan" Silva',
        action: 'create',
        errors: [],
      });
      expect(await peopleOf(org)).toBe(0);
      expect(await teamPaths(org)).toEqual([]);
    });

    it('commits teams, people, managers and role profiles in one go, with the reporting line', async () => {
      const org = organisation();
      const { first, result } = await importAcme(org);
      expect(result).toEqual({ importId: first.id, created: 6, updated: 0, unchanged: 0, teamsCreated: 5 });

      expect(org.norm(await person(org.email('sam')))).toMatchObject({
        name: "Sam O'Neill",
        job_title: 'Engineer',
        team: 'Platform',
        manager: 'keiko@acme.test',
        role_profile: 'Platform Engineer',
      });
      expect(org.norm(await person(org.email('olivia')))).toMatchObject({ manager: null, team: 'Acme' });
      expect(org.norm((await teamPaths(org)).map((team) => team.path))).toEqual(org.norm(first.teamsToCreate));

      const lines = await closure(org);
      expect(lines).toEqual(await expectedClosure(org));
      expect(org.norm(lines)).toEqual(
        expect.arrayContaining([
          'olivia@acme.test > sam@acme.test @3',
          'bruno@acme.test > ana@acme.test @2',
          'keiko@acme.test > keiko@acme.test @0',
          'olivia@acme.test > mo@acme.test @1',
        ]),
      );
      // Each person with themselves and every manager above: Olivia 1, Bruno 2, Keiko 3, Sam 4, Ana 4, Mo 2.
      expect(lines).toHaveLength(16);

      expect((await testApp.http().get(`/api/people-imports/${first.id}`).expect(200)).body).toMatchObject({
        status: 'committed',
        committedAt: expect.any(String),
      });
      await commit(first.id).expect(409);
    });

    it('audits each person and team created, and the import as a whole', async () => {
      const org = organisation();
      const { first } = await importAcme(org);
      expect(await count('audit_event', `entity_type = 'employee' AND action = 'create' AND after->>'email' LIKE '%@${org.domain}'`)).toBe(
        6,
      );
      const teamIds = (await teamPaths(org)).map((team) => `'${team.id}'`).join(',');
      expect(await count('audit_event', `entity_type = 'team' AND action = 'create' AND entity_id::text IN (${teamIds})`)).toBe(5);
      const [summary] = await db.query(
        `SELECT actor_user_id, after FROM audit_event WHERE entity_type = 'people_import' AND entity_id = $1`,
        [first.id],
      );
      expect(summary.actor_user_id).toEqual(expect.any(String));
      expect(summary.after).toMatchObject({ created: 6, teamsCreated: 5 });
      const [created] = await db.query(`SELECT after FROM audit_event WHERE entity_type = 'employee' AND after->>'email' = $1`, [
        org.email('sam'),
      ]);
      expect(created.after).toMatchObject({
        name: "Sam O'Neill",
        jobTitle: 'Engineer',
        managerId: expect.any(String),
        roleProfileId: expect.any(String),
      });
    });

    it('makes the imported people visible through the people API', async () => {
      const org = organisation();
      await importAcme(org);
      const list = (await testApp.http().get('/api/employees?q=keiko&pageSize=100').expect(200)).body as Page<{
        name: string;
        email: string;
        manager?: { name: string };
      }>;
      expect(list.items.filter((item) => item.email.endsWith(`@${org.domain}`))).toEqual([
        expect.objectContaining({ name: 'Keiko Tanaka', manager: expect.objectContaining({ name: 'Bruno Díaz' }) }),
      ]);
    });
  });

  describe('a re-import (XLSX) updates people by email', () => {
    /** The Acme organisation imported, and a workbook that moves Keiko's platform team under Mo and adds Lucy. */
    const imported = async () => {
      const org = organisation();
      await importAcme(org);
      const workbook = await xlsx(
        [
          ['Email', 'Name', 'Job title', 'Team path', 'Manager email'],
          ['OLIVIA@acme.test', 'Olivia Chen', 'Chief Executive', 'Acme', ''],
          // Keiko's whole platform team moves under Mo, in a new team.
          ['keiko@acme.test', 'Keiko Tanaka', 'Principal Engineer', 'Acme / Operations / Platform Ops', 'mo@acme.test'],
          ['lucy@acme.test', 'Lucy Grey', 'Engineer', 'acme / operations / platform ops', 'keiko@acme.test'],
        ].map((cells) => cells.map(org.text)),
      );
      const again = await preview(workbook, 'acme.xlsx');
      return { org, again };
    };
    const reimported = async () => {
      const { org, again } = await imported();
      const result = (await commit(again.id).expect(200)).body as PeopleImportCommitResult;
      return { org, again, result };
    };

    it('previews updates, new people and unchanged ones', async () => {
      const { org, again } = await imported();
      expect(org.norm(again)).toMatchObject({
        format: 'xlsx',
        columns: ['email', 'name', 'job title', 'team path', 'manager email'],
        counts: { rows: 3, create: 1, update: 1, unchanged: 1, error: 0 },
        teamsToCreate: ['Acme / Operations / Platform Ops'],
      });
      expect((await rows(again.id)).items.map((row) => row.action)).toEqual(['unchanged', 'update', 'create']);
    });

    it('commits them and moves the reporting line of the whole sub-tree', async () => {
      const { org, result } = await reimported();
      expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 1, teamsCreated: 1 });
      // The file has no role profile column: everyone keeps theirs.
      expect(org.norm(await person(org.email('keiko')))).toMatchObject({
        job_title: 'Principal Engineer',
        team: 'Platform Ops',
        manager: 'mo@acme.test',
        role_profile: 'Platform Engineer',
      });
      expect(org.norm(await person(org.email('sam')))).toMatchObject({ manager: 'keiko@acme.test', role_profile: 'Platform Engineer' });
      expect(await peopleOf(org)).toBe(7);

      const lines = await closure(org);
      expect(lines).toEqual(await expectedClosure(org));
      expect(org.norm(lines)).toEqual(
        expect.arrayContaining([
          'mo@acme.test > sam@acme.test @2',
          'olivia@acme.test > ana@acme.test @3',
          'mo@acme.test > lucy@acme.test @2',
        ]),
      );
      expect(org.norm(lines).filter((line) => line.startsWith('bruno@acme.test >'))).toEqual(['bruno@acme.test > bruno@acme.test @0']);

      const [update] = await db.query(`SELECT before, after FROM audit_event WHERE action = 'update' AND after->>'email' = $1`, [
        org.email('keiko'),
      ]);
      expect(update.before).toMatchObject({ jobTitle: 'Platform Lead' });
      expect(update.after).toMatchObject({ jobTitle: 'Principal Engineer' });
    });

    it('keeps the per-row triggers working for single changes afterwards', async () => {
      const { org } = await reimported();
      const bruno = await person(org.email('bruno'));
      const keiko = await person(org.email('keiko'));
      await testApp.http().patch(`/api/employees/${keiko?.id}`).send({ managerId: bruno?.id }).expect(200);
      expect(org.norm(await person(org.email('keiko')))).toMatchObject({ manager: 'bruno@acme.test' });
      expect(await closure()).toEqual(await expectedClosure());
    });

    it('refuses a cycle with the reporting line already in Proficio', async () => {
      const { org } = await reimported();
      // Olivia is at the top; putting her under Sam (who is below her) closes a loop.
      const loop = await preview(org.file(csv(['email,name,manager email', 'olivia@acme.test,Olivia Chen,sam@acme.test'])));
      const [row] = org.norm((await rows(loop.id)).items);
      expect(row?.errors).toEqual([
        {
          column: 'manager email',
          message: expect.stringMatching(
            /^would make the reporting line a cycle: olivia@acme.test → sam@acme.test → keiko@acme.test → mo@acme.test → olivia@acme.test$/,
          ),
        },
      ]);
    });
  });

  describe('the commit transaction', () => {
    it('leaves nothing behind when a write fails halfway', async () => {
      const org = organisation();
      await importAcme(org);
      const before = {
        employees: await count('employee'),
        teams: await count('team'),
        audit: await count('audit_event'),
        lines: await closure(),
      };
      const file = org.file(
        csv([
          'email,name,team path,manager email',
          'first@acme.test,First,Acme / Fail Team,olivia@acme.test',
          'boom@acme.test,Boom Boom,Acme / Fail Team / Sub,first@acme.test',
        ]),
      );
      const pending = await preview(file);
      expect(pending.counts.error).toBe(0);
      // A rule the import does not know about: the insert of the people fails after the teams were written.
      await db.query(`ALTER TABLE employee ADD CONSTRAINT ck_test_no_boom CHECK (name <> 'Boom Boom')`);
      try {
        const response = await commit(pending.id).expect(422);
        expect(response.body).toMatchObject({ status: 422 });
      } finally {
        await db.query(`ALTER TABLE employee DROP CONSTRAINT ck_test_no_boom`);
      }
      expect({
        employees: await count('employee'),
        teams: await count('team'),
        audit: await count('audit_event'),
        lines: await closure(),
      }).toEqual(before);
      expect((await testApp.http().get(`/api/people-imports/${pending.id}`).expect(200)).body).toMatchObject({ status: 'previewed' });

      // Without the rule it goes through.
      expect((await commit(pending.id).expect(200)).body).toMatchObject({ created: 2, teamsCreated: 2 });
      expect(await closure()).toEqual(await expectedClosure());
    });

    it('checks the file again at commit, against the organisation as it is then', async () => {
      const org = organisation();
      const pending = await preview(org.file(csv(['email,name,role profile', 'pat@acme.test,Pat,Platform Engineer'])));
      expect(pending.counts).toMatchObject({ create: 1, error: 0 });
      await db.query(`UPDATE role_profile SET archived_at = now() WHERE name = 'Platform Engineer'`);
      try {
        const response = await commit(pending.id).expect(409);
        expect(response.body).toMatchObject({
          type: 'urn:proficio:problem:import-stale',
          errors: [{ field: 'row 2, role profile', message: '"Platform Engineer" is archived' }],
        });
        expect(await person(org.email('pat'))).toBeUndefined();
      } finally {
        await db.query(`UPDATE role_profile SET archived_at = NULL WHERE name = 'Platform Engineer'`);
      }
      await commit(pending.id).expect(200);
      expect(await person(org.email('pat'))).toMatchObject({ role_profile: 'Platform Engineer' });
    });
  });

  it('is for administrators only', async () => {
    const userId = await testApp.createUser({ email: 'not.admin@acme.test' });
    expect(userId).toEqual(expect.any(String));
    const { token } = await testApp.signIn('not.admin@acme.test');
    await testApp
      .as(token)
      .post('/api/people-imports')
      .attach('file', csv(['email,name', 'a@acme.test,A']), 'a.csv')
      .expect(403);
    await testApp.anonymous().get(`/api/people-imports/${randomUUID()}`).expect(401);
    expect(await person('a@acme.test')).toBeUndefined();
  });

  it('audits an imported person with the same snapshot as a person added through the form', async () => {
    const added = (await testApp.http().post('/api/employees').send({ name: 'Form Person', email: 'form.person@acme.test' }).expect(201))
      .body as { id: string };
    const afterOf = async (where: string, values: unknown[]) =>
      (
        (await db.query(`SELECT after FROM audit_event WHERE entity_type = 'employee' AND action = 'create' AND ${where}`, values))[0] as {
          after: Record<string, unknown>;
        }
      ).after;
    const viaForm = await afterOf('entity_id = $1', [added.id]);
    const org = organisation();
    await importAcme(org);
    const viaImport = await afterOf(`after->>'email' = $1`, [org.email('sam')]);
    expect(Object.keys(viaImport).sort()).toEqual(Object.keys(viaForm).sort());
    expect(Object.keys(viaForm)).toEqual(expect.arrayContaining(['startDate', 'targetRoleProfileId', 'status']));
  });
});
