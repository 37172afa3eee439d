import { httpParams } from './http-params';

describe('httpParams', () => {
  const entries = (query: Parameters<typeof httpParams>[0]) => {
    const params = httpParams(query);
    return params.keys().map((key) => [key, params.get(key)]);
  };

  it('sends each value in the order given, text trimmed, numbers and booleans as text', () => {
    expect(entries({ q: ' sara ', admin: false, page: 2, pageSize: 0 })).toEqual([
      ['q', 'sara'],
      ['admin', 'false'],
      ['page', '2'],
      ['pageSize', '0'],
    ]);
  });

  it('leaves out what is undefined, null or blank', () => {
    expect(entries({ q: '   ', cycleId: '', state: undefined, managerId: null })).toEqual([]);
  });
});
