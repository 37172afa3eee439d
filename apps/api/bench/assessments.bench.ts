/**
 * `npm run bench:assessments`: assessments at scale, over HTTP through the real routes (the Nest
 * app as the tests start it, listening on a port, called with fetch). Generates an organisation
 * (support/assessment-organisation.ts: 50,000 people by default, a role profile of 20
 * competencies, 100 assessments per person: 5,000,000), then times:
 *
 *   a grid save: 50 people × 20 competencies, POST /api/assessments/batch as their manager     target < 500 ms
 *   a person's progression, GET /api/employees/:id/progression, 200 people                      target p95 < 30 ms
 *   a person's Competencies tab, GET /api/employees/:id/competencies, 200 people                target p95 < 30 ms
 *   current_competency_level against a recomputation from history, after the writes            mismatches: 0
 *
 * and, beside them, the team grid read, a history page, and the generation itself (the app's
 * trigger path on a sample, extrapolated; the bulk path with the triggers off and one rebuild).
 *
 *   BENCH_PEOPLE       people to generate (default 50,000)
 *   BENCH_PER_PERSON   assessments per person, a multiple of 20 up to 100 (default 100)
 *   BENCH_TRIGGERED    people written with the triggers on, to time that path (default 500)
 *   BENCH_EXPLAIN      print EXPLAIN ANALYZE of the read queries for one person
 */
import type {
  EmployeeCompetencies,
  EmployeeProgression,
  Page,
  AssessmentView,
  RecordAssessmentBatchResponse,
  TeamGrid,
} from '@proficio/shared/contracts';
import { performance } from 'node:perf_hooks';
import { Actor } from '../src/access';
import { AssessmentQueryService } from '../src/assessments/assessment-query.service';
import { currentLevelMismatches, generateAssessmentOrganisation } from './support/assessment-organisation';
import { envNumber, printTable, Row, row, sample, runBench, type BenchServer } from './support/http-bench';

const RUNS = 200;
const WARM_UP = 20;
const GRID_RUNS = 10;

async function main(bench: BenchServer): Promise<void> {
  const people = envNumber('BENCH_PEOPLE', 50_000);
  const perPerson = envNumber('BENCH_PER_PERSON', 100);
  const triggered = envNumber('BENCH_TRIGGERED', 500);
  const dataSource = bench.dataSource;
  console.log(
    `PostgreSQL: ${bench.postgres}; scale: ${people.toLocaleString('en')} people × ${perPerson} assessments = ${(people * perPerson).toLocaleString('en')}`,
  );
  const started = performance.now();
  const org = await generateAssessmentOrganisation(bench, {
    people,
    perPerson,
    withTriggers: triggered,
    log: (line) => console.log(line),
  });
  const generationMs = performance.now() - started;

  console.log(`\nGeneration (${org.assessments.toLocaleString('en')} assessments), ms:`);
  for (const [step, ms] of Object.entries(org.timings)) console.log(`  ${step.padEnd(62)} ${ms.toFixed(0).padStart(9)}`);
  console.log(`  ${'total'.padEnd(62)} ${generationMs.toFixed(0).padStart(9)}`);
  const triggeredMs = Object.entries(org.timings).find(([step]) => step.endsWith('with the triggers'))?.[1];
  if (triggeredMs && triggered > 0) {
    const perRow = triggeredMs / (triggered * perPerson);
    console.log(
      `  the trigger path writes ${(1000 / perRow).toFixed(0)} rows/s: ${org.assessments.toLocaleString('en')} that way would take ~${((perRow * org.assessments) / 60_000).toFixed(0)} min`,
    );
  }
  const sizes = (await dataSource.query(
    `SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS size, (SELECT reltuples::bigint FROM pg_class c WHERE c.oid = t.oid) AS rows
       FROM pg_class t WHERE relname IN ('assessment', 'current_competency_level', 'employee', 'employee_line') ORDER BY relname`,
  )) as { relname: string; size: string; rows: string }[];
  for (const size of sizes) console.log(`  ${size.relname}: ~${Number(size.rows).toLocaleString('en')} rows, ${size.size} with indexes`);

  const mismatchesBefore = await timedValue(() => currentLevelMismatches(dataSource));
  console.log(
    `current levels vs recomputation after generation: ${mismatchesBefore.value} mismatches (checked in ${mismatchesBefore.ms.toFixed(0)} ms)`,
  );

  // Accounts: the team's manager, and the head of the organisation (who may read everyone's records).
  await bench.testApp.createUser({ email: 'team.manager@bench.local', employeeId: org.teamManager.id });
  const headUserId = await bench.testApp.createUser({ email: 'head@bench.local', employeeId: org.employeeIds[0] as string });
  const manager = await bench.client('team.manager@bench.local');
  const head = await bench.client('head@bench.local');

  const sampled = (
    (await dataSource.query(`SELECT id FROM unnest($1::uuid[]) AS t(id) ORDER BY random() LIMIT $2`, [
      org.employeeIds,
      RUNS + WARM_UP,
    ])) as {
      id: string;
    }[]
  ).map((r) => r.id);

  if (process.env['BENCH_EXPLAIN']) await explain(dataSource, sampled[0] as string);

  const rows: Row[] = [];
  // (b) progression and (c) the Competencies tab of random people, as the head of the organisation.
  let points = 0;
  rows.push(
    row(
      'progression of one person (GET …/progression), HTTP',
      await sample(
        RUNS,
        async (run) => {
          const progression = await head.call<EmployeeProgression>('GET', `/api/employees/${sampled[run % sampled.length]}/progression`);
          if (progression.series.length === 0) throw new Error('an empty progression: the sample would not time a real read');
          points += progression.series.reduce((sum, series) => sum + series.manager.length + series.self.length, 0);
        },
        WARM_UP,
      ),
      '< 30 ms p95',
    ),
  );
  const pointsPerPerson = points / (RUNS + WARM_UP);
  rows.push(
    row(
      'Competencies tab of one person (GET …/competencies), HTTP',
      await sample(
        RUNS,
        async (run) => {
          const tab = await head.call<EmployeeCompetencies>('GET', `/api/employees/${sampled[run % sampled.length]}/competencies`);
          if (tab.items.length !== org.competencies.length) throw new Error(`the tab shows ${tab.items.length} competencies`);
        },
        WARM_UP,
      ),
      '< 30 ms p95',
    ),
    row(
      'history of one person, first page of 25 (GET …/assessments), HTTP',
      await sample(
        RUNS,
        async (run) => {
          const page = await head.call<Page<AssessmentView>>('GET', `/api/employees/${sampled[run % sampled.length]}/assessments`);
          if (page.items.length === 0) throw new Error('an empty history');
        },
        WARM_UP,
      ),
    ),
  );
  // The same reads without HTTP (the query service as the controller calls it), to show where the time goes.
  const reads = bench.testApp.app.get(AssessmentQueryService);
  const headActor: Actor = { userId: headUserId, employeeId: org.employeeIds[0] as string, roles: ['manager', 'employee'] };
  rows.push(
    row(
      'progression of one person, in-process',
      await sample(RUNS, (run) => reads.progression(headActor, sampled[run % sampled.length] as string, {}), WARM_UP),
      '',
      'query service only, no HTTP',
    ),
    row(
      'Competencies tab of one person, in-process',
      await sample(RUNS, (run) => reads.competencies(headActor, sampled[run % sampled.length] as string), WARM_UP),
      '',
      'query service only, no HTTP',
    ),
  );
  rows.push(
    row(
      `team grid of the manager (${org.teamManager.reports.length} people × ${org.competencies.length}), GET /api/me/team-grid`,
      await sample(
        50,
        async () => {
          const grid = await manager.call<TeamGrid>('GET', '/api/me/team-grid');
          if (grid.cells.length < 50 * org.competencies.length) throw new Error(`the grid has ${grid.cells.length} cells`);
        },
        5,
      ),
    ),
  );

  // (a) grid saves: 50 people × 20 competencies in one batch, each based on the latest record the grid showed.
  const team = org.teamManager.reports.slice(0, 50);
  const keys = team.flatMap((employeeId) => org.competencies.map((competency) => ({ employeeId, competency })));
  const latest = new Map(
    (
      (await dataSource.query(
        `SELECT DISTINCT ON (employee_id, lineage_id) employee_id || '/' || lineage_id AS key, id FROM assessment
           WHERE employee_id = ANY($1::uuid[]) AND role = 'manager' ORDER BY employee_id, lineage_id, recorded_at DESC, id DESC`,
        [team],
      )) as { key: string; id: string }[]
    ).map((r) => [r.key, r.id]),
  );
  let basedOn = keys.map(({ employeeId, competency }) => latest.get(`${employeeId}/${competency.id}`) ?? null);
  let bodyBytes = 0;
  const saveTimes = await sample(
    GRID_RUNS,
    async (run) => {
      const body = {
        assessments: keys.map(({ employeeId, competency }, index) => ({
          employeeId,
          competencyId: competency.id,
          role: 'manager',
          level: competency.levels[(run + index) % competency.levels.length],
          rationale: `Grid review ${run}`,
          basedOn: basedOn[index],
        })),
      };
      bodyBytes = Buffer.byteLength(JSON.stringify(body));
      const saved = await manager.call<RecordAssessmentBatchResponse>('POST', '/api/assessments/batch', { body });
      if (saved.items.length !== keys.length) throw new Error(`the batch saved ${saved.items.length} records`);
      basedOn = saved.items.map((item) => item.id);
    },
    1,
  );
  rows.push(
    row(
      `grid save: ${team.length} people × ${org.competencies.length} (${keys.length} records, ${(bodyBytes / 1024).toFixed(0)} KB), POST /api/assessments/batch`,
      saveTimes,
      '< 500 ms',
      `each: ${saveTimes.map((ms) => ms.toFixed(0)).join(', ')}`,
    ),
  );

  // (d) the current levels after the writes.
  const mismatchesAfter = await timedValue(() => currentLevelMismatches(dataSource));
  printTable(
    `Assessments: ${people.toLocaleString('en')} people, ${org.assessments.toLocaleString('en')} generated assessments (HTTP through the real routes)`,
    rows,
  );
  console.log(`progression points per person (manager + self, in force): ${pointsPerPerson.toFixed(1)}`);
  console.log(`generation: ${(generationMs / 1000).toFixed(1)} s`);
  console.log(
    `current levels vs recomputation from history: ${mismatchesBefore.value} mismatches after generation, ${mismatchesAfter.value} after ${GRID_RUNS + 1} grid saves (must be 0)`,
  );
  if (mismatchesBefore.value !== 0 || mismatchesAfter.value !== 0) process.exitCode = 1;
}

async function timedValue<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** EXPLAIN ANALYZE of the queries behind the progression and the Competencies tab, for one person. */
async function explain(dataSource: import('typeorm').DataSource, employeeId: string): Promise<void> {
  const plan = async (title: string, sql: string) => {
    const lines = (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [employeeId])) as Record<string, string>[];
    console.log(`\n${title}\n${lines.map((line) => line['QUERY PLAN']).join('\n')}`);
  };
  await plan(
    'progression points',
    `SELECT a.lineage_id, a.role, a.competency_id, a.outcome, a.level, a.assessed_on, a.id FROM assessment a
     WHERE a.employee_id = $1 AND a.kind <> 'withdrawal' AND a.role IN ('manager', 'self')
       AND NOT EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id)
     ORDER BY a.assessed_on, a.recorded_at`,
  );
  await plan(
    'history, first page',
    `SELECT a.id, (SELECT r.id FROM assessment r WHERE r.replaces_id = a.id) AS replaced_by, count(*) OVER () FROM assessment a
     JOIN employee subject ON subject.id = a.employee_id JOIN app_user u ON u.id = a.assessor_user_id
     WHERE a.employee_id = $1 ORDER BY a.assessed_on DESC, a.recorded_at DESC, a.id LIMIT 25`,
  );
  await plan('current levels of one person', `SELECT * FROM current_competency_level WHERE employee_id = $1`);
}

runBench(main);
