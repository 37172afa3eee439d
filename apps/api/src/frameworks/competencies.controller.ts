import { Controller, Get, Query } from '@nestjs/common';
import { AcceptLanguage, UuidParam } from '../common/http/params';
import { ApiUnknownId } from '../common/http/responses';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CompetencyDetail, CompetencySearchHit, Page } from '@proficio/shared/contracts';
import { CompetencyQueryService } from './competency-query.service';
import { LanguageQuery, SearchCompetenciesQuery } from './dto/frameworks.query';

@ApiTags('frameworks')
@ApiBearerAuth()
@Controller('competencies')
export class CompetenciesController {
  constructor(private readonly competencies: CompetencyQueryService) {}

  @Get()
  @ApiOperation({ summary: 'Search competencies across frameworks by code or text (full-text per language).' })
  search(@Query() query: SearchCompetenciesQuery, @AcceptLanguage() acceptLanguage?: string): Promise<Page<CompetencySearchHit>> {
    return this.competencies.search({
      q: query.q,
      frameworkId: query.frameworkId,
      ...query.paging(),
      lang: query.lang,
      acceptLanguage,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One competency with all its levels, indicators and interview questions.' })
  @ApiUnknownId('competency')
  detail(@UuidParam() id: string, @Query() query: LanguageQuery, @AcceptLanguage() acceptLanguage?: string): Promise<CompetencyDetail> {
    return this.competencies.detail(id, { lang: query.lang, acceptLanguage });
  }
}
