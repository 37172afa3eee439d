import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DEMO_ACCOUNTS, hashPassword, UserEntity } from '../auth';
import { EmployeeEntity, TeamEntity } from '../employees';
import { BuiltInFrameworksLoader } from '../frameworks';
import { RoleProfileEntity, RoleProfileRequirementEntity, RoleProfileVersionEntity } from '../role-profiles';

export const DEMO_OPTIONS = Symbol('DEMO_OPTIONS');

interface DemoPerson {
  key: string;
  name: string;
  email: string;
  jobTitle: string;
  team: string;
  manager?: string;
  /** Role profile keys: the one held now, and the one grown towards. */
  role?: string;
  targetRole?: string;
}

interface DemoRoleProfile {
  key: string;
  name: string;
  description: string;
  /** Competencies of the built-in frameworks, by framework key and competency code. */
  requirements: { framework: string; code: string; level: number; required: boolean }[];
}

/** Published role profiles built from the built-in frameworks, so that gaps have targets to measure against. */
const ROLE_PROFILES: DemoRoleProfile[] = [
  {
    key: 'analyst',
    name: 'Service Desk Analyst',
    description: 'First line of support: answers, diagnoses and resolves users’ requests and incidents.',
    requirements: [
      { framework: 'ecf-area-c-run', code: 'C.1', level: 2, required: true },
      { framework: 'ecf-area-c-run', code: 'C.4', level: 2, required: false },
      { framework: 'sfia-slmo-it', code: 'SLMO', level: 3, required: false },
    ],
  },
  {
    key: 'delivery-manager',
    name: 'Service Delivery Manager',
    description: 'Runs the IT services against their agreed levels and leads the people who deliver them.',
    requirements: [
      { framework: 'sfia-slmo-it', code: 'SLMO', level: 5, required: true },
      { framework: 'sfia-itmg', code: 'ITMG', level: 5, required: true },
      { framework: 'ecf-area-c-run', code: 'C.4', level: 3, required: true },
      { framework: 'ecf-area-c-run', code: 'C.1', level: 3, required: false },
    ],
  },
];

const TEAMS: { key: string; name: string; parent?: string }[] = [
  { key: 'company', name: 'Proficio Demo Ltd' },
  { key: 'it', name: 'IT Services', parent: 'company' },
  { key: 'desk', name: 'Service Desk', parent: 'it' },
  { key: 'delivery', name: 'Service Delivery', parent: 'it' },
  { key: 'people', name: 'People & Culture', parent: 'company' },
];

/** A reporting line six people deep at its longest, with someone outside the demo manager's line. */
const PEOPLE: DemoPerson[] = [
  { key: 'giulia', name: 'Giulia Verdi', email: 'giulia.verdi@demo.proficio.local', jobTitle: 'Head of IT Services', team: 'it' },
  {
    key: 'marco',
    name: 'Marco Rossi',
    email: 'marco.rossi@demo.proficio.local',
    jobTitle: 'Service Delivery Manager',
    team: 'delivery',
    manager: 'giulia',
    role: 'delivery-manager',
  },
  {
    key: 'luca',
    name: 'Luca Esposito',
    email: 'luca.esposito@demo.proficio.local',
    jobTitle: 'Service Desk Team Lead',
    team: 'desk',
    manager: 'marco',
    role: 'analyst',
    targetRole: 'delivery-manager',
  },
  {
    key: 'sara',
    name: 'Sara Bianchi',
    email: 'sara.bianchi@demo.proficio.local',
    jobTitle: 'Service Desk Analyst',
    team: 'desk',
    manager: 'luca',
    role: 'analyst',
  },
  {
    key: 'tom',
    name: 'Tom Becker',
    email: 'tom.becker@demo.proficio.local',
    jobTitle: 'Service Desk Analyst',
    team: 'desk',
    manager: 'luca',
    role: 'analyst',
  },
  {
    key: 'aisha',
    name: 'Aisha Khan',
    email: 'aisha.khan@demo.proficio.local',
    jobTitle: 'Service Level Analyst',
    team: 'delivery',
    manager: 'marco',
  },
  {
    key: 'nadia',
    name: 'Nadia Petrova',
    email: 'nadia.petrova@demo.proficio.local',
    jobTitle: 'Problem Manager',
    team: 'delivery',
    manager: 'giulia',
  },
  { key: 'hana', name: 'Hana Ito', email: 'hr.admin@demo.proficio.local', jobTitle: 'HR Business Partner', team: 'people' },
];

/** Which demo person each demo account belongs to, and whether it is an administrator. */
const ACCOUNT_OWNERS: Record<string, { person: string; admin: boolean }> = {
  'hr.admin@demo.proficio.local': { person: 'hana', admin: true },
  'marco.rossi@demo.proficio.local': { person: 'marco', admin: false },
  'sara.bianchi@demo.proficio.local': { person: 'sara', admin: false },
};

/**
 * Seeds the demo organisation (teams, people, reporting lines, the demo
 * accounts) in demo mode, once: nothing is touched when the demo
 * administrator already exists.
 */
@Injectable()
export class DemoOrganisationSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoOrganisationSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DEMO_OPTIONS) private readonly options: { enabled: boolean },
    private readonly frameworks: BuiltInFrameworksLoader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    const seededAlready = (manager = this.dataSource.manager) =>
      manager.createQueryBuilder(UserEntity, 'u').where('lower(u.email) = lower(:email)', { email: DEMO_ACCOUNTS[0]?.email }).getExists();
    // Every start after the first stops here, before paying for three argon2 hashes.
    if (await seededAlready()) return;
    // The demo role profiles point at competencies of the built-in frameworks.
    await this.frameworks.ensureLoaded();
    const hashes = new Map(
      await Promise.all(DEMO_ACCOUNTS.map(async (account) => [account.email, await hashPassword(account.password)] as const)),
    );
    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['demo-organisation']);
      if (await seededAlready(manager)) return false;
      const teamIds = new Map(TEAMS.map((team) => [team.key, randomUUID()]));
      for (const team of TEAMS) {
        await manager.insert(TeamEntity, {
          id: teamIds.get(team.key),
          name: team.name,
          parentId: team.parent ? teamIds.get(team.parent) : null,
        });
      }
      const roleIds = await this.seedRoleProfiles(manager);
      const personIds = new Map(PEOPLE.map((person) => [person.key, randomUUID()]));
      for (const person of PEOPLE) {
        await manager.insert(EmployeeEntity, {
          id: personIds.get(person.key),
          name: person.name,
          email: person.email,
          jobTitle: person.jobTitle,
          teamId: teamIds.get(person.team) ?? null,
          managerId: person.manager ? (personIds.get(person.manager) ?? null) : null,
          roleProfileId: person.role ? (roleIds.get(person.role) ?? null) : null,
          targetRoleProfileId: person.targetRole ? (roleIds.get(person.targetRole) ?? null) : null,
          status: 'active',
        });
      }
      for (const account of DEMO_ACCOUNTS) {
        const owner = ACCOUNT_OWNERS[account.email];
        await manager.insert(UserEntity, {
          id: randomUUID(),
          email: account.email,
          passwordHash: hashes.get(account.email) ?? null,
          isAdmin: owner?.admin ?? false,
          employeeId: owner ? (personIds.get(owner.person) ?? null) : null,
        });
      }
      return true;
    });
    if (seeded)
      this.logger.log(
        `Seeded the demo organisation: ${PEOPLE.length} people in ${TEAMS.length} teams, ${ROLE_PROFILES.length} role profiles.`,
      );
  }

  /** Publishes the demo role profiles (version 1 of each) and returns their ids by key. */
  private async seedRoleProfiles(manager: EntityManager): Promise<Map<string, string>> {
    const competencies: { framework_key: string; code: string; id: string }[] = await manager.query(
      `SELECT f.key AS framework_key, c.code, c.id
       FROM competency c JOIN framework_version v ON v.id = c.framework_version_id JOIN framework f ON f.id = v.framework_id
       WHERE v.status = 'published' AND f.built_in`,
    );
    const competencyId = (framework: string, code: string) => {
      const found = competencies.find((row) => row.framework_key === framework && row.code === code);
      if (!found) throw new Error(`The demo role profiles need ${code} of the built-in framework ${framework}.`);
      return found.id;
    };
    const ids = new Map<string, string>();
    for (const profile of ROLE_PROFILES) {
      const id = randomUUID();
      const versionId = randomUUID();
      await manager.insert(RoleProfileEntity, { id, name: profile.name });
      await manager.insert(RoleProfileVersionEntity, {
        id: versionId,
        roleProfileId: id,
        versionNumber: 1,
        description: profile.description,
        status: 'draft',
      });
      await manager.insert(
        RoleProfileRequirementEntity,
        profile.requirements.map((requirement, position) => ({
          roleProfileVersionId: versionId,
          competencyId: competencyId(requirement.framework, requirement.code),
          targetLevel: requirement.level,
          required: requirement.required,
          position,
        })),
      );
      await manager.update(RoleProfileVersionEntity, { id: versionId }, { status: 'published', publishedAt: new Date() });
      ids.set(profile.key, id);
    }
    return ids;
  }
}
