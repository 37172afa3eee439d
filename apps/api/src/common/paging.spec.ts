import 'reflect-metadata';
import { PageQuery } from './paging';

/** Where @nestjs/swagger keeps @ApiProperty options (its API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

const documentedDefault = (type: { prototype: object }, property: string): unknown =>
  (Reflect.getMetadata(API_MODEL_PROPERTIES, type.prototype, property) as { default?: unknown } | undefined)?.default;

describe('PageQuery', () => {
  it.each([20, 25, 50])('documents and applies the default page size it is given (%i)', (size) => {
    class ListQuery extends PageQuery(size) {}
    expect(documentedDefault(ListQuery, 'pageSize')).toBe(size);
    expect(documentedDefault(ListQuery, 'page')).toBe(1);
    expect(new ListQuery().paging()).toEqual({ page: 1, pageSize: size });
  });

  it('keeps the page and page size asked for', () => {
    const query = Object.assign(new (PageQuery(25))(), { page: 3, pageSize: 7 });
    expect(query.paging()).toEqual({ page: 3, pageSize: 7 });
  });

  it('gives each list its own default', () => {
    class Small extends PageQuery(20) {}
    class Large extends PageQuery(50) {}
    expect([documentedDefault(Small, 'pageSize'), documentedDefault(Large, 'pageSize')]).toEqual([20, 50]);
  });
});
