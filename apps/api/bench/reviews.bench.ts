/**
 * `npm run bench:reviews`: review cycles over HTTP through the real routes (the Nest app as the tests
 * start it, listening on a port, called with fetch).
 *
 *   opening a cycle for 50,000 participants (one transaction)                              target < 60 s
 *   a manager's review list, 1,000 people in their line (GET /api/reviews?cycleId=)        target p95 < 50 ms
 *   the last sign-off of a review of 30 competencies (assessments, current levels,         target < 200 ms
 *   snapshot, all in its transaction)
 *
 *   BENCH_PEOPLE       participants (default 50,000)
 *   BENCH_LINE         people in the manager's line (default 1,000)
 *   BENCH_SCOPE        competencies in the participants' role profile (default 10)
 */
import type { Page, ReviewCycleView, ReviewSummary, ReviewView } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { envNumber, form, printTable, Row, row, sample, runBench, type BenchServer, timed } from './support/http-bench';

const RUNS = 200;
const WARM_UP = 20;
const SIGNERS = 20;
const SIGN_SCOPE = 30;

async function main(bench: BenchServer): Promise<void> {
  const total = envNumber('BENCH_PEOPLE', 50_000);
  const lineSize = envNumber('BENCH_LINE', 1_000);
  const scopeSize = envNumber('BENCH_SCOPE', 10);
  const db = bench.dataSource;
  console.log(`PostgreSQL: ${bench.postgres}`);
  const admin = bench.testApp.http();

  // A framework of 30 competencies with five levels each (the SMP pack's, copied), imported as an administrator would.
  const pack = JSON.parse(
    readFileSync(resolve(__dirname, '../../../libs/shared/competency/src/lib/packs/service-management-processes.json'), 'utf8'),
  ) as { framework: Record<string, unknown>; competencies: Record<string, unknown>[] };
  const document = {
    ...pack,
    framework: { ...pack.framework, key: 'bench-review-framework', code: 'BRF', name: { en: 'Bench review framework' } },
    competencies: Array.from({ length: Math.max(scopeSize, SIGN_SCOPE) }, (_, n) => ({
      ...pack.competencies[0],
      key: `bench-competency-${n}`,
      code: `BRF${n}`,
      title: { en: `Bench competency ${n}` },
    })),
  };
  const importer = await bench.client('suite.admin@test.local');
  const preview = await importer.call<{ id: string }>('POST', '/api/frameworks/imports', {
    form: form({ format: 'proficio-json' }, { file: { content: JSON.stringify(document), name: 'bench.json' } }),
  });
  await importer.call('POST', `/api/frameworks/imports/${preview.id}/commit`, { expect: 200 });
  const competencies: { id: string; level: number }[] = await db.query(
    `SELECT c.id, 2 AS level FROM competency c JOIN framework_version v ON v.id = c.framework_version_id
       WHERE v.code = 'BRF' ORDER BY c.code`,
  );
  if (competencies.length < SIGN_SCOPE) throw new Error(`only ${competencies.length} competencies imported`);
  const profile = async (name: string, size: number) => {
    const created = await admin
      .post('/api/role-profiles')
      .send({ name, requirements: competencies.slice(0, size).map((item) => ({ competencyId: item.id, targetLevel: item.level })) })
      .expect(201);
    await admin.post(`/api/role-profiles/${created.body.id}/draft/publish`).expect(200);
    return created.body.id as string;
  };
  const everyone = await profile('Bench role', scopeSize);
  const signersRole = await profile('Bench role of 30', SIGN_SCOPE);

  // The organisation: one team; a manager (0) with `lineSize` people below them (SIGNERS leads, the rest under the
  // leads), everyone else in groups of fifty under heads of their own, outside the manager's line.
  let started = performance.now();
  const team = (await admin.post('/api/teams').send({ name: 'Bench organisation' }).expect(201)).body.id as string;
  const ids = Array.from({ length: total }, () => randomUUID());
  const managers = ids.map((_, n) => {
    if (n === 0) return null;
    if (n <= SIGNERS) return ids[0];
    if (n <= lineSize) return ids[1 + (n % SIGNERS)];
    const group = lineSize + 1 + 50 * Math.floor((n - lineSize - 1) / 50);
    return n === group ? null : ids[group];
  });
  await db.transaction(async (manager) => {
    await manager.query(`SELECT set_config('proficio.bulk_line', 'on', true)`);
    await manager.query(
      `INSERT INTO employee (id, email, name, manager_id, team_id, role_profile_id)
         SELECT id, 'review' || n || '@bench.local', 'Person ' || lpad(n::text, 6, '0'), manager, $4,
                CASE WHEN n BETWEEN 1 AND $6 THEN $5 ELSE $3 END::uuid
         FROM unnest($1::uuid[], $2::uuid[], $7::int[]) AS t(id, manager, n)`,
      [ids, managers, everyone, team, signersRole, SIGNERS, ids.map((_, n) => n)],
    );
    await manager.query(`SELECT set_config('proficio.bulk_line', 'off', true)`);
    await manager.query(`SELECT rebuild_employee_line($1::uuid[])`, [ids]);
  });
  await db.query('ANALYZE employee; ANALYZE employee_line');
  for (let n = 0; n <= SIGNERS; n++) await bench.testApp.createUser({ email: `review${n}@bench.local`, employeeId: ids[n] });
  console.log(`Generated ${total.toLocaleString('en')} people in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const cycle = (
    await admin
      .post('/api/review-cycles')
      .send({
        name: 'Bench cycle',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        selfDue: '2099-01-01',
        managerDue: '2099-02-01',
        participants: { kind: 'team', teamId: team },
        includeTargetRole: false,
      })
      .expect(201)
  ).body as ReviewCycleView;
  started = performance.now();
  const opened = (await admin.post(`/api/review-cycles/${cycle.id}/open`).timeout(600_000).expect(200)).body as ReviewCycleView;
  const openMs = performance.now() - started;
  const [scoped] = await db.query(`SELECT count(*)::int AS n FROM review_competency`);
  await db.query('ANALYZE review; ANALYZE review_competency');

  const head = await bench.client('review0@bench.local');
  const rows: Row[] = [
    row(
      `open a cycle: ${opened.total.toLocaleString('en')} reviews, ${Number(scoped.n).toLocaleString('en')} competencies in scope`,
      [openMs],
      '< 60 s',
      'POST …/open, one transaction',
    ),
  ];
  const list = await head.call<Page<ReviewSummary>>('GET', `/api/reviews?cycleId=${cycle.id}`);
  rows.push(
    row(
      `manager's review list (${list.total.toLocaleString('en')} in reach, first page of 25)`,
      await sample(RUNS, () => head.call('GET', `/api/reviews?cycleId=${cycle.id}`), WARM_UP),
      'p95 < 50 ms',
    ),
  );
  rows.push(
    row(
      "manager's review list, filtered by state and name",
      await sample(RUNS, (run) => head.call('GET', `/api/reviews?cycleId=${cycle.id}&state=not_started&q=${run % 10}`), WARM_UP),
    ),
  );
  rows.push(
    row(
      'cycle overview counts (GET /api/review-cycles/:id, the line)',
      await sample(RUNS, () => head.call('GET', `/api/review-cycles/${cycle.id}`), WARM_UP),
    ),
  );

  // Sign-offs: each lead walks their review of 30 competencies with the manager; the last sign-off is timed.
  const signTimes: number[] = [];
  const reviewTimes: number[] = [];
  for (let n = 1; n <= SIGNERS; n++) {
    const person = await bench.client(`review${n}@bench.local`);
    const summary = (await head.call<Page<ReviewSummary>>('GET', `/api/reviews?cycleId=${cycle.id}&employeeId=${ids[n]}`)).items[0];
    if (!summary) throw new Error(`no review of lead ${n}`);
    const id = summary.id;
    await person.call('POST', `/api/reviews/${id}/actions/start`, { body: {} });
    const scope = competencies.slice(0, SIGN_SCOPE);
    await person.call('PUT', `/api/reviews/${id}/ratings`, {
      body: { role: 'self', ratings: scope.map((item) => ({ competencyId: item.id, outcome: 'rated', level: item.level })) },
    });
    await person.call('POST', `/api/reviews/${id}/actions/submit-self`, { body: {} });
    await head.call('PUT', `/api/reviews/${id}/ratings`, {
      body: {
        role: 'manager',
        ratings: scope.map((item) => ({ competencyId: item.id, outcome: 'rated', level: item.level, rationale: 'Seen at work.' })),
      },
    });
    await head.call('POST', `/api/reviews/${id}/actions/share`, { body: {} });
    reviewTimes.push((await timed(() => head.call<ReviewView>('GET', `/api/reviews/${id}`)))[1]);
    await head.call('POST', `/api/reviews/${id}/actions/sign`, { body: {} });
    const [locked, ms] = await timed(() => person.call<ReviewView>('POST', `/api/reviews/${id}/actions/sign`, { body: {} }));
    if (locked.state !== 'locked' || locked.snapshots.length !== 1) throw new Error(`review ${id} did not lock`);
    signTimes.push(ms);
  }
  rows.push(row(`last sign-off of a review of ${SIGN_SCOPE} competencies`, signTimes, '< 200 ms', 'incl. assessments, snapshot'));
  rows.push(row(`a review of ${SIGN_SCOPE} competencies (GET /api/reviews/:id)`, reviewTimes));
  const [assessed] = await db.query(`SELECT count(*)::int AS n FROM assessment WHERE review_id IS NOT NULL`);
  printTable(`Reviews: ${total.toLocaleString('en')} people, ${scopeSize} competencies each (HTTP through the real routes)`, rows);
  console.log(`assessments written by the sign-offs: ${assessed.n} (expected ${SIGNERS * SIGN_SCOPE * 2})`);
}

runBench(main);
