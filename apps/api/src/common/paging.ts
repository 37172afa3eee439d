import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Paging } from './sql';

export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` as a query DTO declares them; `paging()` fills in the route's defaults. */
export interface PageQueryFields {
  page?: number;
  pageSize?: number;
  paging(): Paging;
}

/**
 * The base class of a paged list's query DTO, with the list's own default
 * page size: documented in OpenAPI and applied by `paging()`, so the two
 * cannot disagree.
 *
 *   export class ListUsersQuery extends PageQuery(25) { … }
 *   list(@Query() query: ListUsersQuery) { return this.users.list({ ...query, ...query.paging() }); }
 */
export function PageQuery(defaultPageSize: number) {
  class PageQueryWithDefault implements PageQueryFields {
    static readonly defaultPageSize = defaultPageSize;

    @ApiPropertyOptional({ minimum: 1, default: 1, description: '1-based.' })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(100000)
    page?: number;

    @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: defaultPageSize })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(MAX_PAGE_SIZE)
    pageSize?: number;

    /** The page asked for, with this list's defaults. */
    paging(): Paging {
      return { page: this.page ?? 1, pageSize: this.pageSize ?? defaultPageSize };
    }
  }
  return PageQueryWithDefault;
}
