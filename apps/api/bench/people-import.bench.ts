/**
 * `npm run bench:people-import`: the bulk import of people at scale, as the
 * administrator waits for it: over HTTP through the real routes (the Nest app
 * as the tests start it, listening on a port, called with fetch as the
 * signed-in admin), on a real PostgreSQL. Generates a 50,000-row CSV (a
 * company seven levels deep, 216 teams four levels deep, role profiles by
 * level, rows in random order so that managers often come after their
 * reports), then, on a fresh database each run: uploads and previews it,
 * commits it, previews and commits the same file again (all unchanged), and
 * a reorganisation that moves 10% of people to new managers. BENCH_RUNS runs
 * (default 3); BENCH_PEOPLE sets the size. Prints a table of figures; checks
 * that every request succeeds and the reporting line matches the managers.
 *
 *   preview of 50,000 people (CSV)   target < 20 s
 *   commit of 50,000 people          target < 60 s
 */
import type { Page, PeopleImportCommitResult, PeopleImportPreview, PeopleImportRowView } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { form, peakRssMb, printTable, row, startBenchServer, stopPostgres, timed } from './support/http-bench';

const PEOPLE = Number(process.env['BENCH_PEOPLE'] ?? 50_000);
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

async function main(): Promise<void> {
  const runs = Number(process.env['BENCH_RUNS'] ?? 3);
  const people = organisation();
  const file = toCsv(people, 42);
  const teams = new Set(people.map((person) => person.team)).size;
  // A reorganisation: every tenth senior or staff member moves to another lead.
  const leads = people.filter((person) => person.level === 4);
  const moved = people.map((person, index) =>
    person.level >= 5 && index % 10 === 0
      ? { ...person, manager: (leads[index % leads.length] as Person).email, title: `${person.title} (moved)` }
      : person,
  );
  const steps = [
    'upload + preview, all new',
    'commit, all new',
    'page of 50 preview rows',
    'upload + preview of the same file (unchanged)',
    'commit of it (nothing to write)',
    'upload + preview of a reorganisation (10% move)',
    'commit of the reorganisation',
  ] as const;
  const times = new Map<string, number[]>(steps.map((step) => [step, []]));
  const counts = new Map<string, string>();
  let postgres = '';
  for (let run = 0; run < runs; run++) {
    const bench = await startBenchServer();
    postgres = bench.postgres;
    try {
      for (const name of ROLE_PROFILES)
        await bench.dataSource.query(`INSERT INTO role_profile (id, name) VALUES ($1, $2)`, [randomUUID(), name]);
      const admin = await bench.client('suite.admin@test.local');
      const step = async <T>(name: (typeof steps)[number], work: () => Promise<T>): Promise<T> => {
        const [result, ms] = await timed(work);
        times.get(name)?.push(ms);
        return result;
      };
      const upload = (content: Buffer, fileName: string) =>
        admin.call<PeopleImportPreview>('POST', '/api/people-imports', { form: form({}, { file: { content, name: fileName } }) });
      const commit = (id: string) => admin.call<PeopleImportCommitResult>('POST', `/api/people-imports/${id}/commit`, { expect: 200 });

      const first = await step('upload + preview, all new', () => upload(file, 'bench.csv'));
      counts.set('all new', JSON.stringify(first.counts));
      await step('commit, all new', () => commit(first.id));
      const page = await step('page of 50 preview rows', () =>
        admin.call<Page<PeopleImportRowView>>('GET', `/api/people-imports/${first.id}/rows?page=10&pageSize=50`),
      );
      if (page.items.length !== 50) throw new Error(`the page of preview rows has ${page.items.length} rows, not 50`);
      const same = await step('upload + preview of the same file (unchanged)', () => upload(toCsv(people, 7), 'again.csv'));
      counts.set('unchanged', JSON.stringify(same.counts));
      await step('commit of it (nothing to write)', () => commit(same.id));
      const reorganised = await step('upload + preview of a reorganisation (10% move)', () => upload(toCsv(moved, 9), 'reorg.csv'));
      counts.set('reorganisation', JSON.stringify(reorganised.counts));
      await step('commit of the reorganisation', () => commit(reorganised.id));

      const [{ wrong }] = await bench.dataSource.query(
        `WITH RECURSIVE up (ancestor_id, descendant_id, depth) AS (
           SELECT id, id, 0 FROM employee
           UNION ALL SELECT e.manager_id, up.descendant_id, up.depth + 1 FROM up JOIN employee e ON e.id = up.ancestor_id WHERE e.manager_id IS NOT NULL)
         SELECT (SELECT count(*) FROM (SELECT * FROM up EXCEPT SELECT * FROM employee_line) a) + (SELECT count(*) FROM (SELECT * FROM employee_line EXCEPT SELECT * FROM up) b) AS wrong`,
      );
      if (Number(wrong) !== 0) throw new Error(`${wrong} closure rows differ from the manager chain after run ${run + 1}`);
      console.log(`run ${run + 1} of ${runs} done; peak RSS so far ${peakRssMb().toFixed(0)} MB`);
    } finally {
      await bench.close();
    }
  }
  await stopPostgres();

  console.log(
    `PostgreSQL: ${postgres}; CSV of ${people.length.toLocaleString('en')} people, ${FAN_OUT.length + 1} levels, ${teams} teams: ${mb(file.length)}`,
  );
  for (const [name, value] of counts) console.log(`  preview counts, ${name}: ${value}`);
  printTable(
    `People import of ${people.length.toLocaleString('en')} people (HTTP through the real routes, signed in as admin; a fresh database each run)`,
    steps.map((name) =>
      row(
        name,
        times.get(name) ?? [],
        name === 'upload + preview, all new' ? '< 20000 ms' : name === 'commit, all new' ? '< 60000 ms' : undefined,
      ),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
