import { EmployeeDetail, EmployeeSummary, NamedRef, Page, TeamNode } from '@proficio/shared/contracts';

/** Ids of the demo organisation (as the API seeds it in demo mode), fixed for tests. */
export const DEMO_IDS = {
  company: '0a000000-0000-4000-8000-000000000001',
  it: '0a000000-0000-4000-8000-000000000002',
  desk: '0a000000-0000-4000-8000-000000000003',
  delivery: '0a000000-0000-4000-8000-000000000004',
  people: '0a000000-0000-4000-8000-000000000005',
  giulia: '0e000000-0000-4000-8000-000000000001',
  marco: '0e000000-0000-4000-8000-000000000002',
  luca: '0e000000-0000-4000-8000-000000000003',
  sara: '0e000000-0000-4000-8000-000000000004',
  tom: '0e000000-0000-4000-8000-000000000005',
  aisha: '0e000000-0000-4000-8000-000000000006',
  nadia: '0e000000-0000-4000-8000-000000000007',
  hana: '0e000000-0000-4000-8000-000000000008',
} as const;

export type PersonKey = 'giulia' | 'marco' | 'luca' | 'sara' | 'tom' | 'aisha' | 'nadia' | 'hana';
export type TeamKey = 'company' | 'it' | 'desk' | 'delivery' | 'people';

const TEAM_NAMES: Record<TeamKey, string> = {
  company: 'Proficio Demo Ltd',
  it: 'IT Services',
  desk: 'Service Desk',
  delivery: 'Service Delivery',
  people: 'People & Culture',
};

const PEOPLE: Record<PersonKey, { name: string; jobTitle: string; team: TeamKey; manager?: PersonKey }> = {
  giulia: { name: 'Giulia Verdi', jobTitle: 'Head of IT Services', team: 'it' },
  marco: { name: 'Marco Rossi', jobTitle: 'Service Delivery Manager', team: 'delivery', manager: 'giulia' },
  luca: { name: 'Luca Esposito', jobTitle: 'Service Desk Team Lead', team: 'desk', manager: 'marco' },
  sara: { name: 'Sara Bianchi', jobTitle: 'Service Desk Analyst', team: 'desk', manager: 'luca' },
  tom: { name: 'Tom Becker', jobTitle: 'Service Desk Analyst', team: 'desk', manager: 'luca' },
  aisha: { name: 'Aisha Khan', jobTitle: 'Service Level Analyst', team: 'delivery', manager: 'marco' },
  nadia: { name: 'Nadia Petrova', jobTitle: 'Problem Manager', team: 'delivery', manager: 'giulia' },
  hana: { name: 'Hana Ito', jobTitle: 'HR Business Partner', team: 'people' },
};

const ref = (key: PersonKey): NamedRef => ({ id: DEMO_IDS[key], name: PEOPLE[key].name });
const teamRef = (key: TeamKey): NamedRef => ({ id: DEMO_IDS[key], name: TEAM_NAMES[key] });

/** One demo person as the people directory lists them. */
export function employeeSummary(key: PersonKey): EmployeeSummary {
  const person = PEOPLE[key];
  return {
    id: DEMO_IDS[key],
    name: person.name,
    email: `${person.name.toLowerCase().replace(' ', '.')}@demo.proficio.local`,
    jobTitle: person.jobTitle,
    status: 'active',
    team: teamRef(person.team),
    ...(person.manager ? { manager: ref(person.manager) } : {}),
  };
}

/** One demo person as `GET /api/employees/:id` answers, seen with `access`. */
export function employeeDetail(key: PersonKey, access: EmployeeDetail['access'], overrides: Partial<EmployeeDetail> = {}): EmployeeDetail {
  // By name, as the API orders them.
  const keys = (Object.keys(PEOPLE) as PersonKey[]).sort((a, b) => PEOPLE[a].name.localeCompare(PEOPLE[b].name));
  const directReports = keys.filter((other) => PEOPLE[other].manager === key).map(ref);
  const lineOf = (manager: PersonKey): PersonKey[] =>
    keys.filter((other) => PEOPLE[other].manager === manager).flatMap((report) => [report, ...lineOf(report)]);
  return {
    ...employeeSummary(key),
    startDate: '2021-03-15',
    directReports,
    reportCount: lineOf(key).length,
    access,
    ...overrides,
  };
}

/** Marco Rossi's directory: himself and his reporting line, by name. */
export const MANAGER_LINE: readonly PersonKey[] = ['aisha', 'luca', 'marco', 'sara', 'tom'];

/** The demo team tree with member counts. */
export function demoTeams(): TeamNode[] {
  const team = (key: TeamKey, memberCount: number, children: TeamNode[] = []): TeamNode => ({
    id: DEMO_IDS[key],
    name: TEAM_NAMES[key],
    memberCount,
    children,
  });
  return [team('company', 0, [team('it', 1, [team('desk', 3), team('delivery', 3)]), team('people', 1)])];
}

export function pageOf<T>(items: T[], options: { total?: number; page?: number; pageSize?: number } = {}): Page<T> {
  return { items, total: options.total ?? items.length, page: options.page ?? 1, pageSize: options.pageSize ?? 25 };
}
