import type { PeopleImportColumn } from '@proficio/shared/contracts';
import type { RawPeopleRow } from './people-import-file';
import { findCycles, OrganisationSnapshot, planPeopleImport, splitTeamPath, withDescendants } from './people-import-plan';

const ALL: PeopleImportColumn[] = ['email', 'name', 'job title', 'team path', 'manager email', 'role profile'];

/** Rows as [email, name, job title, team path, manager email, role profile]; row numbers from 2. */
function file(rows: string[][], columns: PeopleImportColumn[] = ALL): { columns: PeopleImportColumn[]; rows: RawPeopleRow[] } {
  return {
    columns,
    rows: rows.map((cells, index) => ({
      row: index + 2,
      values: Object.fromEntries(columns.map((column, at) => [column, cells[at] ?? ''])),
      extraCells: false,
    })),
  };
}

/** Marco manages Luca, who manages Sara; teams Company / IT / Service Desk; role profiles Analyst and (archived) Operator. */
const ORGANISATION: OrganisationSnapshot = {
  employees: [
    {
      id: 'marco',
      email: 'Marco@Example.com',
      name: 'Marco Rossi',
      jobTitle: 'Director',
      teamId: 'it',
      managerId: null,
      roleProfileId: null,
    },
    {
      id: 'luca',
      email: 'luca@example.com',
      name: 'Luca Esposito',
      jobTitle: 'Lead',
      teamId: 'desk',
      managerId: 'marco',
      roleProfileId: null,
    },
    {
      id: 'sara',
      email: 'sara@example.com',
      name: 'Sara Bianchi',
      jobTitle: 'Analyst',
      teamId: 'desk',
      managerId: 'luca',
      roleProfileId: 'analyst',
    },
  ],
  teams: [
    { id: 'company', parentId: null, name: 'Company' },
    { id: 'it', parentId: 'company', name: 'IT' },
    { id: 'desk', parentId: 'it', name: 'Service Desk' },
    { id: 'slash', parentId: 'company', name: 'R/D' },
  ],
  roleProfiles: [
    { id: 'analyst', name: 'Analyst', archived: false },
    { id: 'operator', name: 'Operator', archived: true },
  ],
};

const plan = (rows: string[][], columns?: PeopleImportColumn[]) => planPeopleImport(file(rows, columns), ORGANISATION);
const errorsOf = (rows: string[][], columns?: PeopleImportColumn[]) => plan(rows, columns).rows.map((row) => row.errors);

describe('planPeopleImport', () => {
  it('creates new people, updates changed ones by email (any casing) and leaves the same ones alone', () => {
    const result = plan([
      ['new@example.com', 'New Person', 'Analyst', 'Company / IT / Service Desk', 'luca@example.com', 'analyst'],
      ['SARA@example.com', 'Sara Bianchi', 'Senior Analyst', 'Company/IT/Service Desk', 'luca@example.com', 'Analyst'],
      ['luca@example.com', 'Luca  Esposito', 'Lead', 'company / it / service desk', 'marco@example.com', ''],
    ]);
    expect(result.rows.map((row) => [row.action, row.existingId])).toEqual([
      ['create', null],
      ['update', 'sara'],
      ['unchanged', 'luca'],
    ]);
    expect(result.counts).toEqual({ rows: 3, create: 1, update: 1, unchanged: 1, error: 0 });
    expect(result.rows[0]).toMatchObject({
      teamKey: 'company/it/service desk',
      managerEmail: 'luca@example.com',
      roleProfileId: 'analyst',
    });
    expect(result.teamsToCreate).toEqual([]);
  });

  it('leaves the columns a file does not have as they are', () => {
    const result = plan([['sara@example.com', 'Sara Bianchi']], ['email', 'name']);
    expect(result.rows[0]?.action).toBe('unchanged');
    for (const field of ['jobTitle', 'teamKey', 'managerEmail', 'roleProfileId']) expect(result.rows[0]).not.toHaveProperty(field);
    const cleared = plan([['sara@example.com', 'Sara Bianchi', '', '', '', '']]);
    expect(cleared.rows[0]).toMatchObject({ action: 'update', jobTitle: null, teamKey: null, managerEmail: null, roleProfileId: null });
  });

  it('lists the teams to create, parents first, once each, matching existing names in any casing', () => {
    const result = plan([
      ['a@example.com', 'A', '', 'Company / IT / Platform / SRE', '', ''],
      ['b@example.com', 'B', '', 'company / it / platform', '', ''],
      ['c@example.com', 'C', '', 'Sales', '', ''],
    ]);
    expect(result.teamsToCreate).toEqual([
      { key: 'company/it/platform', parentKey: 'company/it', name: 'Platform', path: 'Company / IT / Platform' },
      { key: 'company/it/platform/sre', parentKey: 'company/it/platform', name: 'SRE', path: 'Company / IT / Platform / SRE' },
      { key: 'sales', parentKey: null, name: 'Sales', path: 'Sales' },
    ]);
  });

  it('lets a manager be a person further down the same file', () => {
    const result = plan([
      ['lead@example.com', 'Lead', '', '', 'boss@example.com', ''],
      ['boss@example.com', 'Boss', '', '', 'marco@example.com', ''],
    ]);
    expect(result.rows.map((row) => row.action)).toEqual(['create', 'create']);
    expect(result.finalManagers.get('lead@example.com')).toBe('boss@example.com');
  });

  it.each<[string, string[], { column?: string; message: RegExp }]>([
    ['a missing email', ['', 'Ada'], { column: 'email', message: /is required/ }],
    ['an invalid email', ['ada.example.com', 'Ada'], { column: 'email', message: /not an email address/ }],
    ['an over-long email', [`${'a'.repeat(320)}@example.com`, 'Ada'], { column: 'email', message: /longer than 320/ }],
    ['a missing name', ['ada@example.com', '  '], { column: 'name', message: /is required/ }],
    ['an over-long name', ['ada@example.com', 'Ä'.repeat(201)], { column: 'name', message: /longer than 200/ }],
    ['an over-long job title', ['ada@example.com', 'Ada', 'x'.repeat(201)], { column: 'job title', message: /longer than 200/ }],
    ['an empty team in a path', ['ada@example.com', 'Ada', '', 'Company // IT'], { column: 'team path', message: /empty team name/ }],
    [
      'an over-long team name',
      ['ada@example.com', 'Ada', '', `Company / ${'t'.repeat(201)}`],
      { column: 'team path', message: /longer than 200/ },
    ],
    [
      'an unknown manager',
      ['ada@example.com', 'Ada', '', '', 'ghost@example.com'],
      { column: 'manager email', message: /ghost@example.com is neither in Proficio nor in this file/ },
    ],
    ['an invalid manager email', ['ada@example.com', 'Ada', '', '', 'ghost'], { column: 'manager email', message: /not an email address/ }],
    ['oneself as manager', ['ada@example.com', 'Ada', '', '', 'ADA@example.com'], { column: 'manager email', message: /own email/ }],
    [
      'an unknown role profile',
      ['ada@example.com', 'Ada', '', '', '', 'Astronaut'],
      { column: 'role profile', message: /"Astronaut" is not a role profile/ },
    ],
    [
      'an archived role profile',
      ['ada@example.com', 'Ada', '', '', '', 'operator'],
      { column: 'role profile', message: /"Operator" is archived/ },
    ],
    ['a NUL character', ['ada@example.com', 'A\u0000da'], { column: 'name', message: /NUL/ }],
  ])('reports %s on its row and column', (_, cells, expected) => {
    const result = plan([cells]);
    expect(result.rows[0]?.action).toBe('error');
    expect(result.rows[0]?.errors).toEqual([
      { ...(expected.column ? { column: expected.column } : {}), message: expect.stringMatching(expected.message) },
    ]);
    expect(result.counts.error).toBe(1);
  });

  it('reports text beyond the header as an error of the row', () => {
    const result = planPeopleImport(
      { columns: ['email', 'name'], rows: [{ row: 2, values: { email: 'a@example.com', name: 'A' }, extraCells: true }] },
      ORGANISATION,
    );
    expect(result.rows[0]?.errors).toEqual([{ message: expect.stringMatching(/right of the last column/) }]);
  });

  it('reports a duplicate email on the later rows, naming the first', () => {
    expect(
      errorsOf([
        ['ada@example.com', 'Ada'],
        ['bob@example.com', 'Bob'],
        ['ADA@example.com', 'Ada again'],
      ]),
    ).toEqual([[], [], [{ column: 'email', message: 'is already on row 2: each person can be in the file once' }]]);
  });

  it('reports a cycle within the file on every row of it', () => {
    const errors = errorsOf([
      ['a@example.com', 'A', '', '', 'b@example.com'],
      ['b@example.com', 'B', '', '', 'c@example.com'],
      ['c@example.com', 'C', '', '', 'a@example.com'],
      ['d@example.com', 'D', '', '', 'a@example.com'],
    ]);
    expect(errors.slice(0, 3)).toEqual(
      [0, 1, 2].map(() => [
        {
          column: 'manager email',
          message: expect.stringMatching(/^would make the reporting line a cycle: (\S+@example\.com → ){3}\S+@example\.com$/),
        },
      ]),
    );
    expect(errors[3]).toEqual([]);
  });

  it('reports a cycle the file makes with the reporting line already in Proficio', () => {
    // Marco -> Luca -> Sara today; the file puts Marco under Sara.
    const result = plan([['marco@example.com', 'Marco Rossi', 'Director', 'Company / IT', 'sara@example.com', '']]);
    expect(result.rows[0]?.errors).toEqual([
      {
        column: 'manager email',
        message: 'would make the reporting line a cycle: marco@example.com → sara@example.com → luca@example.com → marco@example.com',
      },
    ]);
  });

  it('accepts a reorganisation that would only be a cycle halfway through', () => {
    // Luca moves up to report to nobody, and Marco moves under Sara, in one file.
    const result = plan([
      ['luca@example.com', 'Luca Esposito', 'Lead', 'Company / IT / Service Desk', '', ''],
      ['marco@example.com', 'Marco Rossi', 'Director', 'Company / IT', 'sara@example.com', ''],
    ]);
    expect(result.rows.map((row) => row.action)).toEqual(['update', 'update']);
  });

  it('cannot address an existing team whose name holds the separator, and plans a new path instead', () => {
    const result = plan([['a@example.com', 'A', '', 'Company / R / D', '', '']]);
    expect(result.teamsToCreate.map((team) => team.path)).toEqual(['Company / R', 'Company / R / D']);
  });
});

describe('splitTeamPath', () => {
  it.each([
    ['Engineering / Service Desk', ['Engineering', 'Service Desk'], undefined],
    ['  Engineering/Service   Desk ', ['Engineering', 'Service Desk'], undefined],
    ['/Engineering', ['', 'Engineering'], /empty team name/],
    [Array.from({ length: 21 }, (_, index) => `T${index}`).join('/'), expect.any(Array), /more than 20 teams deep/],
  ])('splits %p', (path, names, error) => {
    const result = splitTeamPath(path as string);
    expect(result.names).toEqual(names);
    if (error) expect(result.error).toMatch(error);
    else expect(result.error).toBeUndefined();
  });
});

describe('findCycles and withDescendants', () => {
  const graph = new Map<string, string | null>([
    ['ceo', null],
    ['vp', 'ceo'],
    ['lead', 'vp'],
    ['dev', 'lead'],
    ['x', 'y'],
    ['y', 'x'],
    ['z', 'x'],
  ]);

  it('finds each cycle once, without the people who only lead into it', () => {
    expect(findCycles(graph)).toEqual([['x', 'y']]);
    expect(findCycles(new Map([['solo', null]]))).toEqual([]);
  });

  it('collects everyone below the given people', () => {
    expect([...withDescendants(['vp'], graph)].sort()).toEqual(['dev', 'lead', 'vp']);
    expect([...withDescendants(['dev', 'ceo'], graph)].sort()).toEqual(['ceo', 'dev', 'lead', 'vp']);
  });
});
