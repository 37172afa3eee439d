import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FrameworkScaleChangeResult, FrameworkScaleChoice, FrameworkSummary, Page } from '@proficio/shared/contracts';
import { exportCase, exportMoodleCsv, exportProficioJson, PROFICIO_FRAMEWORK_SCHEMA } from '@proficio/shared/competency';
import type { Response } from 'express';
import { Actor, CurrentActor } from '../access';
import { RequireRole } from '../common/auth/roles';
import { ExportFrameworkQuery, FrameworkScaleChoiceDto } from './dto/import-framework.dto';
import { FrameworkDocumentReader } from './framework-document.reader';
import { GetFrameworkQuery, ListFrameworksQuery } from './dto/frameworks.query';
import { FrameworkQueryService } from './framework-query.service';
import { FrameworkScaleService } from './framework-scale.service';

/**
 * Sends a tree's or an outline's JSON as kept, as it is (Nest would serialise a Buffer): a large framework's is built and
 * serialised once (see FrameworkTreeCache), and its ETag names it rather than Express hashing megabytes; Express
 * answers 304 when If-None-Match names it.
 */
function sendKept(response: Response, { json, etag }: { json: Buffer; etag?: string }): void {
  response.setHeader('content-type', 'application/json; charset=utf-8');
  if (etag) response.setHeader('etag', etag);
  response.send(json);
}

@ApiTags('frameworks')
@ApiBearerAuth()
@Controller('frameworks')
export class FrameworksController {
  constructor(
    private readonly frameworks: FrameworkQueryService,
    private readonly documents: FrameworkDocumentReader,
    private readonly scales: FrameworkScaleService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List frameworks (latest version of each), searched and paged.' })
  list(@Query() query: ListFrameworksQuery, @Headers('accept-language') acceptLanguage?: string): Promise<Page<FrameworkSummary>> {
    return this.frameworks.list({ q: query.q, ...query.paging(), lang: query.lang, acceptLanguage });
  }

  @Get('schema')
  @ApiOperation({ summary: 'JSON Schema of the native framework format (proficio-framework v1).' })
  schema(): Readonly<Record<string, unknown>> {
    return PROFICIO_FRAMEWORK_SCHEMA;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One framework version as a tree: scale, categories, competencies, levels, indicators, questions.' })
  @ApiOkResponse({ description: 'The framework version, texts in the requested language where available.' })
  @ApiNotFoundResponse({ description: 'No framework version has this id (or no such version number).' })
  async tree(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: GetFrameworkQuery,
    @Res() response: Response,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    sendKept(response, await this.frameworks.treeJson(id, { version: query.version, lang: query.lang, acceptLanguage }));
  }

  @Get(':id/outline')
  @ApiOperation({
    summary:
      "One framework version's outline: all the tree says but its competencies' levels — each competency's id, key, code, title and level numbers (a competency's levels are read with GET /api/competencies/:id).",
  })
  @ApiOkResponse({
    description:
      "The framework version (FrameworkOutline), texts in the requested language where available; a competency's `titleLanguage` names the language of a title shown in another. With an ETag: a published version's outline never changes.",
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match names the outline this request would get.' })
  @ApiNotFoundResponse({ description: 'No framework version has this id (or no such version number).' })
  async outline(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: GetFrameworkQuery,
    @Res() response: Response,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    sendKept(response, await this.frameworks.outlineJson(id, { version: query.version, lang: query.lang, acceptLanguage }));
  }

  @Put(':id/scale')
  @RequireRole('admin')
  @ApiOperation({
    summary:
      "Put a framework whose competencies have no levels of their own on another scale (the generic 1–5 proficiency scale or another framework version's), as its next version; admins only.",
  })
  @ApiNotFoundResponse({ description: 'No framework version has this id.' })
  @ApiConflictResponse({
    description: 'Its competencies have levels of their own, or people have been assessed on it (`errors[]` says which).',
  })
  @ApiUnprocessableEntityResponse({ description: '`frameworkVersionId` is not a framework version.' })
  changeScale(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: FrameworkScaleChoiceDto,
    @CurrentActor() actor: Actor,
  ): Promise<FrameworkScaleChangeResult> {
    return this.scales.change(actor, id, body as FrameworkScaleChoice);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Download a framework version as Proficio JSON, Moodle competency CSV or a 1EdTech CASE 1.1 package.' })
  @ApiNotFoundResponse({ description: 'No framework version has this id.' })
  async export(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: ExportFrameworkQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { document, version } = await this.documents.read(id);
    const base = `${document.framework.key}-v${version.versionNumber}`.replace(/[^\w.-]+/g, '_');
    const [body, type, extension] =
      query.format === 'moodle-csv'
        ? [exportMoodleCsv(document), 'text/csv; charset=utf-8', 'csv']
        : query.format === 'case'
          ? [JSON.stringify(exportCase(document), null, 2), 'application/json; charset=utf-8', 'case.json']
          : [exportProficioJson(document), 'application/json; charset=utf-8', 'json'];
    response.setHeader('content-type', type);
    response.setHeader('content-disposition', `attachment; filename="${base}.${extension}"`);
    return body;
  }
}
