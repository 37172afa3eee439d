/**
 * `npm run bench:people`: the people pages a senior manager waits for, over
 * HTTP through the real routes (the Nest app as the tests start it, listening
 * on a port, called with fetch as the signed-in manager). Builds a
 * 50,000-person organisation six levels deep on a real PostgreSQL, then times
 * listing the ~1,000 people of a director's line a page at a time, searching
 * it, and opening one person. Every sampled page has rows (checked: a run
 * that reads an empty page stops the bench). After a warm-up, 200 runs each.
 * Prints a table of figures, with in-process figures of the same queries.
 *
 *   list a page of 25 of a senior manager's line (1,010 people)   target p95 < 50 ms
 */
import type { EmployeeSummary, Page } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AccessService, Actor } from '../src/access';
import { EmployeeQueryService } from '../src/employees/employee-query.service';
import { printTable, Row, row, sample, runBench, type BenchServer } from './support/http-bench';

/** Fan-out per level: 1 CEO, 5 VPs, 50 directors, 500 managers, 5,000 leads, 45,000 employees. */
const FAN_OUT = [5, 10, 10, 10, 9];
const RUNS = 200;
const WARM_UP = 20;

function nonEmpty<T>(page: Page<T>, what: string): Page<T> {
  if (page.items.length === 0) throw new Error(`${what} read an empty page: the sample would not time a real read`);
  return page;
}

async function main(bench: BenchServer): Promise<void> {
  const dataSource = bench.dataSource;
  const app = bench.testApp.app;
  // Build the organisation level by level.
  const ids: string[] = [];
  const managers: (string | null)[] = [];
  let level: string[] = [randomUUID()];
  ids.push(level[0] as string);
  managers.push(null);
  for (const fanOut of FAN_OUT) {
    const next: string[] = [];
    for (const manager of level) {
      for (let index = 0; index < fanOut; index++) {
        const id = randomUUID();
        next.push(id);
        ids.push(id);
        managers.push(manager);
      }
    }
    level = next;
  }
  const started = performance.now();
  for (let start = 0; start < ids.length; start += 5000) {
    const chunk = ids.slice(start, start + 5000);
    await dataSource.query(
      `INSERT INTO employee (id, email, name, job_title, manager_id)
         SELECT id, 'person' || n || '@bench.local', 'Person ' || n, 'Role ' || (n % 37), manager
         FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS t(id, manager, n)`,
      [chunk, managers.slice(start, start + 5000), chunk.map((_, index) => start + index)],
    );
  }
  await dataSource.query('ANALYZE employee');
  console.log(
    `PostgreSQL: ${bench.postgres}; ${ids.length.toLocaleString('en')} employees, ${FAN_OUT.length + 1} levels, inserted in ${(performance.now() - started).toFixed(0)} ms`,
  );

  const director = ids[1 + 5 + 7] as string; // a director: 10 managers, 100 leads, 900 employees below
  const access = app.get(AccessService);
  const actor: Actor = { userId: randomUUID(), employeeId: director, roles: ['manager', 'employee'] };
  console.log(`people in the director's line: ${await access.reportCount(director)}`);
  await bench.testApp.createUser({ email: 'director@bench.local', employeeId: director });
  const manager = await bench.client('director@bench.local');

  const employees = app.get(EmployeeQueryService);
  if (process.env['BENCH_EXPLAIN']) {
    const plan = await dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT e.id, e.name, count(*) OVER () FROM employee_line s JOIN employee e ON e.id = s.descendant_id
         LEFT JOIN employee m ON m.id = e.manager_id LEFT JOIN team t ON t.id = e.team_id WHERE s.ancestor_id = $1 ORDER BY lower(e.name), e.id LIMIT 25 OFFSET 100`,
      [director],
    );
    console.log(plan.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'));
    const searchPlan = await dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT e.id, e.name, count(*) OVER () FROM employee_line s JOIN employee e ON e.id = s.descendant_id
         LEFT JOIN employee m ON m.id = e.manager_id LEFT JOIN team t ON t.id = e.team_id
         WHERE s.ancestor_id = $1 AND e.search_text LIKE lower($2) ORDER BY lower(e.name), e.id LIMIT 25`,
      [director, '%Person 7%'],
    );
    console.log(searchPlan.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'));
  }
  const list = (query: string, what: string) =>
    manager.call<Page<EmployeeSummary>>('GET', `/api/employees?${query}`).then((page) => nonEmpty(page, what));
  const firstPage = await list('page=1&pageSize=25', 'the first page');
  const pages = Math.ceil(firstPage.total / 25);
  const pages100 = Math.ceil(firstPage.total / 100);
  // Search texts that are in the line: the names of people in it, in random order, and job titles.
  const names = (
    (await dataSource.query(
      `SELECT e.name FROM employee_line s JOIN employee e ON e.id = s.descendant_id WHERE s.ancestor_id = $1 AND s.depth > 0 ORDER BY random() LIMIT $2`,
      [director, RUNS + WARM_UP],
    )) as { name: string }[]
  ).map((r) => r.name);
  const people = (
    (await dataSource.query(
      `SELECT descendant_id AS id FROM employee_line WHERE ancestor_id = $1 AND depth > 0 ORDER BY random() LIMIT $2`,
      [director, RUNS + WARM_UP],
    )) as { id: string }[]
  ).map((r) => r.id);

  const rows: Row[] = [
    row(
      `page of 25 of the line (${firstPage.total} people, ${pages} pages), HTTP`,
      await sample(RUNS, (run) => list(`page=${(run % pages) + 1}&pageSize=25`, 'a page of 25'), WARM_UP),
      '< 50 ms p95',
    ),
    row(
      'page of 25 of the line, in-process',
      await sample(
        RUNS,
        async (run) => nonEmpty(await employees.list(actor, { page: (run % pages) + 1, pageSize: 25 }), 'a page of 25'),
        WARM_UP,
      ),
      '',
      'query only, no HTTP',
    ),
    row(
      `page of 100 of the line (${pages100} pages), HTTP`,
      await sample(RUNS, (run) => list(`page=${(run % pages100) + 1}&pageSize=100`, 'a page of 100'), WARM_UP),
    ),
    row(
      'search the line by a name in it, HTTP',
      await sample(
        RUNS,
        (run) => list(`q=${encodeURIComponent(names[run % names.length] as string)}&pageSize=25`, 'a name search'),
        WARM_UP,
      ),
      '',
      'every search finds the person',
    ),
    row(
      'search the line by a name in it, in-process',
      await sample(
        RUNS,
        async (run) =>
          nonEmpty(await employees.list(actor, { q: names[run % names.length] as string, page: 1, pageSize: 25 }), 'a name search'),
        WARM_UP,
      ),
      '',
      'query only, no HTTP',
    ),
    row(
      'search the line by job title ("Role 1x"), HTTP',
      await sample(RUNS, (run) => list(`q=${encodeURIComponent(`Role ${10 + (run % 10)}`)}&pageSize=25`, 'a job title search'), WARM_UP),
    ),
    row(
      'open one person of the line, HTTP',
      await sample(RUNS, (run) => manager.call('GET', `/api/employees/${people[run % people.length]}`), WARM_UP),
    ),
  ];
  const deepest = ids[ids.length - 1] as string;
  const ceo: Actor = { userId: randomUUID(), employeeId: ids[0] as string, roles: ['manager', 'employee'] };
  rows.push(
    row(
      'access check, CEO on the deepest employee (6 levels up), in-process',
      await sample(RUNS, () => access.require(ceo, 'employee.read', deepest), WARM_UP),
    ),
  );
  printTable('People pages of a director (HTTP through the real routes, signed in as the director)', rows);
}

runBench(main);
