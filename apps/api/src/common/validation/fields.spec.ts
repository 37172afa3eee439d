import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OptionalLanguage, OptionalVersionNumber } from './fields';

class ReadQuery {
  @OptionalLanguage({ description: 'Language to read texts in.' })
  lang?: string;

  @OptionalVersionNumber({ description: 'Version number to read.' })
  version?: number;
}

/** The query as the global ValidationPipe sees it (transformed from the query string), and the messages per field. */
const check = (query: Record<string, string>) => {
  const instance = plainToInstance(ReadQuery, query);
  const errors = validateSync(instance).map((error) => [error.property, Object.values(error.constraints ?? {})]);
  return { instance, errors };
};

describe('query fields', () => {
  it.each([['en'], ['it'], ['pt-BR'], ['zh-Hant-TW']])('accepts the language %s', (lang) => {
    expect(check({ lang }).errors).toEqual([]);
  });

  it.each([['E'], ['english'], ['en_GB'], ['']])('refuses the language %j, naming what it expects', (lang) => {
    expect(check({ lang }).errors).toEqual([['lang', ['must be a language code such as en or it']]]);
  });

  it('reads a version number from the query string as a number', () => {
    expect(check({ version: '3' })).toEqual({ instance: Object.assign(new ReadQuery(), { version: 3 }), errors: [] });
  });

  it.each([
    ['0', ['version must not be less than 1']],
    ['100001', ['version must not be greater than 100000']],
    ['1.5', ['version must be an integer number']],
    ['x', ['version must not be greater than 100000', 'version must not be less than 1', 'version must be an integer number']],
  ])('refuses the version %s', (version, messages) => {
    expect(check({ version }).errors).toEqual([['version', messages]]);
  });

  it('leaves both out when the query has neither', () => {
    expect(check({}).errors).toEqual([]);
  });
});
