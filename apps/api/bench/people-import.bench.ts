/**
 * `npm run bench:people-import`: the bulk import of people at scale, on a real
 * PostgreSQL. Generates a 50,000-row CSV (a company seven levels deep, 216
 * teams four levels deep, role profiles by level, rows in random order so that
 * managers often come after their reports), then times the preview and the
 * commit, a re-import of the same file (all unchanged), and a re-import that
 * moves 10% of people to new managers. Prints figures; asserts nothing.
 *
 *   preview of 50,000 people (CSV)   target < 20 s
 *   commit of 50,000 people          target < 60 s
 */
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { Actor } from '../src/access';
import { PeopleImportService } from '../src/people-imports/people-import.service';
import { startTestPostgres } from '../test/support/postgres-server';
import { createTestDatabase } from '../test/support/test-database';

const PEOPLE = 50_000;
/** Reports per person at each level: 1 CEO, 5 VPs, 30 directors, 180 managers, 1,080 leads, 7,560 seniors, the rest staff. */
const FAN_OUT = [5, 6, 6, 6, 7, 7];
const ROLE_PROFILES = ['Chief Executive', 'Vice President', 'Director', 'Manager', 'Team Lead', 'Senior Specialist', 'Specialist'];

interface Person {
  email: string;
  name: string;
  title: string;
  team: string;
  manager: string;
  role: string;
  level: number;
}

/** A small deterministic generator, so that every run imports the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function organisation(): Person[] {
  const people: Person[] = [
    {
      email: 'p0@bench.test',
      name: 'Person 0',
      title: ROLE_PROFILES[0] as string,
      team: 'Company',
      manager: '',
      role: ROLE_PROFILES[0] as string,
      level: 0,
    },
  ];
  let level = [people[0] as Person];
  for (let depth = 1; depth <= FAN_OUT.length && people.length < PEOPLE; depth++) {
    const next: Person[] = [];
    for (const manager of level) {
      for (let index = 0; index < (FAN_OUT[depth - 1] as number) && people.length < PEOPLE; index++) {
        const n = people.length;
        // Teams follow the top four levels; below a manager everyone is in the manager's team.
        const team = depth <= 3 ? `${manager.team} / ${['Division', 'Department', 'Team'][depth - 1]} ${n}` : manager.team;
        const person = {
          email: `p${n}@bench.test`,
          name: `Person ${n} Ünïcode`,
          title: `${ROLE_PROFILES[depth]} ${n % 17}`,
          team,
          manager: manager.email,
          role: ROLE_PROFILES[depth] as string,
          level: depth,
        };
        people.push(person);
        next.push(person);
      }
    }
    level = next;
  }
  return people;
}

function toCsv(people: Person[], seed: number): Buffer {
  const shuffled = [...people];
  const next = random(seed);
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as Person, shuffled[index] as Person];
  }
  const quote = (text: string) => (/[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = shuffled.map((person) =>
    [person.email, person.name, person.title, person.team, person.manager, person.role].map(quote).join(','),
  );
  return Buffer.from(`\uFEFFemail,name,job title,team path,manager email,role profile\r\n${lines.join('\r\n')}\r\n`, 'utf8');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const peakRss = () => mb(process.resourceUsage().maxRSS * 1024);

async function timed<T>(label: string, target: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(
    `${label}: ${((performance.now() - start) / 1000).toFixed(2)} s${target ? ` (target ${target})` : ''}; peak RSS so far ${peakRss()}`,
  );
  return result;
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
    const actor: Actor = { userId: randomUUID(), employeeId: null, roles: ['admin'] };
    await dataSource.query(`INSERT INTO app_user (id, email, is_admin) VALUES ($1, 'bench.admin@bench.test', true)`, [actor.userId]);
    for (const name of ROLE_PROFILES) await dataSource.query(`INSERT INTO role_profile (id, name) VALUES ($1, $2)`, [randomUUID(), name]);

    const people = organisation();
    const file = toCsv(people, 42);
    const teams = new Set(people.map((person) => person.team)).size;
    console.log(
      `PostgreSQL: ${server.source}; CSV of ${people.length.toLocaleString('en')} people, ${FAN_OUT.length + 1} levels, ${teams} teams: ${mb(file.length)}`,
    );

    const imports = app.get(PeopleImportService);
    const first = await timed('preview, 50,000 new people', '< 20 s', () =>
      imports.preview(actor, { buffer: file, originalname: 'bench.csv' }),
    );
    console.log(`  counts: ${JSON.stringify(first.counts)}; teams to create: ${first.teamsToCreate.length}`);
    const committed = await timed('commit, 50,000 new people', '< 60 s', () => imports.commit(actor, first.id));
    console.log(`  result: ${JSON.stringify(committed)}`);
    const [{ lines, deepest }] = await dataSource.query(`SELECT count(*)::int AS lines, max(depth)::int AS deepest FROM employee_line`);
    console.log(`  employee_line: ${lines.toLocaleString('en')} rows, deepest line ${deepest}`);

    await timed('page of 50 rows of the preview (errors only)', '', () =>
      imports.rows(first.id, { page: 10, pageSize: 50, errorsOnly: true }),
    );

    const same = await timed('preview of the same file again (all unchanged)', '', () =>
      imports.preview(actor, { buffer: toCsv(people, 7), originalname: 'again.csv' }),
    );
    console.log(`  counts: ${JSON.stringify(same.counts)}`);
    await timed('commit of it (nothing to write)', '', () => imports.commit(actor, same.id));

    // A reorganisation: every tenth senior or staff member moves to another lead.
    const leads = people.filter((person) => person.level === 4);
    const moved = people.map((person, index) =>
      person.level >= 5 && index % 10 === 0
        ? { ...person, manager: (leads[index % leads.length] as Person).email, title: `${person.title} (moved)` }
        : person,
    );
    const reorganised = await timed('preview of a reorganisation (10% of people move)', '', () =>
      imports.preview(actor, { buffer: toCsv(moved, 9), originalname: 'reorg.csv' }),
    );
    console.log(`  counts: ${JSON.stringify(reorganised.counts)}`);
    await timed('commit of the reorganisation', '', () => imports.commit(actor, reorganised.id));
    const [{ wrong }] = await dataSource.query(
      `WITH RECURSIVE up (ancestor_id, descendant_id, depth) AS (
         SELECT id, id, 0 FROM employee
         UNION ALL SELECT e.manager_id, up.descendant_id, up.depth + 1 FROM up JOIN employee e ON e.id = up.ancestor_id WHERE e.manager_id IS NOT NULL)
       SELECT (SELECT count(*) FROM (SELECT * FROM up EXCEPT SELECT * FROM employee_line) a) + (SELECT count(*) FROM (SELECT * FROM employee_line EXCEPT SELECT * FROM up) b) AS wrong`,
    );
    console.log(`closure rows that differ from the manager chain after all imports: ${wrong}`);
    console.log(`peak RSS: ${peakRss()}`);
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
