/**
 * Every text field of every JSON request body, given hostile or unusual text
 * (SQL and LIKE metacharacters, Unicode edge cases, markup, NUL, lone
 * surrogates, whitespace only, over-long and huge strings), answers 4xx or
 * stores the text verbatim; never a 500. Text fields are read from the OpenAPI
 * document, so a new route with a JSON body and no entry in
 * support/text-fields.ts fails the test, and so does a new text field of a
 * known route. The routes are spread over this suite (people, teams,
 * accounts, role profiles), text-fields-records.int-spec.ts and
 * text-fields-reviews.int-spec.ts, so that the three run side by side.
 */
import type { Page, ProblemDetails } from '@proficio/shared/contracts';
import { HOSTILE, itChecksTheTextFieldsOf, RouteTable, routesWithBodies, useTextFieldsSuite } from './support/text-fields';

describe('text fields', () => {
  const suite = useTextFieldsSuite();
  const { testApp } = suite;

  it('has an entry for every route that takes a request body', () => {
    const ROUTES: RouteTable = Object.assign({}, ...Object.values(suite.routes));
    const missing = routesWithBodies(suite.document())
      .filter(([route, schema]) => ROUTES[route] === undefined || (schema === 'multipart') !== (ROUTES[route] === 'multipart'))
      .map(([route]) => route);
    expect(missing).toEqual([]);
  });

  itChecksTheTextFieldsOf(suite, 'people', 100);

  it('refuses hostile search text that cannot be searched for with 400 naming the parameter, and searches for the rest as plain text', async () => {
    // NUL cannot be stored or compared by PostgreSQL, and search texts have a length limit: both are refused.
    const refused = new Set(['a NUL character', '10,000 characters']);
    const failures: string[] = [];
    const searches = [
      ['/api/employees', 'q'],
      ['/api/role-profiles', 'q'],
      ['/api/competencies', 'q'],
      ['/api/frameworks', 'q'],
      ['/api/audit-events', 'actor'],
    ] as const;
    for (const [list, parameter] of searches) {
      for (const [kind, text] of HOSTILE.filter(([, value]) => value.length < 20_000)) {
        const response = await testApp
          .http()
          .get(list)
          .query({ [parameter]: text });
        const where = `${list}?${parameter}= with ${kind}`;
        if (refused.has(kind)) {
          const fields = ((response.body as ProblemDetails).errors ?? []).map((error) => error.field);
          if (response.status !== 400 || fields.join() !== parameter)
            failures.push(`${where}: ${response.status} naming ${fields.join(', ') || 'nothing'}, expected 400 naming ${parameter}`);
        } else if (response.status !== 200 || !Array.isArray((response.body as Page<unknown>).items)) {
          failures.push(`${where}: ${response.status}, expected 200 with a page`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
