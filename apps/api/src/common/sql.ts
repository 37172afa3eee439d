/**
 * The one way Proficio writes SQL by hand: a tagged template that turns every
 * interpolated value into a `$n` parameter, fragments that compose, and typed
 * rows. TypeORM stays the data source; this only builds text and parameters.
 *
 *   const rows = await query<EmployeeRow>(db, sql`SELECT id, name FROM employee WHERE team_id = ${teamId}`);
 *
 * Interpolating a `Sql` fragment inlines it (renumbering its parameters);
 * anything else is a parameter, never text. `sql.raw` is for identifiers and
 * keywords chosen by the code, never for user input.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly params: readonly unknown[],
  ) {}

  /** The statement text with `$1…$n` placeholders and its values, ready for `query(text, values)`. */
  compile(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0] ?? '';
    this.params.forEach((param, index) => {
      if (param instanceof Sql) text += param.render(values);
      else {
        values.push(param);
        text += `$${values.length}`;
      }
      text += this.strings[index + 1] ?? '';
    });
    return text;
  }
}

type Interpolation = Sql | unknown;

/** A fragment, or a falsy value for a condition that does not apply. */
export type Maybe<T> = T | false | null | undefined | '' | 0;

export function sql(strings: TemplateStringsArray, ...params: Interpolation[]): Sql {
  return new Sql([...strings], params);
}

/** Text chosen by the code (an identifier, a keyword, a column list), never user input. */
sql.raw = (text: string): Sql => new Sql([text], []);

/** Nothing: a fragment that renders as the empty string. */
sql.empty = new Sql([''], []);

/** Fragments joined by a separator (`, ` by default); falsy entries are skipped. */
sql.join = (fragments: readonly Maybe<Sql>[], separator: Sql = sql.raw(', ')): Sql => {
  const kept = fragments.filter((fragment): fragment is Sql => fragment instanceof Sql);
  if (kept.length === 0) return sql.empty;
  const params = kept.flatMap((fragment, index) => (index === 0 ? [fragment] : [separator, fragment]));
  return new Sql(params.map(() => '').concat(''), params);
};

/** `WHERE a AND b …` from the conditions that apply, or nothing when none does. */
sql.where = (conditions: readonly Maybe<Sql>[]): Sql => {
  const joined = sql.join(conditions, sql.raw(' AND '));
  return joined === sql.empty ? sql.empty : sql`WHERE ${joined}`;
};

/** Anything that runs a statement: the DataSource, an EntityManager inside a transaction, a QueryRunner. */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Runs a statement and returns its rows, typed as the caller declares them (columns named as selected). */
export async function query<Row>(runner: SqlRunner, statement: Sql): Promise<Row[]> {
  const { text, values } = statement.compile();
  return rowsOf<Row>(await runner.query(text, values));
}

/**
 * `query` for a hot read whose text never varies (only its values do): PostgreSQL parses and plans
 * it once per pooled connection, under `name`, and then only binds the values (node-postgres' named
 * prepared statements). For a statement like the Competencies tab's, parsing and planning cost more
 * than running it. The name must always go with the same text (node-postgres refuses a name reused
 * for another), so never build its text from conditions: one name per call site. Needs a session
 * per client connection, as Proficio has (no PgBouncer in transaction mode in front of PostgreSQL).
 */
export async function queryPrepared<Row>(runner: SqlRunner, name: string, statement: Sql): Promise<Row[]> {
  const { text, values } = statement.compile();
  // node-postgres takes a query config where the text goes; TypeORM hands it to the client unchanged.
  const named = { name, text } as unknown as string;
  return rowsOf<Row>(await runner.query(named, values));
}

/**
 * The rows of a result. TypeORM answers `UPDATE … RETURNING` and `DELETE … RETURNING` with
 * `[rows, affectedCount]` instead of the rows; rows are objects, so the pair cannot be mistaken.
 */
export function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as Row[];
  }
  return result as Row[];
}

/** The first row, or undefined. */
export async function queryOne<Row>(runner: SqlRunner, statement: Sql): Promise<Row | undefined> {
  return (await query<Row>(runner, statement))[0];
}

/** Runs a statement for its effect (INSERT/UPDATE/DELETE without RETURNING, DDL). */
export async function execute(runner: SqlRunner, statement: Sql): Promise<void> {
  const { text, values } = statement.compile();
  await runner.query(text, values);
}

export interface Paging {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface PagedRows<Row> {
  rows: Row[];
  total: number;
}

/**
 * One page of a list and the list's total, the one way lists count:
 * `count(*) OVER ()` rides along with the page; a page past the end has no
 * row to carry it, so only then is the total counted on its own.
 *
 * `select` is the column list, `from` everything from FROM through WHERE
 * (joins included), `orderBy` the ORDER BY list, which must end in a unique key.
 */
export async function queryPage<Row>(
  runner: SqlRunner,
  parts: { select: Sql; from: Sql; orderBy: Sql },
  paging: Paging,
): Promise<PagedRows<Row>> {
  const rows = await query<Row & { total: string | number }>(
    runner,
    sql`SELECT ${parts.select}, count(*) OVER () AS total ${parts.from} ORDER BY ${parts.orderBy}
        LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`,
  );
  let total = 0;
  if (rows.length) total = Number(rows[0]?.total);
  else if (paging.page > 1) {
    const counted = await queryOne<{ total: number }>(runner, sql`SELECT count(*)::int AS total ${parts.from}`);
    total = counted?.total ?? 0;
  }
  for (const row of rows) delete (row as { total?: unknown }).total;
  return { rows: rows as Row[], total };
}

/** Escapes LIKE/ILIKE wildcards so that user text matches literally (PostgreSQL's default escape, backslash). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** `%text%` for a LIKE that finds the text anywhere, wildcards in it escaped. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;
