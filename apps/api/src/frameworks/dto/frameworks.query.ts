import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../common/paging';
import type { FrameworkListQuery } from '@proficio/shared/contracts';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OptionalLanguage, OptionalVersionNumber } from '../../common/validation/fields';

export class LanguageQuery {
  @OptionalLanguage({
    description: 'Language to read texts in (BCP 47), e.g. `it`. Defaults to Accept-Language, then the framework default.',
  })
  lang?: string;
}

/** The default page size of the framework list and the competency search. */
export const FRAMEWORKS_PAGE_SIZE = 20;

export class ListFrameworksQuery extends PageQuery(FRAMEWORKS_PAGE_SIZE) implements FrameworkListQuery {
  @OptionalLanguage({ description: 'Language to read texts in (BCP 47), e.g. `it`.' })
  lang?: string;

  @ApiPropertyOptional({ description: 'Search in codes, names and publishers.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class GetFrameworkQuery extends LanguageQuery {
  @OptionalVersionNumber({ description: 'Version number of the same framework to read instead of the one the id names.' })
  version?: number;
}

export class SearchCompetenciesQuery extends PageQuery(FRAMEWORKS_PAGE_SIZE) {
  @OptionalLanguage({ description: 'Language to read texts in (BCP 47), e.g. `it`.' })
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
