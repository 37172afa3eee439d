import type {
  AuditEventView,
  CompetencyDetail,
  CompetencySearchHit,
  EmployeeDetail,
  Page,
  ProblemDetails,
  RoleProfileDetail,
  RoleProfileSummary,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('role profiles', () => {
  let testApp: TestApp;
  /** e-CF C.1 User Support (levels 1–3), C.4 Problem Management (2–4) and SFIA ITMG (5–7). */
  let c1: CompetencySearchHit;
  let c4: CompetencySearchHit;
  let itmg: CompetencySearchHit;
  let employeeToken: string;
  let employee: EmployeeDetail;

  const competency = (code: string) => testApp.competency(code);

  beforeAll(async () => {
    testApp = await createTestApp();
    [c1, c4, itmg] = [await competency('C.1'), await competency('C.4'), await competency('ITMG')];
    employee = (await testApp.http().post('/api/employees').send({ name: 'Sam Staff', email: 'sam@example.org' }).expect(201)).body;
    await testApp.createUser({ email: 'sam@example.org', employeeId: employee.id });
    employeeToken = (await testApp.signIn('sam@example.org')).token;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const create = (body: object) => testApp.http().post('/api/role-profiles').send(body);
  const detail = async (id: string, query = '', token?: string) =>
    (await (token ? testApp.as(token) : testApp.http()).get(`/api/role-profiles/${id}${query}`).expect(200)).body as RoleProfileDetail;
  const list = async (query = '', token?: string) =>
    (await (token ? testApp.as(token) : testApp.http()).get(`/api/role-profiles${query}`).expect(200)).body as Page<RoleProfileSummary>;
  const fields = (response: { body: unknown }) => ((response.body as ProblemDetails).errors ?? []).map((error) => error.field);
  const profileCount = async () => (await testApp.app.get(DataSource).query('SELECT count(*)::int AS n FROM role_profile'))[0].n as number;

  describe('creating', () => {
    it('creates a profile as draft version 1 with requirements from two frameworks, each showing its level descriptions', async () => {
      const response = await create({
        name: '  Service Desk Analyst ',
        description: 'First line of support.',
        requirements: [
          { competencyId: c1.id, targetLevel: 2 },
          { competencyId: itmg.id, targetLevel: 5, required: false },
        ],
      }).expect(201);
      const profile = response.body as RoleProfileDetail;
      expect(profile).toMatchObject({ name: 'Service Desk Analyst', archived: false, employeeCount: 0 });
      expect(profile.versions).toEqual([
        expect.objectContaining({ versionNumber: 1, status: 'draft', requirementCounts: { required: 1, niceToHave: 1 } }),
      ]);
      expect(profile.version).toMatchObject({ versionNumber: 1, status: 'draft', description: 'First line of support.' });
      const [userSupport, serviceManagement] = profile.version.requirements;
      expect(userSupport).toMatchObject({
        competency: { id: c1.id, code: 'C.1', title: { text: 'User Support' } },
        framework: { code: 'e-CF C' },
        targetLevel: 2,
        required: true,
        target: {
          level: 2,
          code: 'e-2',
          label: { text: 'e-2' },
          description: { text: expect.stringMatching(/^Systematically interprets user problems/) },
        },
      });
      expect(userSupport?.levels.map((level) => level.level)).toEqual([1, 2, 3]);
      expect(userSupport?.levels.every((level) => level.description?.text)).toBe(true);
      expect(serviceManagement).toMatchObject({
        competency: { code: 'ITMG' },
        framework: { code: 'SFIA-ITMG' },
        targetLevel: 5,
        required: false,
        target: { level: 5, label: { text: 'Ensure, advise' } },
      });
      expect(serviceManagement?.levels.map((level) => level.level)).toEqual([5, 6, 7]);

      const audit = (await testApp.http().get(`/api/audit-events?entityType=role_profile&entityId=${profile.id}`).expect(200))
        .body as Page<AuditEventView>;
      expect(audit.items[0]).toMatchObject({
        action: 'create',
        actor: { email: 'suite.admin@test.local' },
        after: { name: 'Service Desk Analyst' },
      });
    });

    it('refuses a name already used, in any casing, writing nothing', async () => {
      const before = await profileCount();
      const response = await create({ name: 'SERVICE DESK analyst' }).expect(409);
      expect((response.body as ProblemDetails).errors).toEqual([{ field: 'name', message: 'is already used by another role profile' }]);
      expect(await profileCount()).toBe(before);
    });

    it('names each requirement that is not valid: unknown competency, a level the competency lacks, a competency twice', async () => {
      const before = await profileCount();
      const response = await create({
        name: 'Broken',
        requirements: [
          { competencyId: c1.id, targetLevel: 1 },
          { competencyId: MISSING, targetLevel: 1 },
          { competencyId: itmg.id, targetLevel: 3 },
          { competencyId: c1.id, targetLevel: 2 },
        ],
      }).expect(422);
      expect((response.body as ProblemDetails).errors).toEqual([
        { field: 'requirements.1.competencyId', message: 'is not an existing competency' },
        { field: 'requirements.2.targetLevel', message: 'is not a level of ITMG, which is defined at levels 5, 6, 7' },
        { field: 'requirements.3.competencyId', message: 'is already in the list (requirements.0)' },
      ]);
      expect(await profileCount()).toBe(before);
    });

    it.each([
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'X'.repeat(201) }, 'name'],
      [{ name: 'X', description: 'd'.repeat(5001) }, 'description'],
      [{ name: 'X', requirements: [{ competencyId: 'nope', targetLevel: 1 }] }, 'requirements.0.competencyId'],
      [{ name: 'X', requirements: [{ competencyId: MISSING, targetLevel: 1.5 }] }, 'requirements.0.targetLevel'],
      [{ name: 'X', requirements: [{ competencyId: MISSING, targetLevel: 1, required: 'yes' }] }, 'requirements.0.required'],
      [{ name: 'X', requirements: Array.from({ length: 501 }, () => ({ competencyId: MISSING, targetLevel: 1 })) }, 'requirements'],
      [{ name: 'X', colour: 'red' }, 'colour'],
    ])('answers 400 naming the field for %#', async (body, field) => {
      expect(fields(await create(body).expect(400))).toContain(field);
    });

    it('stores names with any Unicode and SQL metacharacters verbatim, up to 200 characters', async () => {
      const name = "Analista dell'assistenza 🙂 Łódź %_; DROP TABLE role_profile; --";
      expect((await create({ name }).expect(201)).body.name).toBe(name);
      const longest = 'Ω'.repeat(200);
      expect((await create({ name: longest }).expect(201)).body.name).toBe(longest);
    });
  });

  describe('versions', () => {
    let profile: RoleProfileDetail;

    beforeAll(async () => {
      profile = (await create({ name: 'Service Delivery Manager', requirements: [{ competencyId: c4.id, targetLevel: 3 }] }).expect(201))
        .body;
    });

    it('saves the draft: description and requirements replaced in the order given', async () => {
      const saved = (
        await testApp
          .http()
          .put(`/api/role-profiles/${profile.id}/draft`)
          .send({
            description: 'Owns service levels.',
            requirements: [
              { competencyId: itmg.id, targetLevel: 6 },
              { competencyId: c4.id, targetLevel: 4, required: false },
            ],
          })
          .expect(200)
      ).body as RoleProfileDetail;
      expect(saved.version.description).toBe('Owns service levels.');
      expect(saved.version.requirements.map((r) => [r.competency.code, r.targetLevel, r.required])).toEqual([
        ['ITMG', 6, true],
        ['C.4', 4, false],
      ]);
      const audit = (await testApp.http().get(`/api/audit-events?entityType=role_profile_version&entityId=${saved.version.id}`).expect(200))
        .body as Page<AuditEventView>;
      expect(audit.items[0]).toMatchObject({
        action: 'update',
        entityName: 'Service Delivery Manager',
        before: { requirements: [{ targetLevel: 3 }] },
      });
    });

    it('refuses a draft save with a level the competency lacks, naming it, and keeps the draft as it was', async () => {
      const response = await testApp
        .http()
        .put(`/api/role-profiles/${profile.id}/draft`)
        .send({ requirements: [{ competencyId: c4.id, targetLevel: 1 }] })
        .expect(422);
      expect(fields(response)).toEqual(['requirements.0.targetLevel']);
      expect((await detail(profile.id)).version.requirements).toHaveLength(2);
    });

    it('refuses to discard a draft that is the only version', async () => {
      await testApp.http().delete(`/api/role-profiles/${profile.id}/draft`).expect(409);
    });

    it('hides a draft-only profile from non-admins', async () => {
      expect((await list('?q=delivery', employeeToken)).items).toEqual([]);
      await testApp.as(employeeToken).get(`/api/role-profiles/${profile.id}`).expect(404);
      expect((await list('?q=delivery')).items[0]).toMatchObject({
        draftVersionNumber: 1,
        requirementCounts: { required: 1, niceToHave: 1 },
      });
    });

    it('publishes, starts version 2 as a copy, publishes it and retires version 1', async () => {
      const published = (await testApp.http().post(`/api/role-profiles/${profile.id}/draft/publish`).expect(200)).body as RoleProfileDetail;
      expect(published.version).toMatchObject({ versionNumber: 1, status: 'published', publishedAt: expect.any(String) });
      const events = (await testApp.http().get(`/api/audit-events?entityType=role_profile_version&action=publish`).expect(200))
        .body as Page<AuditEventView>;
      // the event names the profile as it was called then, and says what happened: published
      expect(events.items[0]).toMatchObject({ action: 'publish', entityId: published.version.id, entityName: 'Service Delivery Manager' });
      await testApp.http().put(`/api/role-profiles/${profile.id}/draft`).send({ requirements: [] }).expect(409);
      await testApp.http().post(`/api/role-profiles/${profile.id}/draft/publish`).expect(409);

      const started = (await testApp.http().post(`/api/role-profiles/${profile.id}/versions`).expect(201)).body as RoleProfileDetail;
      expect(started.version).toMatchObject({
        versionNumber: 2,
        status: 'draft',
        previousVersionNumber: 1,
        description: 'Owns service levels.',
      });
      expect(started.version.requirements.map((r) => r.competency.code)).toEqual(['ITMG', 'C.4']);
      await testApp.http().post(`/api/role-profiles/${profile.id}/versions`).expect(409);

      await testApp
        .http()
        .put(`/api/role-profiles/${profile.id}/draft`)
        .send({ requirements: [{ competencyId: itmg.id, targetLevel: 7 }] })
        .expect(200);
      // The published version is untouched by edits to the draft, and others see it, not the draft.
      const forEmployee = await detail(profile.id, '', employeeToken);
      expect(forEmployee.version).toMatchObject({ versionNumber: 1, status: 'published' });
      expect(forEmployee.versions.map((v) => v.status)).toEqual(['published']);
      expect(forEmployee.version.requirements.map((r) => r.targetLevel)).toEqual([6, 4]);
      await testApp.as(employeeToken).get(`/api/role-profiles/${profile.id}?version=2`).expect(404);

      const second = (await testApp.http().post(`/api/role-profiles/${profile.id}/draft/publish`).expect(200)).body as RoleProfileDetail;
      expect(second.versions.map((v) => [v.versionNumber, v.status])).toEqual([
        [2, 'published'],
        [1, 'retired'],
      ]);
      expect((await detail(profile.id, '?version=1')).version.requirements.map((r) => r.targetLevel)).toEqual([6, 4]);
      expect((await list('?q=delivery', employeeToken)).items[0]).toMatchObject({
        publishedVersionNumber: 2,
        requirementCounts: { required: 1, niceToHave: 0 },
      });
      expect((await list('?q=delivery', employeeToken)).items[0]?.draftVersionNumber).toBeUndefined();
    });

    it('discards a draft of a published profile', async () => {
      await testApp.http().post(`/api/role-profiles/${profile.id}/versions`).expect(201);
      await testApp.http().delete(`/api/role-profiles/${profile.id}/draft`).expect(204);
      expect((await detail(profile.id)).versions.map((v) => v.status)).toEqual(['published', 'retired']);
      await testApp.http().delete(`/api/role-profiles/${profile.id}/draft`).expect(409);
    });

    it('keeps published and retired versions fixed in the database too, and answers 409 (not 500) if a write reaches it', async () => {
      const db = testApp.app.get(DataSource);
      const [published] = await db.query(`SELECT id FROM role_profile_version WHERE role_profile_id = $1 AND status = 'published'`, [
        profile.id,
      ]);
      await expect(
        db.query('UPDATE role_profile_requirement SET target_level = 6 WHERE role_profile_version_id = $1', [published.id]),
      ).rejects.toThrow(/published and cannot change/);
      await expect(db.query('DELETE FROM role_profile_requirement WHERE role_profile_version_id = $1', [published.id])).rejects.toThrow(
        /cannot change/,
      );
      await expect(
        db.query(
          'INSERT INTO role_profile_requirement (role_profile_version_id, competency_id, target_level, position) VALUES ($1, $2, 2, 9)',
          [published.id, c1.id],
        ),
      ).rejects.toThrow(/cannot change/);
      // A draft that turns into a published version behind the service's back: the write hits the trigger.
      await testApp.http().post(`/api/role-profiles/${profile.id}/versions`).expect(201);
      await db.query(`CREATE FUNCTION test_retire_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE role_profile_version SET status = 'retired' WHERE id = OLD.role_profile_version_id; RETURN OLD; END $$`);
      await db.query(
        `CREATE TRIGGER tr_test_race BEFORE DELETE ON role_profile_requirement FOR EACH ROW EXECUTE FUNCTION test_retire_version()`,
      );
      try {
        const response = await testApp
          .http()
          .put(`/api/role-profiles/${profile.id}/draft`)
          .send({ requirements: [{ competencyId: c1.id, targetLevel: 2 }] })
          .expect(409);
        expect((response.body as ProblemDetails).detail).toMatch(/Only a draft version can change/);
      } finally {
        await db.query('DROP TRIGGER tr_test_race ON role_profile_requirement');
        await db.query('DROP FUNCTION test_retire_version()');
      }
      await testApp.http().delete(`/api/role-profiles/${profile.id}/draft`).expect(204);
    });

    it('refuses to publish a draft without requirements, naming the field', async () => {
      const empty = (await create({ name: 'Empty Role' }).expect(201)).body as RoleProfileDetail;
      const response = await testApp.http().post(`/api/role-profiles/${empty.id}/draft/publish`).expect(422);
      expect(fields(response)).toEqual(['requirements']);
    });

    it('copies a version into a new profile as its draft version 1', async () => {
      const copy = (
        await testApp
          .http()
          .post(`/api/role-profiles/${profile.id}/copies`)
          .send({ name: 'Senior Service Delivery Manager', version: 1 })
          .expect(201)
      ).body as RoleProfileDetail;
      expect(copy.id).not.toBe(profile.id);
      expect(copy.versions.map((v) => [v.versionNumber, v.status])).toEqual([[1, 'draft']]);
      expect(copy.version.requirements.map((r) => [r.competency.code, r.targetLevel, r.required])).toEqual([
        ['ITMG', 6, true],
        ['C.4', 4, false],
      ]);
      expect(
        (await testApp.http().post(`/api/role-profiles/${profile.id}/copies`).send({ name: 'service delivery MANAGER' }).expect(409)).body
          .errors[0].field,
      ).toBe('name');
      expect(
        fields(await testApp.http().post(`/api/role-profiles/${profile.id}/copies`).send({ name: 'Other', version: 9 }).expect(422)),
      ).toEqual(['version']);
      await testApp.http().post(`/api/role-profiles/${MISSING}/copies`).send({ name: 'Other' }).expect(404);
    });

    it('renames, archives and restores; an archived profile cannot change and is listed only on request', async () => {
      await testApp.http().patch(`/api/role-profiles/${profile.id}`).send({ name: 'Service Delivery Lead' }).expect(200);
      const archived = (await testApp.http().patch(`/api/role-profiles/${profile.id}`).send({ archived: true }).expect(200))
        .body as RoleProfileDetail;
      expect(archived).toMatchObject({ name: 'Service Delivery Lead', archived: true });
      expect((await list('?q=delivery%20lead')).items).toEqual([]);
      expect((await list('?q=delivery%20lead&includeArchived=true')).items[0]).toMatchObject({ archived: true });
      await testApp.http().post(`/api/role-profiles/${profile.id}/versions`).expect(409);
      await testApp.http().patch(`/api/role-profiles/${profile.id}`).send({ archived: false }).expect(200);
      await testApp.http().patch(`/api/role-profiles/${profile.id}`).send({ name: 'Service Desk Analyst' }).expect(409);
      await testApp.http().patch(`/api/role-profiles/${MISSING}`).send({ name: 'X' }).expect(404);
    });
  });

  describe('assigning to employees', () => {
    let role: RoleProfileDetail;
    let target: RoleProfileDetail;

    beforeAll(async () => {
      role = (await create({ name: 'Junior Analyst', requirements: [{ competencyId: c1.id, targetLevel: 1 }] }).expect(201)).body;
      target = (await create({ name: 'Senior Analyst', requirements: [{ competencyId: c1.id, targetLevel: 3 }] }).expect(201)).body;
      await testApp.http().post(`/api/role-profiles/${role.id}/draft/publish`).expect(200);
    });

    it('sets the current and target role profile, shows them on the employee and counts the holders', async () => {
      const updated = (
        await testApp
          .http()
          .patch(`/api/employees/${employee.id}`)
          .send({ roleProfileId: role.id, targetRoleProfileId: target.id })
          .expect(200)
      ).body as EmployeeDetail;
      expect(updated).toMatchObject({
        roleProfile: { id: role.id, name: 'Junior Analyst' },
        targetRoleProfile: { id: target.id, name: 'Senior Analyst' },
      });
      const seen = (await testApp.as(employeeToken).get(`/api/employees/${employee.id}`).expect(200)).body as EmployeeDetail;
      expect(seen.roleProfile?.name).toBe('Junior Analyst');
      expect(await detail(role.id)).toMatchObject({ employeeCount: 1, targetEmployeeCount: 0 });
      expect((await list('?q=senior%20analyst')).items[0]).toMatchObject({ employeeCount: 0, targetEmployeeCount: 1 });
      const audit = (await testApp.http().get(`/api/audit-events?entityType=employee&entityId=${employee.id}`).expect(200))
        .body as Page<AuditEventView>;
      expect(audit.items[0]).toMatchObject({ action: 'update', after: { roleProfileId: role.id, targetRoleProfileId: target.id } });

      const created = (
        await testApp.http().post('/api/employees').send({ name: 'New Hire', email: 'new@example.org', roleProfileId: role.id }).expect(201)
      ).body as EmployeeDetail;
      expect(created.roleProfile).toEqual({ id: role.id, name: 'Junior Analyst' });
      const cleared = (await testApp.http().patch(`/api/employees/${created.id}`).send({ roleProfileId: null }).expect(200))
        .body as EmployeeDetail;
      expect(cleared.roleProfile).toBeUndefined();
    });

    it('refuses unknown and archived role profiles, naming the field; a holder may keep an archived one', async () => {
      const unknown = await testApp.http().patch(`/api/employees/${employee.id}`).send({ targetRoleProfileId: MISSING }).expect(422);
      expect((unknown.body as ProblemDetails).errors).toEqual([
        { field: 'targetRoleProfileId', message: 'is not an existing role profile' },
      ]);
      expect(fields(await testApp.http().patch(`/api/employees/${employee.id}`).send({ roleProfileId: 'nope' }).expect(400))).toEqual([
        'roleProfileId',
      ]);

      await testApp.http().patch(`/api/role-profiles/${target.id}`).send({ archived: true }).expect(200);
      const archived = await testApp
        .http()
        .post('/api/employees')
        .send({ name: 'Another', email: 'another@example.org', targetRoleProfileId: target.id })
        .expect(422);
      expect((archived.body as ProblemDetails).errors).toEqual([{ field: 'targetRoleProfileId', message: 'is an archived role profile' }]);
      await testApp.http().patch(`/api/employees/${employee.id}`).send({ targetRoleProfileId: target.id, jobTitle: 'Analyst' }).expect(200);
    });
  });

  describe('reading', () => {
    it('lets anyone signed in read published profiles, searched by name and paged', async () => {
      const all = await list('?pageSize=100');
      const names = all.items.map((item) => item.name);
      expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      const first = await list('?pageSize=2&page=1');
      const second = await list('?pageSize=2&page=2');
      expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2 });
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.slice(0, 4).map((item) => item.id));
      expect((await list('?q=analyst', employeeToken)).items.map((item) => item.name)).toEqual(['Junior Analyst']);
      expect(await list('?q=%25_', employeeToken)).toMatchObject({ total: 0 });
      expect((await list('?q=%25_')).items.map((item) => item.name)).toEqual([
        "Analista dell'assistenza 🙂 Łódź %_; DROP TABLE role_profile; --",
      ]);
    });

    it('reads competency texts in the language asked for, with the fallback marked', async () => {
      const slmo = ((await testApp.http().get('/api/competencies?q=SLMO').expect(200)).body as Page<CompetencySearchHit>).items[0];
      const levels = ((await testApp.http().get(`/api/competencies/${slmo?.id}`).expect(200)).body as CompetencyDetail).levels;
      const profile = (
        await create({ name: 'Gestore dei servizi', requirements: [{ competencyId: slmo?.id, targetLevel: levels[0]?.level }] }).expect(201)
      ).body as RoleProfileDetail;
      expect((await detail(profile.id, '?lang=it')).version.requirements[0]?.competency.title).toEqual({
        text: 'Gestione del livello di servizio',
        language: 'it',
        fallback: false,
      });
    });

    it.each([
      ['?pageSize=0', 'pageSize'],
      ['?includeArchived=maybe', 'includeArchived'],
      ['?q=' + 'x'.repeat(201), 'q'],
    ])('rejects %s naming the parameter', async (query, field) => {
      expect(fields(await testApp.http().get(`/api/role-profiles${query}`).expect(400))).toContain(field);
    });

    it('answers 404 for an unknown profile or version and 400 for a malformed id', async () => {
      await testApp.http().get(`/api/role-profiles/${MISSING}`).expect(404);
      const some = (await list()).items[0];
      await testApp.http().get(`/api/role-profiles/${some?.id}?version=99`).expect(404);
      await testApp.http().get('/api/role-profiles/nope').expect(400);
    });

    it('lets only admins write', async () => {
      const some = (await list()).items[0];
      const as = testApp.as(employeeToken);
      await as.post('/api/role-profiles').send({ name: 'Mine' }).expect(403);
      await as.patch(`/api/role-profiles/${some?.id}`).send({ archived: true }).expect(403);
      await as.put(`/api/role-profiles/${some?.id}/draft`).send({ requirements: [] }).expect(403);
      await as.post(`/api/role-profiles/${some?.id}/draft/publish`).expect(403);
      await as.post(`/api/role-profiles/${some?.id}/versions`).expect(403);
      await as.post(`/api/role-profiles/${some?.id}/copies`).send({ name: 'Mine' }).expect(403);
      await as.delete(`/api/role-profiles/${some?.id}/draft`).expect(403);
    });
  });
});
