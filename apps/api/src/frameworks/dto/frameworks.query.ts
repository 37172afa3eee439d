import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../common/paging';
import type { FrameworkListQuery } from '@proficio/shared/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export class LanguageQuery {
  @ApiPropertyOptional({
    description: 'Language to read texts in (BCP 47), e.g. `it`. Defaults to Accept-Language, then the framework default.',
  })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'must be a language code such as en or it' })
  lang?: string;
}

/** The default page size of the framework list and the competency search. */
export const FRAMEWORKS_PAGE_SIZE = 20;

export class ListFrameworksQuery extends PageQuery(FRAMEWORKS_PAGE_SIZE) implements FrameworkListQuery {
  @ApiPropertyOptional({ description: 'Language to read texts in (BCP 47), e.g. `it`.' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'must be a language code such as en or it' })
  lang?: string;

  @ApiPropertyOptional({ description: 'Search in codes, names and publishers.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class GetFrameworkQuery extends LanguageQuery {
  @ApiPropertyOptional({ description: 'Version number of the same framework to read instead of the one the id names.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  version?: number;
}

export class SearchCompetenciesQuery extends PageQuery(FRAMEWORKS_PAGE_SIZE) {
  @ApiPropertyOptional({ description: 'Language to read texts in (BCP 47), e.g. `it`.' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'must be a language code such as en or it' })
  lang?: string;

  @ApiPropertyOptional({ description: 'Words to find in codes, titles, descriptions and indicators (full-text, per language).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Only competencies of this framework version.' })
  @IsOptional()
  @IsUUID('all')
  frameworkId?: string;
}
