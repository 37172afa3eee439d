import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DEMO_ACCOUNTS, hashPassword, UserEntity } from '../auth';
import { EmployeeEntity, TeamEntity } from '../employees';
import { BuiltInFrameworksLoader } from '../frameworks';
import { RoleProfileEntity, RoleProfileRequirementEntity, RoleProfileVersionEntity } from '../role-profiles';
import { DemoSubject, planDemoAssessments } from './demo-assessments';
import { DEMO_EVIDENCE, writeDemoEvidence } from './demo-evidence';
import { FILE_STORE, type FileStore } from '../files';
import { ReviewCyclesService, ReviewsQueryService, ReviewsWriteService } from '../reviews';
import { seedDemoReviews } from './demo-reviews';

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
  /** For the demo assessments: how many levels below their role's targets the person was two years ago (default 1). */
  startGap?: number;
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
    startGap: 0,
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
    startGap: 2,
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

/** Whether `table` holds any row: its demo content was seeded already, or people made their own. */
const anyRow = async (manager: EntityManager, table: 'assessment' | 'evidence' | 'review_cycle'): Promise<boolean> =>
  ((await manager.query(`SELECT EXISTS (SELECT 1 FROM ${table}) AS found`)) as { found: boolean }[])[0]?.found ?? false;

/** The demo people still active, by key, with their account when it is enabled. */
const demoPeople = (manager: EntityManager): Promise<{ key: string; employee_id: string; user_id: string | null }[]> =>
  manager.query(
    `SELECT p.key, e.id AS employee_id, u.id AS user_id
     FROM unnest($1::text[], $2::text[]) AS p(key, email)
     JOIN employee e ON lower(e.email) = p.email AND e.status = 'active' AND e.anonymised_at IS NULL
     LEFT JOIN app_user u ON u.employee_id = e.id AND u.disabled_at IS NULL`,
    [PEOPLE.map((person) => person.key), PEOPLE.map((person) => person.email.toLowerCase())],
  );

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
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly reviewCycles: ReviewCyclesService,
    private readonly reviewReads: ReviewsQueryService,
    private readonly reviewWrites: ReviewsWriteService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    await this.seedOrganisation();
    await this.seedAssessments();
    await this.seedEvidence();
    await this.seedReviews();
  }

  private async seedOrganisation(): Promise<void> {
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

  /**
   * Seeds two years of assessments of the demo people (see demo-assessments.ts), once: nothing is
   * written when any assessment exists. Also runs for a demo organisation seeded before
   * assessments existed. The triggers keep the current levels as the rows go in.
   */
  async seedAssessments(): Promise<void> {
    const written = await this.seedOnce('assessment', 'demo-assessments', async (manager) => {
      const rows = planDemoAssessments(await this.assessmentSubjects(manager), new Date());
      if (rows.length === 0) return 0;
      await manager.query(
        `INSERT INTO assessment (id, employee_id, competency_id, kind, role, outcome, level, assessed_on, recorded_at,
                                 assessor_user_id, assessor_employee_id, rationale, confidence, replaces_id, reason)
         SELECT id, employee_id, competency_id, kind, role, outcome, level, assessed_on, recorded_at,
                assessor_user_id, assessor_employee_id, rationale, confidence, replaces_id, reason
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, employee_id uuid, competency_id uuid, kind text, role text, outcome text,
              level integer, assessed_on date, recorded_at timestamptz, assessor_user_id uuid, assessor_employee_id uuid,
              rationale text, confidence text, replaces_id uuid, reason text)
         ORDER BY recorded_at`,
        [JSON.stringify(rows)],
      );
      return rows.length;
    });
    if (written) this.logger.log(`Seeded ${written} demo assessments over two years.`);
  }

  /**
   * Seeds the demo evidence (demo-evidence.ts: one item in every state, with small files), once:
   * nothing is written when any evidence exists. Marco, the demo manager, is the reviewer.
   */
  async seedEvidence(): Promise<void> {
    const written = await this.seedOnce('evidence', 'demo-evidence', async (manager) => {
      const people = await demoPeople(manager);
      const byKey = new Map(people.map((row) => [row.key, { employeeId: row.employee_id, userId: row.user_id ?? undefined }]));
      const admin = [...byKey.entries()].find(([key]) => key === 'hana')?.[1];
      const reviewer = byKey.get('marco');
      if (!admin?.userId || !reviewer?.userId) return 0;
      const codes = [...new Set(DEMO_EVIDENCE.map((item) => item.competency))];
      const levels: { code: string; competency_id: string; level: number; questions: unknown[]; indicators: unknown[] }[] =
        await manager.query(
          `SELECT DISTINCT ON (c.code, cl.level_number) c.code, c.id AS competency_id, cl.level_number AS level,
                (SELECT coalesce(json_agg(q.text ORDER BY q.position), '[]'::json) FROM interview_question q WHERE q.competency_level_id = cl.id) AS questions,
                (SELECT coalesce(json_agg(i.text ORDER BY i.position), '[]'::json) FROM behaviour_indicator i WHERE i.competency_level_id = cl.id) AS indicators
         FROM competency c JOIN framework_version v ON v.id = c.framework_version_id AND v.status = 'published'
         JOIN competency_level cl ON cl.competency_id = c.id
         WHERE c.code = ANY($1::text[])
         ORDER BY c.code, cl.level_number, v.version_number DESC`,
          [codes],
        );
      const competencies = new Map<string, { id: string; levels: Map<number, { questions: unknown[]; indicators: unknown[] }> }>();
      for (const row of levels) {
        const entry = competencies.get(row.code) ?? { id: row.competency_id, levels: new Map() };
        if (entry.id === row.competency_id) entry.levels.set(row.level, { questions: row.questions, indicators: row.indicators });
        competencies.set(row.code, entry);
      }
      return writeDemoEvidence(manager, this.files, {
        people: byKey,
        adminUserId: admin.userId,
        reviewer: { userId: reviewer.userId, employeeId: reviewer.employeeId },
        competencies,
      });
    });
    if (written) this.logger.log(`Seeded ${written} pieces of demo evidence.`);
  }

  /**
   * Seeds the demo review cycles (demo-reviews.ts: last year's, closed, and this year's, under way),
   * once: nothing is written when any review cycle exists. They are walked through the review
   * services, each step its own transaction; a second instance starting at the same moment finds the
   * cycle name taken and leaves it to the first.
   */
  async seedReviews(): Promise<void> {
    const manager = this.dataSource.manager;
    if (await anyRow(manager, 'review_cycle')) return;
    const rows = await demoPeople(manager);
    const hana = rows.find((row) => row.key === 'hana');
    const teams: { id: string }[] = await manager.query(`SELECT id FROM team WHERE name = $1 AND parent_id IS NOT NULL`, [
      TEAMS.find((team) => team.key === 'it')?.name,
    ]);
    const it = teams[0]?.id;
    if (!hana?.user_id || !it) return;
    const adminUserId = hana.user_id;
    const people = new Map(rows.map((row) => [row.key, { employeeId: row.employee_id, userId: row.user_id ?? adminUserId }]));
    try {
      const walked = await seedDemoReviews(
        { cycles: this.reviewCycles, reads: this.reviewReads, writes: this.reviewWrites },
        manager,
        people,
        { userId: adminUserId, employeeId: hana.employee_id, roles: ['admin', 'employee'] },
        { it },
        new Date(),
      );
      this.logger.log(`Seeded two demo review cycles (${walked} reviews under way or signed).`);
    } catch (error) {
      this.logger.warn(`Demo review cycles not seeded: ${String(error)}`);
    }
  }

  /**
   * The demo people who hold a role profile and are active, with their manager (and the account
   * that rates as the manager: the manager's own, else the demo administrator's) and the
   * published requirements of their role profile with each competency's own levels.
   */
  private async assessmentSubjects(manager: EntityManager): Promise<DemoSubject[]> {
    const admins: { id: string; employee_id: string | null }[] = await manager.query(
      `SELECT id, employee_id FROM app_user WHERE is_admin AND disabled_at IS NULL
       ORDER BY (lower(email) = lower($1)) DESC, created_at, id LIMIT 1`,
      [DEMO_ACCOUNTS.find((account) => ACCOUNT_OWNERS[account.email]?.admin)?.email ?? ''],
    );
    const admin = admins[0];
    if (!admin) return [];
    const rows: {
      email: string;
      employee_id: string;
      name: string;
      manager_id: string | null;
      manager_user_id: string | null;
      self_user_id: string | null;
      competency_id: string;
      code: string;
      title: string;
      levels: number[];
      target_level: number;
    }[] = await manager.query(
      `SELECT lower(e.email) AS email, e.id AS employee_id, e.name, e.manager_id, mu.id AS manager_user_id, su.id AS self_user_id,
              r.competency_id, c.code, COALESCE(c.title ->> 'en', c.title ->> fv.default_language) AS title, r.target_level,
              COALESCE(
                (SELECT array_agg(cl.level_number ORDER BY cl.level_number) FROM competency_level cl WHERE cl.competency_id = c.id),
                (SELECT array_agg(s.number ORDER BY s.number) FROM scale_level s WHERE s.framework_version_id = c.framework_version_id)
              ) AS levels
       FROM employee e
       JOIN role_profile_version v ON v.role_profile_id = e.role_profile_id AND v.status = 'published'
       JOIN role_profile_requirement r ON r.role_profile_version_id = v.id
       JOIN competency c ON c.id = r.competency_id
       JOIN framework_version fv ON fv.id = c.framework_version_id
       LEFT JOIN app_user mu ON mu.employee_id = e.manager_id AND mu.disabled_at IS NULL
       LEFT JOIN app_user su ON su.employee_id = e.id AND su.disabled_at IS NULL
       WHERE lower(e.email) = ANY($1::text[]) AND e.status = 'active' AND e.anonymised_at IS NULL
       ORDER BY r.position`,
      [PEOPLE.map((person) => person.email.toLowerCase())],
    );
    return PEOPLE.flatMap((person): DemoSubject[] => {
      const own = rows.filter((row) => row.email === person.email.toLowerCase());
      const first = own[0];
      if (!first) return [];
      return [
        {
          key: person.key,
          employeeId: first.employee_id,
          firstName: first.name.split(' ')[0] ?? first.name,
          assessorEmployeeId: first.manager_id ?? admin.employee_id,
          assessorUserId: first.manager_user_id ?? admin.id,
          selfUserId: first.self_user_id,
          startGap: person.startGap ?? 1,
          requirements: own.map((row) => ({
            competencyId: row.competency_id,
            code: row.code,
            title: row.title,
            levels: row.levels ?? [],
            targetLevel: row.target_level,
          })),
        },
      ];
    });
  }

  /**
   * Runs `seed` in a transaction unless `table` has rows: checked first, then again under the advisory lock `lock`,
   * so that instances starting at the same moment seed it once. What `seed` wrote, or 0 when it did not run.
   */
  private async seedOnce(
    table: 'assessment' | 'evidence',
    lock: string,
    seed: (manager: EntityManager) => Promise<number>,
  ): Promise<number> {
    if (await anyRow(this.dataSource.manager, table)) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
      return (await anyRow(manager, table)) ? 0 : seed(manager);
    });
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
