import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessService } from '../src/access';
import { createTestApp, TestApp } from './support/test-app';

/** The employee_line closure table follows every change of the reporting line. */
describe('reporting line', () => {
  let testApp: TestApp;
  let db: DataSource;
  const id: Record<string, string> = {};

  const insert = async (name: string, manager?: string) => {
    id[name] = randomUUID();
    await db.query('INSERT INTO employee (id, email, name, manager_id) VALUES ($1, $2, $3, $4)', [
      id[name],
      `${name}@line.test`,
      name,
      manager ? id[manager] : null,
    ]);
  };
  const line = async (manager: string) =>
    (
      (await db.query(
        `SELECT e.name FROM employee_line l JOIN employee e ON e.id = l.descendant_id WHERE l.ancestor_id = $1 AND l.depth > 0 ORDER BY e.name`,
        [id[manager]],
      )) as { name: string }[]
    ).map((row) => row.name);
  const setManager = (name: string, manager: string | null) =>
    db.query('UPDATE employee SET manager_id = $2 WHERE id = $1', [id[name], manager ? id[manager] : null]);

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.app.get(DataSource);
    // ceo > (vp1 > (lead > (dev1, dev2)), vp2)
    await insert('ceo');
    await insert('vp1', 'ceo');
    await insert('vp2', 'ceo');
    await insert('lead', 'vp1');
    await insert('dev1', 'lead');
    await insert('dev2', 'lead');
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('holds every direct and indirect report', async () => {
    expect(await line('ceo')).toEqual(['dev1', 'dev2', 'lead', 'vp1', 'vp2']);
    expect(await line('vp1')).toEqual(['dev1', 'dev2', 'lead']);
    expect(await line('vp2')).toEqual([]);
    const access = testApp.app.get(AccessService);
    expect(await access.isInReportingLine(id['ceo'] ?? '', id['dev2'] ?? '')).toBe(true);
    expect(await access.isInReportingLine(id['vp2'] ?? '', id['dev2'] ?? '')).toBe(false);
    expect(await access.reportCount(id['vp1'] ?? '')).toBe(3);
  });

  it('moves a whole sub-tree when its head changes manager', async () => {
    await setManager('lead', 'vp2');
    expect(await line('vp1')).toEqual([]);
    expect(await line('vp2')).toEqual(['dev1', 'dev2', 'lead']);
    expect(await line('ceo')).toEqual(['dev1', 'dev2', 'lead', 'vp1', 'vp2']);
    await setManager('lead', null);
    expect(await line('ceo')).toEqual(['vp1', 'vp2']);
    expect(await line('lead')).toEqual(['dev1', 'dev2']);
    await setManager('lead', 'vp1');
    expect(await line('vp1')).toEqual(['dev1', 'dev2', 'lead']);
  });

  it('refuses a change that would make the line a cycle, and changes nothing', async () => {
    await expect(setManager('vp1', 'dev1')).rejects.toThrow(/cycle/);
    await expect(setManager('ceo', 'ceo')).rejects.toThrow();
    expect(await line('ceo')).toEqual(['dev1', 'dev2', 'lead', 'vp1', 'vp2']);
  });

  it('forgets a person who is deleted, and their reports move up to no manager', async () => {
    await db.query('DELETE FROM employee WHERE id = $1', [id['lead']]);
    expect(await line('vp1')).toEqual([]);
    expect(await line('ceo')).toEqual(['vp1', 'vp2']);
    expect(await line('dev1')).toEqual([]);
  });

  const closure = async () =>
    db.query(`SELECT ancestor_id, descendant_id, depth FROM employee_line ORDER BY ancestor_id, descendant_id`) as Promise<unknown[]>;

  it('is rebuilt from the manager chain by rebuild_employee_line(), to the rows the triggers keep', async () => {
    await insert('cto', 'ceo');
    await insert('arch', 'cto');
    await setManager('vp2', 'cto');
    const kept = await closure();
    await db.query('DELETE FROM employee_line');
    await db.query('SELECT rebuild_employee_line()');
    expect(await closure()).toEqual(kept);
    await db.query(`DELETE FROM employee_line WHERE descendant_id = $1 AND depth > 0`, [id['arch']]);
    await db.query('SELECT rebuild_employee_line($1::uuid[])', [[id['arch']]]);
    expect(await closure()).toEqual(kept);
    expect(await line('ceo')).toEqual(['arch', 'cto', 'vp1', 'vp2']);
  });

  it('refuses to rebuild a line with a cycle, as the bulk writer would make it with the triggers off', async () => {
    const kept = await closure();
    const bulkWrite = db.transaction(async (manager) => {
      await manager.query(`SELECT set_config('proficio.bulk_line', 'on', true)`);
      await manager.query('UPDATE employee SET manager_id = $2 WHERE id = $1', [id['cto'], id['arch']]);
      await manager.query('SELECT rebuild_employee_line($1::uuid[])', [[id['cto'], id['arch'], id['vp2']]]);
    });
    await expect(bulkWrite).rejects.toThrow(/cycle/);
    expect(await closure()).toEqual(kept);
  });
});
