import type { PeopleImportColumn, PeopleImportCounts, PeopleImportRowAction, PeopleImportRowError } from '@proficio/shared/contracts';
import { PEOPLE_IMPORT_TEAM_SEPARATOR } from '@proficio/shared/contracts';
import { isEmail } from 'class-validator';
import type { RawPeopleRow } from './people-import-file';

/** Limits of the data model (see the checks of the employee and team tables). */
export const LIMITS = { email: 320, name: 200, jobTitle: 200, teamName: 200, teamDepth: 20, roleProfile: 200 } as const;

export interface ExistingEmployee {
  id: string;
  email: string;
  name: string;
  jobTitle: string | null;
  teamId: string | null;
  managerId: string | null;
  roleProfileId: string | null;
}

export interface ExistingTeam {
  id: string;
  parentId: string | null;
  name: string;
}

export interface ExistingRoleProfile {
  id: string;
  name: string;
  archived: boolean;
}

/** What the database holds now, as far as an import needs it. */
export interface OrganisationSnapshot {
  employees: ExistingEmployee[];
  teams: ExistingTeam[];
  roleProfiles: ExistingRoleProfile[];
}

/** A team the import would create: `key` is the lower-cased path, `parentKey` null for a top-level team. */
export interface TeamToCreate {
  key: string;
  parentKey: string | null;
  name: string;
  path: string;
}

/**
 * One row with its decision. For the optional fields, `undefined` means "the
 * file has no such column: leave it as it is", `null` clears it.
 */
export interface RowPlan {
  row: number;
  values: RawPeopleRow['values'];
  extraCells: boolean;
  action: PeopleImportRowAction;
  errors: PeopleImportRowError[];
  /** The person this row updates, when the email is already in Proficio. */
  existingId: string | null;
  email: string;
  name: string;
  jobTitle?: string | null;
  /** Lower-cased team path (key into the existing teams or the teams to create). */
  teamKey?: string | null;
  /** Lower-cased email of the manager, who is in Proficio, in the file, or both. */
  managerEmail?: string | null;
  roleProfileId?: string | null;
}

export interface PeopleImportPlan {
  rows: RowPlan[];
  counts: PeopleImportCounts;
  teamsToCreate: TeamToCreate[];
  /** Team path key -> id of the existing team. */
  teamIds: Map<string, string>;
  /** Lower-cased email -> existing employee. */
  employeesByEmail: Map<string, ExistingEmployee>;
  /** Lower-cased email -> the manager's lower-cased email each person will have after the commit (everyone, not only the file). */
  finalManagers: Map<string, string | null>;
}

const lower = (text: string) => text.toLowerCase();
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `Engineering / Service Desk` -> its team names; an empty part is an error. */
export function splitTeamPath(path: string): { names: string[]; error?: string } {
  const names = path.split(PEOPLE_IMPORT_TEAM_SEPARATOR).map((name) => name.trim().replace(/\s+/g, ' '));
  if (names.some((name) => name === ''))
    return { names, error: `has an empty team name: write the teams from the top down, separated by " ${PEOPLE_IMPORT_TEAM_SEPARATOR} "` };
  if (names.length > LIMITS.teamDepth) return { names, error: `is more than ${LIMITS.teamDepth} teams deep` };
  const long = names.find((name) => name.length > LIMITS.teamName);
  if (long) return { names, error: `has a team name longer than ${LIMITS.teamName} characters` };
  return { names };
}

const pathKey = (names: string[]) => names.map(lower).join(PEOPLE_IMPORT_TEAM_SEPARATOR);

/** Path key of every existing team whose path can be written (its names and its parents' names have no separator). */
function existingTeamKeys(teams: ExistingTeam[]): Map<string, string> {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const keys = new Map<string, string | null>();
  const keyOf = (team: ExistingTeam, seen = 0): string | null => {
    if (keys.has(team.id)) return keys.get(team.id) ?? null;
    const parent = team.parentId ? byId.get(team.parentId) : undefined;
    const parentKey = team.parentId ? (parent && seen < 1000 ? keyOf(parent, seen + 1) : null) : '';
    const name = team.name.trim().replace(/\s+/g, ' ');
    const key =
      parentKey === null || name.includes(PEOPLE_IMPORT_TEAM_SEPARATOR)
        ? null
        : parentKey
          ? `${parentKey}${PEOPLE_IMPORT_TEAM_SEPARATOR}${lower(name)}`
          : lower(name);
    keys.set(team.id, key);
    return key;
  };
  const result = new Map<string, string>();
  for (const team of teams) {
    const key = keyOf(team);
    if (key !== null) result.set(key, team.id);
  }
  return result;
}

/**
 * Decides what an import file would do, row by row, against the database as it
 * is: create or update (matched by email, case-insensitively) or leave a
 * person unchanged, or why a row cannot be imported. Pure: the preview runs it
 * and the commit runs it again, inside its transaction, on the fresh state.
 */
export function planPeopleImport(
  file: { columns: PeopleImportColumn[]; rows: RawPeopleRow[] },
  snapshot: OrganisationSnapshot,
): PeopleImportPlan {
  const has = new Set(file.columns);
  const employeesByEmail = new Map(snapshot.employees.map((employee) => [lower(employee.email), employee]));
  const employeesById = new Map(snapshot.employees.map((employee) => [employee.id, employee]));
  const teamIds = existingTeamKeys(snapshot.teams);
  const roleProfiles = new Map(snapshot.roleProfiles.map((profile) => [lower(profile.name.trim()), profile]));
  const teamsToCreate = new Map<string, TeamToCreate>();

  const rows: RowPlan[] = file.rows.map((raw) => {
    const errors: PeopleImportRowError[] = [];
    const fail = (column: PeopleImportColumn | undefined, message: string) => errors.push(column ? { column, message } : { message });
    const text = (column: PeopleImportColumn) => raw.values[column] ?? '';
    for (const column of file.columns) if (text(column).includes('\u0000')) fail(column, 'contains a NUL character');
    if (raw.extraCells) fail(undefined, 'has text in cells right of the last column of the header');

    const email = text('email');
    if (email === '') fail('email', 'is required');
    else if (email.length > LIMITS.email) fail('email', `is longer than ${LIMITS.email} characters`);
    else if (!isEmail(email)) fail('email', 'is not an email address');

    const name = text('name').replace(/\s+/g, ' ').trim();
    if (name === '') fail('name', 'is required');
    else if (name.length > LIMITS.name) fail('name', `is longer than ${LIMITS.name} characters`);

    const plan: RowPlan = {
      row: raw.row,
      values: raw.values,
      extraCells: raw.extraCells,
      action: 'error',
      errors,
      existingId: employeesByEmail.get(lower(email))?.id ?? null,
      email,
      name,
    };

    if (has.has('job title')) {
      const jobTitle = text('job title');
      if (jobTitle.length > LIMITS.jobTitle) fail('job title', `is longer than ${LIMITS.jobTitle} characters`);
      plan.jobTitle = jobTitle || null;
    }
    if (has.has('team path')) {
      const path = text('team path');
      if (path === '') plan.teamKey = null;
      else {
        const { names, error } = splitTeamPath(path);
        if (error) fail('team path', error);
        else {
          plan.teamKey = pathKey(names);
          for (let depth = 1; depth <= names.length; depth++) {
            const key = pathKey(names.slice(0, depth));
            if (!teamIds.has(key) && !teamsToCreate.has(key)) {
              teamsToCreate.set(key, {
                key,
                parentKey: depth > 1 ? pathKey(names.slice(0, depth - 1)) : null,
                name: names[depth - 1] as string,
                path: names.slice(0, depth).join(` ${PEOPLE_IMPORT_TEAM_SEPARATOR} `),
              });
            }
          }
        }
      }
    }
    if (has.has('manager email')) {
      const manager = text('manager email');
      if (manager === '') plan.managerEmail = null;
      else if (manager.length > LIMITS.email) fail('manager email', `is longer than ${LIMITS.email} characters`);
      else if (!isEmail(manager)) fail('manager email', 'is not an email address');
      else if (lower(manager) === lower(email)) fail('manager email', 'is the person’s own email: nobody can be their own manager');
      else plan.managerEmail = lower(manager);
    }
    if (has.has('role profile')) {
      const roleName = text('role profile');
      if (roleName === '') plan.roleProfileId = null;
      else if (roleName.length > LIMITS.roleProfile) fail('role profile', `is longer than ${LIMITS.roleProfile} characters`);
      else {
        const profile = roleProfiles.get(lower(roleName));
        if (!profile) fail('role profile', `"${roleName}" is not a role profile in Proficio`);
        else if (profile.archived) fail('role profile', `"${profile.name}" is archived`);
        else plan.roleProfileId = profile.id;
      }
    }
    return plan;
  });

  // Duplicates within the file: the first row with an email counts, later ones are errors.
  const firstRowOf = new Map<string, RowPlan>();
  for (const plan of rows) {
    if (plan.email === '' || plan.errors.some((error) => error.column === 'email')) continue;
    const key = lower(plan.email);
    const first = firstRowOf.get(key);
    if (first) plan.errors.push({ column: 'email', message: `is already on row ${first.row}: each person can be in the file once` });
    else firstRowOf.set(key, plan);
  }

  // Managers must be known: in Proficio or in the file.
  for (const plan of rows) {
    if (plan.managerEmail && !employeesByEmail.has(plan.managerEmail) && !firstRowOf.has(plan.managerEmail)) {
      plan.errors.push({ column: 'manager email', message: `${plan.values['manager email']} is neither in Proficio nor in this file` });
      plan.managerEmail = undefined;
    }
  }

  // The reporting line after the import: everyone in Proficio, with the file's rows applied.
  const finalManagers = new Map<string, string | null>();
  for (const [email, employee] of employeesByEmail) {
    const manager = employee.managerId ? employeesById.get(employee.managerId) : undefined;
    finalManagers.set(email, manager ? lower(manager.email) : null);
  }
  for (const [email, plan] of firstRowOf) {
    if (plan.managerEmail !== undefined) finalManagers.set(email, plan.managerEmail);
    else if (!finalManagers.has(email)) finalManagers.set(email, null);
  }
  for (const cycle of findCycles(finalManagers)) {
    const shown = cycle.length > 6 ? [...cycle.slice(0, 5), '…'] : cycle;
    for (const email of cycle) {
      const plan = firstRowOf.get(email);
      if (plan && plan.managerEmail) {
        plan.errors.push({
          column: 'manager email',
          message: `would make the reporting line a cycle: ${[...shown, cycle[0]].join(' → ')}`,
        });
      }
    }
  }

  // What each valid row would do.
  const counts: PeopleImportCounts = { rows: rows.length, create: 0, update: 0, unchanged: 0, error: 0 };
  for (const plan of rows) {
    if (plan.errors.length) {
      plan.action = 'error';
    } else if (!plan.existingId) {
      plan.action = 'create';
    } else {
      const before = employeesById.get(plan.existingId) as ExistingEmployee;
      const managerBefore = before.managerId ? lower(employeesById.get(before.managerId)?.email ?? '') : null;
      const changed =
        before.name !== plan.name ||
        (plan.jobTitle !== undefined && before.jobTitle !== plan.jobTitle) ||
        (plan.teamKey !== undefined && before.teamId !== (plan.teamKey === null ? null : (teamIds.get(plan.teamKey) ?? 'new'))) ||
        (plan.managerEmail !== undefined && managerBefore !== plan.managerEmail) ||
        (plan.roleProfileId !== undefined && before.roleProfileId !== plan.roleProfileId);
      plan.action = changed ? 'update' : 'unchanged';
    }
    counts[plan.action]++;
  }

  return {
    rows,
    counts,
    // Parents before children: a path's parents are added before it.
    teamsToCreate: [...teamsToCreate.values()],
    teamIds,
    employeesByEmail,
    finalManagers,
  };
}

/** Every cycle of a "reports to" graph, each once, as the list of its members in reporting order. */
export function findCycles(managerOf: Map<string, string | null>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = managerOf.get(current);
    }
    if (current && state.get(current) === 'visiting') cycles.push(path.slice(path.indexOf(current)));
    for (const node of path) state.set(node, 'done');
  }
  return cycles;
}

/** The people below each of `roots` in the final reporting line (roots included), e.g. whose lines must be rebuilt. */
export function withDescendants(roots: Iterable<string>, managerOf: Map<string, string | null>): Set<string> {
  const reports = new Map<string, string[]>();
  for (const [person, manager] of managerOf) {
    if (!manager) continue;
    const list = reports.get(manager);
    if (list) list.push(person);
    else reports.set(manager, [person]);
  }
  const result = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const person = stack.pop() as string;
    if (result.has(person)) continue;
    result.add(person);
    stack.push(...(reports.get(person) ?? []));
  }
  return result;
}

export const describeCounts = (counts: PeopleImportCounts): string =>
  `${plural(counts.create, 'new person')}, ${plural(counts.update, 'update')}, ${counts.unchanged} unchanged, ${plural(counts.error, 'row')} with errors`;
