/**
 * Demo mode's assessments: two years of history for the demo people with a role profile, so a
 * new user finds a filled team grid and real progression charts. Marco (the demo manager) manages
 * Luca directly and, through him, Sara and Tom; Marco's own manager, Giulia, has no account.
 */
import type {
  EmployeeCompetencies,
  EmployeeProgression,
  EmployeeSummary,
  EvidenceSummary,
  EvidenceView,
  Page,
  ReviewCycleView,
  ReviewSummary,
  ReviewView,
  TeamGrid,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../src/auth/demo-accounts';
import { DemoOrganisationSeeder } from '../src/demo/demo-organisation.seeder';
import { createTestApp, TestApp } from './support/test-app';

describe('demo data: assessments', () => {
  let testApp: TestApp;
  let db: DataSource;
  let marco: string;
  const people: Record<string, string> = {};

  const count = async (where = 'true') =>
    ((await db.query(`SELECT count(*)::int AS n FROM assessment WHERE ${where}`)) as { n: number }[])[0]?.n ?? 0;
  /** Rows of current_competency_level that differ from a recomputation from history (either way). */
  const mismatches = async () =>
    (
      (await db.query(`
        WITH expected AS (
          SELECT DISTINCT ON (a.employee_id, a.lineage_id, a.role) a.employee_id, a.lineage_id, a.role, a.id AS assessment_id,
                 a.competency_id, a.outcome, a.level, a.assessed_on
          FROM assessment a
          WHERE a.kind <> 'withdrawal' AND NOT EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id)
          ORDER BY a.employee_id, a.lineage_id, a.role, a.assessed_on DESC, a.recorded_at DESC
        )
        SELECT count(*)::int AS n FROM (
          (SELECT * FROM expected EXCEPT SELECT employee_id, lineage_id, role, assessment_id, competency_id, outcome, level, assessed_on
             FROM current_competency_level)
          UNION ALL
          (SELECT employee_id, lineage_id, role, assessment_id, competency_id, outcome, level, assessed_on FROM current_competency_level
           EXCEPT SELECT * FROM expected)
        ) AS differences`)) as { n: number }[]
    )[0]?.n;

  beforeAll(async () => {
    testApp = await createTestApp({ env: { DEMO_MODE: 'true' } });
    db = testApp.app.get(DataSource);
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.email.startsWith('marco.'));
    marco = (await testApp.signIn(account?.email ?? '', account?.password)).token;
    const everyone = (await testApp.http().get('/api/employees?pageSize=100').expect(200)).body as Page<EmployeeSummary>;
    for (const person of everyone.items) people[person.name.split(' ')[0]?.toLowerCase() ?? ''] = person.id;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('seeds manager and self assessments over two years for the people with a role profile, within each competency’s levels', async () => {
    const byPerson = (await db.query(
      `SELECT e.name, a.role, count(*)::int AS n FROM assessment a JOIN employee e ON e.id = a.employee_id
       GROUP BY e.name, a.role ORDER BY e.name, a.role`,
    )) as { name: string; role: string; n: number }[];
    const rated = new Set(byPerson.map((row) => row.name));
    expect([...rated].sort()).toEqual(['Luca Esposito', 'Marco Rossi', 'Sara Bianchi', 'Tom Becker']);
    // Outside reviews only people with an account of their own rate themselves (Sara and Marco); last year's locked
    // reviews add Luca's self-assessments.
    expect(byPerson.filter((row) => row.role === 'self').map((row) => row.name)).toEqual(['Luca Esposito', 'Marco Rossi', 'Sara Bianchi']);
    expect(
      (
        (await db.query(
          `SELECT DISTINCT e.name FROM assessment a JOIN employee e ON e.id = a.employee_id WHERE a.role = 'self' AND a.review_id IS NULL ORDER BY e.name`,
        )) as { name: string }[]
      ).map((row) => row.name),
    ).toEqual(['Marco Rossi', 'Sara Bianchi']);
    for (const row of byPerson.filter((candidate) => candidate.role === 'manager')) expect(row.n).toBeGreaterThanOrEqual(9);

    const [span] = (await db.query(
      `SELECT (current_date - min(assessed_on))::int AS oldest, (current_date - max(assessed_on))::int AS newest FROM assessment`,
    )) as { oldest: number; newest: number }[];
    expect(span?.oldest).toBeGreaterThan(690);
    expect(span?.oldest).toBeLessThanOrEqual(740);
    expect(span?.newest).toBeGreaterThan(0);
    expect(await count(`recorded_at > now()`)).toBe(0);

    // Levels are the competency's own (the trigger would refuse others; checked here all the same).
    expect(
      await count(`level IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM competency_level cl WHERE cl.competency_id = assessment.competency_id AND cl.level_number = assessment.level)`),
    ).toBe(0);
    // Self-assessments sometimes one level above the manager's of the same review.
    const above = (await db.query(
      `SELECT count(*)::int AS n FROM assessment s
       JOIN LATERAL (SELECT m.level FROM assessment m
                     WHERE m.employee_id = s.employee_id AND m.competency_id = s.competency_id AND m.role = 'manager'
                       AND m.kind = 'assessment' AND m.assessed_on BETWEEN s.assessed_on AND s.assessed_on + 10
                     ORDER BY m.assessed_on LIMIT 1) m ON true
       WHERE s.role = 'self' AND s.level = m.level + 1`,
    )) as { n: number }[];
    expect(above[0]?.n).toBeGreaterThan(0);
  });

  it('has every manager record by the person’s manager, with a rationale, and some corrections and "not assessed"', async () => {
    // The assessor is the person's manager; the account is the manager's own (Marco for Luca), else the demo administrator's.
    const assessors = (await db.query(
      `SELECT e.name, ae.name AS assessor, u.email AS account, bool_and(a.rationale IS NOT NULL) AS explained
       FROM assessment a JOIN employee e ON e.id = a.employee_id
       LEFT JOIN employee ae ON ae.id = a.assessor_employee_id JOIN app_user u ON u.id = a.assessor_user_id
       WHERE a.role = 'manager' GROUP BY e.name, ae.name, u.email ORDER BY e.name`,
    )) as { name: string; assessor: string; account: string; explained: boolean }[];
    expect(assessors).toEqual([
      { name: 'Luca Esposito', assessor: 'Marco Rossi', account: 'marco.rossi@demo.proficio.local', explained: true },
      { name: 'Marco Rossi', assessor: 'Giulia Verdi', account: 'hr.admin@demo.proficio.local', explained: true },
      { name: 'Sara Bianchi', assessor: 'Luca Esposito', account: 'hr.admin@demo.proficio.local', explained: true },
      { name: 'Tom Becker', assessor: 'Luca Esposito', account: 'hr.admin@demo.proficio.local', explained: true },
    ]);
    expect(
      await count(`assessor_employee_id IS DISTINCT FROM (SELECT manager_id FROM employee WHERE id = employee_id)
                        AND role = 'manager'`),
    ).toBe(0);
    expect(await count(`role = 'self' AND assessor_employee_id <> employee_id`)).toBe(0);

    const corrections = (await db.query(
      `SELECT c.reason, c.level AS corrected, o.level AS original, c.assessed_on = o.assessed_on AS same_date,
              c.recorded_at > o.recorded_at AS later, c.employee_id
       FROM assessment c JOIN assessment o ON o.id = c.replaces_id WHERE c.kind = 'correction'`,
    )) as { reason: string; corrected: number; original: number; same_date: boolean; later: boolean; employee_id: string }[];
    expect(corrections).toHaveLength(2);
    expect(new Set(corrections.map((row) => row.employee_id)).size).toBe(2);
    for (const row of corrections) {
      expect(row.reason).toMatch(/calibration/);
      expect(Math.abs(row.corrected - row.original)).toBe(1);
      expect(row).toMatchObject({ same_date: true, later: true });
    }
    expect(await count(`outcome = 'not_assessed'`)).toBeGreaterThan(0);
    expect(await count(`kind = 'withdrawal'`)).toBe(0);
  });

  it('keeps the current levels exact (the triggers ran as the rows went in)', async () => {
    expect(await mismatches()).toBe(0);
    expect(
      (
        (await db.query(`SELECT count(DISTINCT employee_id)::int AS n FROM current_competency_level WHERE role = 'manager'`)) as {
          n: number;
        }[]
      )[0]?.n,
    ).toBe(4);
  });

  it('fills the demo manager’s team grid, directly and for his whole line', async () => {
    const direct = (await testApp.as(marco).get('/api/me/team-grid').expect(200)).body as TeamGrid;
    expect(direct.people.map((person) => person.name)).toEqual(['Aisha Khan', 'Luca Esposito']);
    const lucasCells = direct.cells.filter((cell) => cell.employeeId === people['luca']);
    expect(lucasCells).toHaveLength(3);
    for (const cell of lucasCells) expect(cell.manager).toMatchObject({ assessedOn: expect.any(String) });

    const line = (await testApp.as(marco).get('/api/me/team-grid?scope=line').expect(200)).body as TeamGrid;
    expect(line.people.map((person) => person.name)).toEqual(['Aisha Khan', 'Luca Esposito', 'Sara Bianchi', 'Tom Becker']);
    const withTarget = line.cells.filter((cell) => cell.target !== undefined);
    expect(withTarget).toHaveLength(9);
    for (const cell of withTarget) expect(cell.manager).toBeDefined();
    expect(withTarget.filter((cell) => cell.manager?.outcome === 'rated').length).toBeGreaterThanOrEqual(8);
  });

  it('gives a real progression (three or more manager points, and self points) and shows some current levels as stale', async () => {
    const progressions = await Promise.all(
      ['luca', 'sara', 'tom'].map(
        async (name) => (await testApp.as(marco).get(`/api/employees/${people[name]}/progression`).expect(200)).body as EmployeeProgression,
      ),
    );
    const series = progressions.flatMap((progression) => progression.series);
    expect(series).toHaveLength(9);
    for (const entry of series) expect(entry.manager.length).toBeGreaterThanOrEqual(3);
    const sara = progressions[1]?.series ?? [];
    expect(sara.some((entry) => entry.self.length >= 2)).toBe(true);
    // Levels move over time: some series has at least two different manager levels.
    expect(series.some((entry) => new Set(entry.manager.map((point) => point.level)).size >= 2)).toBe(true);

    // Last year's signed reviews (Luca's, Sara's) are recent; Tom's levels from before include stale ones.
    const tabs = await Promise.all(
      ['luca', 'sara', 'tom'].map(
        async (name) =>
          (await testApp.as(marco).get(`/api/employees/${people[name]}/competencies`).expect(200)).body as EmployeeCompetencies,
      ),
    );
    const managerLevels = tabs.flatMap((tab) => tab.items.map((item) => item.manager)).filter((level) => level !== undefined);
    expect(managerLevels).toHaveLength(9);
    expect(managerLevels.some((level) => level.stale)).toBe(true);
    expect(managerLevels.some((level) => !level.stale)).toBe(true);
  });

  it('seeds evidence in every state for the demo employee, with files that download intact, and fills the demo manager’s inbox', async () => {
    const sara = DEMO_ACCOUNTS.find((candidate) => candidate.email.startsWith('sara.'));
    const saraToken = (await testApp.signIn(sara?.email ?? '', sara?.password)).token;
    const own = (await testApp.as(saraToken).get(`/api/evidence?employeeId=${people['sara']}`).expect(200)).body as Page<EvidenceSummary>;
    expect(new Set(own.items.map((item) => item.status))).toEqual(new Set(['draft', 'submitted', 'accepted', 'changes_requested']));
    const accepted = own.items.find((item) => item.status === 'accepted');
    const detail = (await testApp.as(saraToken).get(`/api/evidence/${accepted?.id}`).expect(200)).body as EvidenceView;
    expect(detail.revisions.map((revision) => revision.verdict?.verdict)).toEqual(['accepted', 'changes_requested']);
    expect(detail.revisions[0]?.answers.length).toBe(2);
    expect(detail.revisions[0]?.indicators.length).toBe(2);
    const file = detail.revisions[0]?.files[0];
    const download = await testApp.as(saraToken).get(`/api/evidence/${accepted?.id}/files/${file?.id}`).buffer(true).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Number(download.headers['content-length'])).toBe(file?.size);
    const inbox = (await testApp.as(marco).get('/api/inbox/evidence').expect(200)).body as Page<EvidenceSummary>;
    expect(inbox.items.map((item) => item.employee.name)).toEqual(['Tom Becker', 'Sara Bianchi']);
    // Luca's rejected item, and nothing of people outside Marco's line.
    const line = (await testApp.as(marco).get('/api/evidence').expect(200)).body as Page<EvidenceSummary>;
    expect(line.items.some((item) => item.status === 'rejected')).toBe(true);
    expect(line.items.every((item) => item.status !== 'draft')).toBe(true);
  });

  it('seeds last year’s review cycle closed and signed, and this year’s under way: Luca’s review with Marco at the discussion', async () => {
    const cycles = (await testApp.http().get('/api/review-cycles').expect(200)).body as Page<ReviewCycleView>;
    const year = new Date().getUTCFullYear();
    expect(cycles.items.map((cycle) => [cycle.name, cycle.status])).toEqual([
      [`${year} annual review`, 'open'],
      [`${year - 1} annual review`, 'closed'],
    ]);
    const [current, last] = cycles.items;
    expect(last?.counts).toMatchObject({ locked: 2 });
    expect(current?.counts).toMatchObject({ self_assessment: 1, manager_assessment: 1, discussion: 1 });
    const marcoReviews = (await testApp.as(marco).get(`/api/reviews?cycleId=${current?.id}`).expect(200)).body as Page<ReviewSummary>;
    const luca = marcoReviews.items.find((item) => item.employee.name === 'Luca Esposito');
    expect(luca).toMatchObject({ state: 'discussion', manager: { name: 'Marco Rossi' } });
    const review = (await testApp.as(marco).get(`/api/reviews/${luca?.id}`).expect(200)).body as ReviewView;
    expect(review.actions).toEqual(['sign']);
    // the difference against last year's locked review
    expect(review.competencies.filter((item) => item.previous).length).toBeGreaterThan(0);
    expect(review.competencies.some((item) => item.change === 'up')).toBe(true);
    // last year's reviews became assessments dated on the last day of last year, attributed to the raters
    const assessed = (await db.query(
      `SELECT DISTINCT to_char(a.assessed_on, 'YYYY-MM-DD') AS day, a.role, ae.name AS assessor, e.name
       FROM assessment a JOIN employee e ON e.id = a.employee_id LEFT JOIN employee ae ON ae.id = a.assessor_employee_id
       WHERE a.review_id IS NOT NULL ORDER BY e.name, a.role`,
    )) as { day: string; role: string; assessor: string; name: string }[];
    expect(assessed.every((row) => row.day === `${year - 1}-12-31`)).toBe(true);
    expect(assessed.map((row) => [row.name, row.role, row.assessor])).toEqual([
      ['Luca Esposito', 'manager', 'Marco Rossi'],
      ['Luca Esposito', 'self', 'Luca Esposito'],
      ['Sara Bianchi', 'manager', 'Luca Esposito'],
      ['Sara Bianchi', 'self', 'Sara Bianchi'],
    ]);
  });

  it('seeds once: starting again (even twice at once) adds nothing', async () => {
    const before = await count();
    expect(before).toBeGreaterThan(50);
    const seeder = testApp.app.get(DemoOrganisationSeeder);
    await seeder.onApplicationBootstrap();
    await Promise.all([seeder.seedAssessments(), seeder.seedAssessments()]);
    const evidence = async () => ((await db.query(`SELECT count(*)::int AS n FROM evidence`)) as { n: number }[])[0]?.n;
    const evidenceBefore = await evidence();
    await Promise.all([seeder.seedEvidence(), seeder.seedEvidence()]);
    expect(await evidence()).toBe(evidenceBefore);
    const cycles = async () => ((await db.query(`SELECT count(*)::int AS n FROM review_cycle`)) as { n: number }[])[0]?.n;
    await Promise.all([seeder.seedReviews(), seeder.seedReviews()]);
    expect(await cycles()).toBe(2);
    expect(await count()).toBe(before);
    expect(await mismatches()).toBe(0);
  });
});
