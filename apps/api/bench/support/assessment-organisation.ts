/**
 * A generated organisation with assessment history, for the assessment and dashboard benchmarks.
 *
 * - a framework of 20 competencies (imported through the API as an SFIA-style CSV), each defined
 *   at three to five consecutive levels of a seven-level scale, and a published role profile
 *   asking for all of them, held by everyone;
 * - `people` employees (default 50,000): a tree of managers ten wide, each manager with about
 *   fifty individual contributors reporting to them (so a team grid has 50 rows);
 * - `perPerson` assessments per person (default 100: per competency three manager records and
 *   two self-assessments over two years, in shuffled dates, with some 'not assessed', ~2.5 %
 *   corrections and ~1 % withdrawals), written by `INSERT … SELECT generate_series` in chunks,
 *   either with the triggers (the app's own path, slow at millions of rows) or in bulk with
 *   the triggers off (`session_replication_role = replica`) followed by a rebuild of
 *   current_competency_level from history in one statement.
 *
 * `currentLevelMismatches` recomputes every current level from history and counts the rows of
 * current_competency_level that differ (either way): it must be 0.
 */
import { sfiaSkillsCsv } from '@proficio/shared/competency/testing';
import type { FrameworkImportCommitResult, FrameworkImportPreview, RoleProfileDetail } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource, QueryRunner } from 'typeorm';
import { BenchServer, form, HttpClient } from './http-bench';

export const COMPETENCIES = 20;
/** Records per person and competency: three manager ones (k = 0..2), then two self-assessments (k = 3, 4). */
const RECORDS_PER_COMPETENCY = 5;

export interface AssessmentOrganisationOptions {
  /** Employees to generate (default 50,000). */
  people?: number;
  /** Assessments per person: a multiple of 20 up to 100 (default 100). */
  perPerson?: number;
  /**
   * People whose history is written with the triggers on, one transaction per 25 people, before
   * the rest is loaded in bulk: times the app's own path (default 0).
   */
  withTriggers?: number;
  /** People per bulk INSERT statement (default 2,000). */
  chunk?: number;
  log?: (line: string) => void;
}

export interface AssessmentOrganisation {
  employeeIds: string[];
  /** Manager of each employee (same order), null for the head. */
  managerIds: (string | null)[];
  /** Employees with reports. */
  managers: string[];
  /** A manager at the bottom of the tree with at least 50 direct reports, and them. */
  teamManager: { id: string; reports: string[] };
  /** Everyone's role profile. */
  roleProfileId: string;
  frameworkVersionId: string;
  competencies: { id: string; code: string; levels: number[]; target: number }[];
  /** The account (no employee) in whose name generated records were written. */
  assessorUserId: string;
  assessments: number;
  timings: Record<string, number>;
}

/** An SFIA-style skills CSV: competency i is defined at levels lo..hi of the seven. */
function skillsCsv(ranges: [number, number][]): string {
  return sfiaSkillsCsv(
    ranges.map(([lo, hi], index) => ({
      code: `BN${String(index).padStart(2, '0')}`,
      url: `https://example.org/bench/${index}`,
      skill: `Bench skill ${index}`,
      category: `Category ${index % 4}`,
      subcategory: `Subcategory ${index % 8}`,
      overall: `What bench skill ${index} is about.`,
      guidance: `Guidance for bench skill ${index}.`,
      levels: [1, 2, 3, 4, 5, 6, 7].map((level) =>
        level >= lo && level <= hi ? `At level ${level}, bench skill ${index} is practised with growing autonomy.` : undefined,
      ),
    })),
  );
}

/** Managers 0..m-1 form a tree ten wide (manager of i is (i-1)/10); everyone else reports to a manager in turn. */
export function organisationShape(people: number): { managerIndex: (number | null)[]; managerCount: number } {
  const managerCount = Math.max(1, Math.floor(people / 51));
  const managerIndex: (number | null)[] = [];
  for (let index = 0; index < people; index++) {
    if (index === 0) managerIndex.push(null);
    else if (index < managerCount) managerIndex.push(Math.floor((index - 1) / 10));
    else managerIndex.push((index - managerCount) % managerCount);
  }
  return { managerIndex, managerCount };
}

async function timedStep<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[name] = performance.now() - start;
  return result;
}

/** The id of record `k` of person `p.n` on competency `c.n`: an md5 shaped as a version 4 UUID, as the API accepts. */
const recordId = (k: string) =>
  `overlay(overlay(md5('bench/' || p.n || '/' || c.n || '/' || (${k})) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * The INSERT that writes the history of people `$1` (ids), `$2` (managers), `$3` (their numbers),
 * on competencies `$4` (ids), `$5`/`$6` (lowest/highest level), `$7` records per competency, by
 * account `$8`. Ids are derived from (person, competency, record) so a correction can name the
 * record it replaces; `lineage_id` is the competency (a first framework version).
 */
const INSERT_HISTORY = `
  INSERT INTO assessment (id, employee_id, competency_id, lineage_id, kind, role, outcome, level, assessed_on, recorded_at,
                          assessor_user_id, assessor_employee_id, rationale, confidence, replaces_id, reason)
  SELECT ${recordId('k')},
         p.id, c.id, c.id, r.kind, r.role,
         CASE WHEN r.kind = 'withdrawal' THEN NULL WHEN k = 0 AND h % 23 = 0 THEN 'not_assessed' ELSE 'rated' END,
         CASE WHEN r.kind = 'withdrawal' OR (k = 0 AND h % 23 = 0) THEN NULL
              ELSE c.lo + (h / 7 + k) % (c.hi - c.lo + 1) END,
         d.assessed_on,
         d.assessed_on + time '09:00' + make_interval(mins => k),
         $8::uuid,
         CASE WHEN r.role = 'manager' THEN p.manager_id ELSE p.id END,
         CASE WHEN r.role = 'manager' THEN 'Bench rationale ' || (h % 1000) WHEN h % 3 = 0 THEN 'Self view ' || (h % 100) END,
         CASE WHEN r.kind <> 'withdrawal' THEN (ARRAY['low', 'medium', 'high'])[1 + h % 3] END,
         CASE WHEN r.kind <> 'assessment' THEN ${recordId('k - 1')} END,
         CASE WHEN r.kind <> 'assessment' THEN 'Bench reason' END
  FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS p(id, manager_id, n)
  CROSS JOIN unnest($4::uuid[], $5::int[], $6::int[]) WITH ORDINALITY AS c(id, lo, hi, n)
  CROSS JOIN generate_series(0, $7::int - 1) AS k
  -- h: a pseudo-random number per (person, competency, record).
  CROSS JOIN LATERAL (SELECT abs(hashtextextended(p.n || '/' || c.n || '/' || k, 7)) % 1000003 AS h) AS hash
  CROSS JOIN LATERAL (SELECT
      CASE WHEN k < 3 THEN 'manager' ELSE 'self' END AS role,
      CASE WHEN k = 2 AND (hash.h / 11) % 40 = 0 THEN 'correction'   -- the third manager record corrects the second
           WHEN k = 4 AND (hash.h / 11) % 100 = 1 THEN 'withdrawal' -- the second self-assessment withdraws the first
           ELSE 'assessment' END AS kind) AS r
  -- A correction keeps the date of what it corrects; other records fall anywhere in two years (so the latest written is
  -- not always the latest dated).
  CROSS JOIN LATERAL (SELECT CASE WHEN r.kind = 'correction'
      THEN current_date - 30 - ((abs(hashtextextended(p.n || '/' || c.n || '/' || (k - 1), 7)) % 1000003) % 700)::int
      ELSE current_date - 30 - (hash.h % 700)::int END AS assessed_on) AS d`;

/** The current levels recomputed from history: the latest (by date, then time written) record not replaced, per key. */
const RECOMPUTED = `
  SELECT DISTINCT ON (a.employee_id, a.lineage_id, a.role) a.employee_id, a.lineage_id, a.role, a.id AS assessment_id,
         a.competency_id, a.outcome, a.level, a.assessed_on
  FROM assessment a
  WHERE a.kind <> 'withdrawal' AND NOT EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id)
  ORDER BY a.employee_id, a.lineage_id, a.role, a.assessed_on DESC, a.recorded_at DESC`;

/** Rows of current_competency_level that differ from a recomputation from history, either way (0 when exact). */
export async function currentLevelMismatches(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(`
    WITH expected AS (${RECOMPUTED}),
    actual AS (SELECT employee_id, lineage_id, role, assessment_id, competency_id, outcome, level, assessed_on FROM current_competency_level)
    SELECT (SELECT count(*) FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM actual) missing)
         + (SELECT count(*) FROM (SELECT * FROM actual EXCEPT ALL SELECT * FROM expected) extra) AS n`)) as { n: string }[];
  return Number(row?.n ?? NaN);
}

/** Builds the organisation on the bench server's database (see the file's comment). */
export async function generateAssessmentOrganisation(
  bench: BenchServer,
  options: AssessmentOrganisationOptions = {},
): Promise<AssessmentOrganisation> {
  const people = options.people ?? 50_000;
  const perPerson = options.perPerson ?? COMPETENCIES * RECORDS_PER_COMPETENCY;
  const recordsPerCompetency = perPerson / COMPETENCIES;
  if (!Number.isInteger(recordsPerCompetency) || recordsPerCompetency < 1 || recordsPerCompetency > RECORDS_PER_COMPETENCY)
    throw new Error(`perPerson must be a multiple of ${COMPETENCIES} up to ${COMPETENCIES * RECORDS_PER_COMPETENCY}`);
  if (people < 102) throw new Error('people must be at least 102 (two managers with fifty reports)');
  const chunk = options.chunk ?? 2_000;
  const log = options.log ?? (() => undefined);
  const dataSource = bench.dataSource;
  const timings: Record<string, number> = {};
  const admin: HttpClient = await bench.client('suite.admin@test.local');

  // The framework and the role profile, through the API.
  const ranges = Array.from({ length: COMPETENCIES }, (_, index): [number, number] => {
    const lo = 1 + (index % 3);
    return [lo, Math.min(7, lo + 2 + (index % 3))];
  });
  const { frameworkVersionId, roleProfileId, competencies } = await timedStep(timings, 'framework and role profile (API)', async () => {
    const preview = await admin.call<FrameworkImportPreview>('POST', '/api/frameworks/imports', {
      form: form({ format: 'sfia-csv' }, { file: { content: skillsCsv(ranges), name: 'sfia-9_bench-assessments_en.csv' } }),
    });
    const commit = await admin.call<FrameworkImportCommitResult>('POST', `/api/frameworks/imports/${preview.id}/commit`, { expect: 200 });
    const rows = (await dataSource.query(
      `SELECT c.id, c.code, array_agg(cl.level_number ORDER BY cl.level_number) AS levels
       FROM competency c JOIN competency_level cl ON cl.competency_id = c.id
       WHERE c.framework_version_id = $1 GROUP BY c.id, c.code, c.position ORDER BY c.position`,
      [commit.frameworkVersionId],
    )) as { id: string; code: string; levels: number[] }[];
    if (rows.length !== COMPETENCIES) throw new Error(`the bench framework has ${rows.length} competencies, not ${COMPETENCIES}`);
    const list = rows.map((row) => ({ ...row, target: row.levels[Math.floor(row.levels.length / 2)] as number }));
    const profile = await admin.call<RoleProfileDetail>('POST', '/api/role-profiles', {
      body: {
        name: `Bench role ${randomUUID().slice(0, 8)}`,
        requirements: list.map((competency) => ({ competencyId: competency.id, targetLevel: competency.target })),
      },
    });
    await admin.call('POST', `/api/role-profiles/${profile.id}/draft/publish`, { expect: 200 });
    return { frameworkVersionId: commit.frameworkVersionId, roleProfileId: profile.id, competencies: list };
  });

  // The people: managers first (a tree ten wide), then the individual contributors. As the people import does: the
  // reporting line's row triggers off for the transaction (proficio.bulk_line), then one rebuild of everyone's line.
  const { managerIndex, managerCount } = organisationShape(people);
  const employeeIds = Array.from({ length: people }, () => randomUUID());
  const managerIds = managerIndex.map((index) => (index === null ? null : (employeeIds[index] as string)));
  const numbers = employeeIds.map((_, index) => index);
  await timedStep(timings, `${people.toLocaleString('en')} employees and their reporting line`, async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('proficio.bulk_line', 'on', true)`);
      for (let start = 0; start < people; start += 5_000) {
        await manager.query(
          `INSERT INTO employee (id, email, name, job_title, manager_id, role_profile_id)
           SELECT id, 'person' || n || '@bench.local', 'Person ' || n, 'Role ' || (n % 37), manager, $4
           FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS t(id, manager, n)`,
          [
            employeeIds.slice(start, start + 5_000),
            managerIds.slice(start, start + 5_000),
            numbers.slice(start, start + 5_000),
            roleProfileId,
          ],
        );
      }
      await manager.query(`SELECT set_config('proficio.bulk_line', 'off', true)`);
      await manager.query('ANALYZE employee');
      await manager.query(`SELECT rebuild_employee_line($1::uuid[])`, [employeeIds]);
    });
    await dataSource.query('ANALYZE employee; ANALYZE employee_line');
  });
  log(`employees: ${people.toLocaleString('en')} (${managerCount.toLocaleString('en')} managers)`);

  const assessorUserId = await bench.testApp.createUser({ email: `bench.assessor.${randomUUID().slice(0, 8)}@bench.local`, isAdmin: true });
  const competencyArgs = [competencies.map((c) => c.id), ranges.map(([lo]) => lo), ranges.map(([, hi]) => hi)];
  const argsFor = (start: number, end: number) => [
    employeeIds.slice(start, end),
    managerIds.slice(start, end),
    numbers.slice(start, end),
    ...competencyArgs,
    recordsPerCompetency,
    assessorUserId,
  ];
  // The head has no manager: their manager records name the head themselves as assessor (as an admin would).
  managerIds[0] = employeeIds[0] as string;

  // The app's path: triggers on (lineage, levels, current level under advisory locks). 25 people per statement: each
  // (person, competency, role) takes an advisory lock held to the end of the transaction, from a shared table of limited size.
  const withTriggers = Math.min(options.withTriggers ?? 0, people);
  if (withTriggers > 0) {
    await timedStep(timings, `history of ${withTriggers.toLocaleString('en')} people with the triggers`, async () => {
      for (let start = 0; start < withTriggers; start += 25)
        await dataSource.query(INSERT_HISTORY, argsFor(start, Math.min(start + 25, withTriggers)));
    });
  }

  // The rest in bulk, triggers off for this session only, then the current levels rebuilt from history.
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET session_replication_role = replica`);
    await runner.query(`SET maintenance_work_mem = '256MB'`);
    await runner.query(`SET work_mem = '64MB'`);
    await timedStep(timings, `history of ${(people - withTriggers).toLocaleString('en')} people in bulk (triggers off)`, async () => {
      for (let start = withTriggers; start < people; start += chunk) {
        const end = Math.min(start + chunk, people);
        await runner.query(INSERT_HISTORY, argsFor(start, end));
        if (((end - withTriggers) / chunk) % 5 === 0 || end === people)
          log(`  assessments: ${(end * perPerson).toLocaleString('en')} written`);
      }
    });
    await timedStep(timings, 'current levels rebuilt from history (one statement)', async () => {
      await runner.query(
        `INSERT INTO current_competency_level (employee_id, lineage_id, role, assessment_id, competency_id, outcome, level, assessed_on)
         SELECT * FROM (${RECOMPUTED}) AS latest
         -- The rows the triggers wrote stay as they are: the mismatch check then checks them too.
         ON CONFLICT (employee_id, lineage_id, role) DO NOTHING`,
      );
    });
  } finally {
    await runner.query(`RESET session_replication_role`).catch(() => undefined);
    await runner.query(`RESET maintenance_work_mem; RESET work_mem`).catch(() => undefined);
    await runner.release();
  }
  await timedStep(timings, 'ANALYZE', () => dataSource.query('ANALYZE assessment; ANALYZE current_competency_level'));

  const teamManagerIndex = managerCount - 1;
  const reports = employeeIds.filter((_, index) => managerIndex[index] === teamManagerIndex);
  if (reports.length < 50) throw new Error(`the team manager has ${reports.length} reports, not 50`);
  return {
    employeeIds,
    managerIds: managerIndex.map((index) => (index === null ? null : (employeeIds[index] as string))),
    managers: employeeIds.slice(0, managerCount),
    teamManager: { id: employeeIds[teamManagerIndex] as string, reports },
    roleProfileId,
    frameworkVersionId,
    competencies,
    assessorUserId,
    assessments: people * perPerson,
    timings,
  };
}
