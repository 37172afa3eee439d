/**
 * `npm run bench:people`: the reporting-line access check at scale. Builds a
 * 50,000-person organisation six levels deep on a real PostgreSQL, then times
 * what a senior manager does most: list the ~1,000 people of their line, a
 * page at a time, and open one of them. Prints figures; asserts nothing.
 *
 *   list a page of a senior manager's line (1,010 people)   target p95 < 50 ms
 */
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { AccessService, Actor } from '../src/access';
import { EmployeeQueryService } from '../src/employees/employee-query.service';
import { startTestPostgres } from '../test/support/postgres-server';
import { createTestDatabase } from '../test/support/test-database';

/** Fan-out per level: 1 CEO, 5 VPs, 50 directors, 500 managers, 5,000 leads, 45,000 employees. */
const FAN_OUT = [5, 10, 10, 10, 9];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function sample(runs: number, work: (run: number) => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work(run);
    times.push(performance.now() - start);
  }
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${runs} runs`;
}

async function main(): Promise<void> {
  const server = await startTestPostgres();
  process.env['PROFICIO_TEST_ADMIN_URL'] = server.adminUrl;
  const database = await createTestDatabase();
  let app: INestApplicationContext | undefined;
  try {
    await runMigrations(database.url);
    app = await NestFactory.createApplicationContext(
      AppModule.forRoot({
        config: { ...loadConfig({ LOG_LEVEL: 'silent', DEMO_MODE: 'false' }), webDistDir: undefined },
        databaseUrl: database.url,
      }),
      { logger: false },
    );
    await app.init();
    const dataSource = app.get(DataSource);

    // Build the organisation level by level.
    const ids: string[] = [];
    const managers: (string | null)[] = [];
    let level = [randomUUID()];
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
      `PostgreSQL: ${server.source}; ${ids.length.toLocaleString('en')} employees, ${FAN_OUT.length + 1} levels, inserted in ${(performance.now() - started).toFixed(0)} ms`,
    );

    const director = ids[1 + 5 + 7] as string; // a director: 10 managers, 100 leads, 900 employees below
    const access = app.get(AccessService);
    const actor: Actor = { userId: randomUUID(), employeeId: director, roles: ['manager', 'employee'] };
    console.log(`people in the director's line: ${await access.reportCount(director)}`);

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
    const firstPage = await employees.list(actor, { page: 1, pageSize: 25 });
    const pages = Math.ceil(firstPage.total / 25);
    console.log(
      `list a page of 25 of the line (${firstPage.total} people, ${pages} pages): ${await sample(200, (run) => employees.list(actor, { page: (run % pages) + 1, pageSize: 25 }))} (target p95 < 50 ms)`,
    );
    console.log(
      `list a page of 100 of the line: ${await sample(100, (run) => employees.list(actor, { page: (run % 12) + 1, pageSize: 100 }))}`,
    );
    console.log(
      `search the line by name: ${await sample(100, (run) => employees.list(actor, { q: `Person ${run}`, page: 1, pageSize: 25 }))}`,
    );
    const deepest = ids[ids.length - 1] as string;
    const ceo: Actor = { userId: randomUUID(), employeeId: ids[0] as string, roles: ['manager', 'employee'] };
    console.log(`access check, CEO on the deepest employee (6 levels up): ${await sample(200, () => access.accessTo(ceo, deepest))}`);
  } finally {
    await app?.close();
    await database.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
