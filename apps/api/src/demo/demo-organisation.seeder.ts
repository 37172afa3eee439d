import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts';
import { hashPassword } from '../auth/password';
import { UserEntity } from '../auth/user.entities';
import { EmployeeEntity, TeamEntity } from '../employees/employee.entities';

export const DEMO_OPTIONS = Symbol('DEMO_OPTIONS');

interface DemoPerson {
  key: string;
  name: string;
  email: string;
  jobTitle: string;
  team: string;
  manager?: string;
}

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
  { key: 'marco', name: 'Marco Rossi', email: 'marco.rossi@demo.proficio.local', jobTitle: 'Service Delivery Manager', team: 'delivery', manager: 'giulia' },
  { key: 'luca', name: 'Luca Esposito', email: 'luca.esposito@demo.proficio.local', jobTitle: 'Service Desk Team Lead', team: 'desk', manager: 'marco' },
  { key: 'sara', name: 'Sara Bianchi', email: 'sara.bianchi@demo.proficio.local', jobTitle: 'Service Desk Analyst', team: 'desk', manager: 'luca' },
  { key: 'tom', name: 'Tom Becker', email: 'tom.becker@demo.proficio.local', jobTitle: 'Service Desk Analyst', team: 'desk', manager: 'luca' },
  { key: 'aisha', name: 'Aisha Khan', email: 'aisha.khan@demo.proficio.local', jobTitle: 'Service Level Analyst', team: 'delivery', manager: 'marco' },
  { key: 'nadia', name: 'Nadia Petrova', email: 'nadia.petrova@demo.proficio.local', jobTitle: 'Problem Manager', team: 'delivery', manager: 'giulia' },
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    const seededAlready = (manager = this.dataSource.manager) =>
      manager.createQueryBuilder(UserEntity, 'u').where('lower(u.email) = lower(:email)', { email: DEMO_ACCOUNTS[0]?.email }).getExists();
    // Every start after the first stops here, before paying for three argon2 hashes.
    if (await seededAlready()) return;
    const hashes = new Map(await Promise.all(DEMO_ACCOUNTS.map(async (account) => [account.email, await hashPassword(account.password)] as const)));
    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['demo-organisation']);
      if (await seededAlready(manager)) return false;
      const teamIds = new Map(TEAMS.map((team) => [team.key, randomUUID()]));
      for (const team of TEAMS) {
        await manager.insert(TeamEntity, { id: teamIds.get(team.key), name: team.name, parentId: team.parent ? teamIds.get(team.parent) : null });
      }
      const personIds = new Map(PEOPLE.map((person) => [person.key, randomUUID()]));
      for (const person of PEOPLE) {
        await manager.insert(EmployeeEntity, {
          id: personIds.get(person.key),
          name: person.name,
          email: person.email,
          jobTitle: person.jobTitle,
          teamId: teamIds.get(person.team) ?? null,
          managerId: person.manager ? (personIds.get(person.manager) ?? null) : null,
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
    if (seeded) this.logger.log(`Seeded the demo organisation: ${PEOPLE.length} people in ${TEAMS.length} teams.`);
  }
}
