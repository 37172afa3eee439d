import type { AuditEventView, EmployeeDetail, Page, ProblemDetails, TeamNode, TeamView } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/test-app';

describe('changing teams', () => {
  const testApp = useTestApp();

  const create = (body: object) => testApp.http().post('/api/teams').send(body);
  const patch = (id: string, body: object) => testApp.http().patch(`/api/teams/${id}`).send(body);
  const tree = async () => (await testApp.http().get('/api/teams').expect(200)).body as TeamNode[];
  const teamCount = async () => (await testApp.app.get(DataSource).query('SELECT count(*)::int AS n FROM team'))[0].n as number;
  const auditOf = async (id: string) =>
    ((await testApp.http().get(`/api/audit-events?entityType=team&entityId=${id}`).expect(200)).body as Page<AuditEventView>).items;
  const fields = (body: unknown) => (body as ProblemDetails).errors?.map((error) => error.field);

  it('adds a top-level team and a sub-team, shows them in the tree and audits both', async () => {
    const company = (await create({ name: '  Acme  ' }).expect(201)).body as TeamView;
    expect(company).toEqual({ id: expect.any(String), name: 'Acme' });
    const sales = (await create({ name: 'Sales', parentId: company.id }).expect(201)).body as TeamView;
    expect(sales).toEqual({ id: expect.any(String), name: 'Sales', parentId: company.id });

    const acme = (await tree()).find((team) => team.id === company.id);
    expect(acme?.children.map((team) => team.name)).toEqual(['Sales']);
    expect(await auditOf(sales.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        actor: expect.objectContaining({ email: 'suite.admin@test.local' }),
        after: { id: sales.id, name: 'Sales', parentId: company.id },
      }),
    ]);
  });

  it('refuses a sibling with the same name in any casing (409 naming name), but allows it under another parent', async () => {
    const root = (await create({ name: 'Northwind' }).expect(201)).body as TeamView;
    await create({ name: 'Support', parentId: root.id }).expect(201);
    const before = await teamCount();
    const clash = await create({ name: 'SUPPORT', parentId: root.id }).expect(409);
    expect((clash.body as ProblemDetails).errors).toEqual([
      { field: 'name', message: 'is already used by another team with the same parent' },
    ]);
    expect(await teamCount()).toBe(before);
    // top-level names are unique among top-level teams too
    expect(fields((await create({ name: 'northwind' }).expect(409)).body)).toEqual(['name']);
    await create({ name: 'Support' }).expect(201);
  });

  it.each([
    [{}, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'X'.repeat(201) }, 'name'],
    [{ name: 'X', parentId: 'nope' }, 'parentId'],
    [{ name: 'X', colour: 'red' }, 'colour'],
  ])('answers 400 naming the field for %p', async (body, field) => {
    expect(fields((await create(body).expect(400)).body)).toContain(field);
  });

  it('answers 422 naming parentId for a parent that does not exist', async () => {
    const response = await create({ name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(fields(response.body)).toEqual(['parentId']);
  });

  it('renames and moves a team, auditing before and after', async () => {
    const a = (await create({ name: 'Alpha' }).expect(201)).body as TeamView;
    const b = (await create({ name: 'Beta' }).expect(201)).body as TeamView;
    const child = (await create({ name: 'Child', parentId: a.id }).expect(201)).body as TeamView;

    expect((await patch(child.id, { name: 'Renamed', parentId: b.id }).expect(200)).body).toEqual({
      id: child.id,
      name: 'Renamed',
      parentId: b.id,
    });
    const beta = (await tree()).find((team) => team.id === b.id);
    expect(beta?.children.map((team) => team.name)).toEqual(['Renamed']);
    expect((await auditOf(child.id))[0]).toMatchObject({
      action: 'update',
      before: { name: 'Child', parentId: a.id },
      after: { name: 'Renamed', parentId: b.id },
    });

    // to the top level
    expect((await patch(child.id, { parentId: null }).expect(200)).body).toEqual({ id: child.id, name: 'Renamed' });
    expect((await tree()).some((team) => team.id === child.id)).toBe(true);
    // a change of case only is a rename of its own
    expect((await patch(child.id, { name: 'RENAMED' }).expect(200)).body).toMatchObject({ name: 'RENAMED' });
  });

  it('writes no audit event for a change that changes nothing', async () => {
    const team = (await create({ name: 'Steady' }).expect(201)).body as TeamView;
    await patch(team.id, {}).expect(200);
    await patch(team.id, { name: 'Steady' }).expect(200);
    expect(await auditOf(team.id)).toHaveLength(1);
  });

  it('refuses to move a team under itself or one of its own sub-teams (422 naming parentId)', async () => {
    const top = (await create({ name: 'Top' }).expect(201)).body as TeamView;
    const middle = (await create({ name: 'Middle', parentId: top.id }).expect(201)).body as TeamView;
    const bottom = (await create({ name: 'Bottom', parentId: middle.id }).expect(201)).body as TeamView;

    for (const target of [top, middle, bottom]) {
      const response = await patch(top.id, { parentId: target.id }).expect(422);
      expect((response.body as ProblemDetails).errors).toEqual([
        { field: 'parentId', message: 'cannot be the team itself or one of its sub-teams' },
      ]);
    }
    const unchanged = (await tree()).find((team) => team.id === top.id);
    expect(unchanged?.children[0]?.children[0]?.id).toBe(bottom.id);
    expect(fields((await patch(top.id, { parentId: '00000000-0000-4000-8000-000000000000' }).expect(422)).body)).toEqual(['parentId']);
  });

  it('refuses a move or rename that clashes with a sibling name (409 naming name)', async () => {
    const one = (await create({ name: 'One' }).expect(201)).body as TeamView;
    const two = (await create({ name: 'Two' }).expect(201)).body as TeamView;
    await create({ name: 'Ops', parentId: one.id }).expect(201);
    const ops2 = (await create({ name: 'ops', parentId: two.id }).expect(201)).body as TeamView;
    expect(fields((await patch(ops2.id, { parentId: one.id }).expect(409)).body)).toEqual(['name']);
    expect(fields((await patch(two.id, { name: 'ONE' }).expect(409)).body)).toEqual(['name']);
  });

  it('deletes only a team without members and sub-teams; otherwise 409 with the reason', async () => {
    const parent = (await create({ name: 'Parent' }).expect(201)).body as TeamView;
    const leaf = (await create({ name: 'Leaf', parentId: parent.id }).expect(201)).body as TeamView;

    const withChild = await testApp.http().delete(`/api/teams/${parent.id}`).expect(409);
    expect((withChild.body as ProblemDetails).detail).toBe('Parent has 1 sub-team: move or delete them first.');

    const person = (
      await testApp.http().post('/api/employees').send({ name: 'Member', email: 'member@example.org', teamId: leaf.id }).expect(201)
    ).body as EmployeeDetail;
    expect((await testApp.http().delete(`/api/teams/${leaf.id}`).expect(409)).body.detail).toBe(
      'Leaf has 1 member: move them to another team first.',
    );

    // someone who has left still counts: deleting the team would silently change their record
    await testApp.http().patch(`/api/employees/${person.id}`).send({ status: 'left' }).expect(200);
    expect((await testApp.http().delete(`/api/teams/${leaf.id}`).expect(409)).body.detail).toMatch(/1 person who has left/);

    await testApp.http().patch(`/api/employees/${person.id}`).send({ teamId: null }).expect(200);
    await testApp.http().delete(`/api/teams/${leaf.id}`).expect(204);
    await testApp.http().delete(`/api/teams/${parent.id}`).expect(204);
    expect((await tree()).some((team) => team.id === parent.id)).toBe(false);
    expect((await auditOf(leaf.id))[0]).toMatchObject({ action: 'delete', before: { name: 'Leaf', parentId: parent.id } });
    expect((await auditOf(leaf.id))[0]?.after).toBeUndefined();
  });

  it('answers 404 for an unknown team and 400 for a malformed id', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await patch(missing, { name: 'X' }).expect(404);
    await testApp.http().delete(`/api/teams/${missing}`).expect(404);
    await testApp.http().delete('/api/teams/nope').expect(400);
  });

  it('lets only admins change teams', async () => {
    const employee = (await testApp.http().post('/api/employees').send({ name: 'Plain', email: 'plain@example.org' }).expect(201))
      .body as EmployeeDetail;
    await testApp.createUser({ email: 'plain@example.org', employeeId: employee.id });
    const { token } = await testApp.signIn('plain@example.org');
    const team = (await create({ name: 'Guarded' }).expect(201)).body as TeamView;
    await testApp.as(token).post('/api/teams').send({ name: 'Mine' }).expect(403);
    await testApp.as(token).patch(`/api/teams/${team.id}`).send({ name: 'Mine' }).expect(403);
    await testApp.as(token).delete(`/api/teams/${team.id}`).expect(403);
    await testApp.anonymous().delete(`/api/teams/${team.id}`).expect(401);
    expect((await tree()).find((node) => node.id === team.id)?.name).toBe('Guarded');
  });
});
