import { Controller, Get, Headers, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  search(@Query() query: SearchCompetenciesQuery, @Headers('accept-language') acceptLanguage?: string): Promise<Page<CompetencySearchHit>> {
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
  @ApiNotFoundResponse({ description: 'No competency has this id.' })
  detail(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: LanguageQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CompetencyDetail> {
    return this.competencies.detail(id, { lang: query.lang, acceptLanguage });
  }
}
