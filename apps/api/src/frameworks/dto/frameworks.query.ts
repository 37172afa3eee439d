import { ApiPropertyOptional } from '@nestjs/swagger';
import type { FrameworkListQuery } from '@proficio/shared/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export class LanguageQuery {
  @ApiPropertyOptional({ description: 'Language to read texts in (BCP 47), e.g. `it`. Defaults to Accept-Language, then the framework default.' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'must be a language code such as en or it' })
  lang?: string;
}

export class ListFrameworksQuery extends LanguageQuery implements FrameworkListQuery {
  @ApiPropertyOptional({ description: 'Search in codes, names and publishers.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
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

export class SearchCompetenciesQuery extends LanguageQuery {
  @ApiPropertyOptional({ description: 'Words to find in codes, titles, descriptions and indicators (full-text, per language).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Only competencies of this framework version.' })
  @IsOptional()
  @IsUUID('all')
  frameworkId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
