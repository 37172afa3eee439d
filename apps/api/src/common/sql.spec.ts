import { containsPattern, escapeLike, query, queryPage, queryPrepared, sql, SqlRunner } from './sql';

describe('sql', () => {
  it('turns every value into a numbered parameter, never into text', () => {
    const name = "Robert'); DROP TABLE employee;--";
    expect(sql`SELECT id FROM employee WHERE name = ${name} AND status = ${'active'}`.compile()).toEqual({
      text: 'SELECT id FROM employee WHERE name = $1 AND status = $2',
      values: [name, 'active'],
    });
  });

  it('inlines fragments and renumbers their parameters', () => {
    const scope = sql`team_id = ${'t1'}`;
    const statement = sql`SELECT 1 FROM employee WHERE manager_id = ${'m1'} AND ${scope} AND status = ${'active'}`;
    expect(statement.compile()).toEqual({
      text: 'SELECT 1 FROM employee WHERE manager_id = $1 AND team_id = $2 AND status = $3',
      values: ['m1', 't1', 'active'],
    });
  });

  it('joins fragments, skipping the conditions that do not apply', () => {
    const query: { q?: string; teamId?: string } = { teamId: 't1' };
    const where = sql.where([
      query.q ? sql`e.search_text LIKE ${containsPattern(query.q)}` : undefined,
      query.teamId && sql`e.team_id = ${query.teamId}`,
    ]);
    expect(sql`SELECT 1 FROM employee e ${where}`.compile()).toEqual({
      text: 'SELECT 1 FROM employee e WHERE e.team_id = $1',
      values: ['t1'],
    });
    expect(sql.where([undefined, false]).compile()).toEqual({ text: '', values: [] });
    expect(sql.join([sql`a = ${1}`, sql`b = ${2}`, sql`c = ${3}`], sql.raw(' OR ')).compile()).toEqual({
      text: 'a = $1 OR b = $2 OR c = $3',
      values: [1, 2, 3],
    });
  });

  it('passes raw text through as it is (for identifiers chosen by the code)', () => {
    expect(sql`SELECT ${sql.raw('e.id, e.name')} FROM ${sql.raw('employee e')}`.compile()).toEqual({
      text: 'SELECT e.id, e.name FROM employee e',
      values: [],
    });
  });
});

describe('query', () => {
  it('returns the rows of UPDATE/DELETE … RETURNING, which TypeORM answers as [rows, affected]', async () => {
    const rows = [{ id: 'a' }, { id: 'b' }];
    const answering = (result: unknown): SqlRunner => ({ query: async () => result });
    await expect(query(answering([rows, 2]), sql`UPDATE t SET x = 1 RETURNING id`)).resolves.toEqual(rows);
    await expect(query(answering(rows), sql`SELECT id FROM t`)).resolves.toEqual(rows);
    await expect(query(answering([[], 0]), sql`DELETE FROM t RETURNING id`)).resolves.toEqual([]);
  });
});

describe('queryPrepared', () => {
  it('hands the client a named statement with its text and values, and returns its rows', async () => {
    const calls: unknown[][] = [];
    const runner: SqlRunner = {
      query: async (...args: unknown[]) => {
        calls.push(args);
        return [{ id: 'a' }];
      },
    };
    await expect(queryPrepared(runner, 'one-employee', sql`SELECT id FROM employee WHERE id = ${'e1'}`)).resolves.toEqual([{ id: 'a' }]);
    expect(calls).toEqual([[{ name: 'one-employee', text: 'SELECT id FROM employee WHERE id = $1' }, ['e1']]]);
  });
});

describe('queryPage', () => {
  const runner = (pages: unknown[][]): SqlRunner & { calls: { text: string; values: unknown[] }[] } => {
    const calls: { text: string; values: unknown[] }[] = [];
    return {
      calls,
      query: async (text: string, values: unknown[] = []) => {
        calls.push({ text, values });
        return pages.shift() ?? [];
      },
    };
  };
  const parts = { select: sql.raw('id'), from: sql`FROM employee WHERE status = ${'active'}`, orderBy: sql.raw('id') };

  it('reads the total from the page and strips it from the rows', async () => {
    const db = runner([
      [
        { id: 'a', total: '7' },
        { id: 'b', total: '7' },
      ],
    ]);
    await expect(queryPage<{ id: string }>(db, parts, { page: 2, pageSize: 2 })).resolves.toEqual({
      rows: [{ id: 'a' }, { id: 'b' }],
      total: 7,
    });
    expect(db.calls).toEqual([
      expect.objectContaining({
        values: ['active', 2, 2],
        text: expect.stringMatching(/count\(\*\) OVER \(\) AS total FROM employee WHERE status = \$1 ORDER BY id\s+LIMIT \$2 OFFSET \$3/),
      }),
    ]);
  });

  it('counts on its own only for a page past the end', async () => {
    const past = runner([[], [{ total: 3 }]]);
    await expect(queryPage(past, parts, { page: 9, pageSize: 2 })).resolves.toEqual({ rows: [], total: 3 });
    expect(past.calls[1]).toEqual({ text: 'SELECT count(*)::int AS total FROM employee WHERE status = $1', values: ['active'] });
    const empty = runner([[]]);
    await expect(queryPage(empty, parts, { page: 1, pageSize: 2 })).resolves.toEqual({ rows: [], total: 0 });
    expect(empty.calls).toHaveLength(1);
  });
});

describe('escapeLike', () => {
  it.each([
    ['plain', 'plain'],
    ['100%', '100\\%'],
    ['snake_case', 'snake\\_case'],
    ['back\\slash', 'back\\\\slash'],
    ["O'Brien", "O'Brien"],
  ])('%s -> %s', (text, escaped) => {
    expect(escapeLike(text)).toBe(escaped);
  });
});
