import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { AcceptLanguage, UuidParam } from '../common/http/params';
import { ApiUnknownId } from '../common/http/responses';
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
import type {
  FrameworkExportPreview,
  FrameworkScaleChangeResult,
  FrameworkScaleChoice,
  FrameworkScaleStatus,
  FrameworkSummary,
  Page,
} from '@proficio/shared/contracts';
import { PROFICIO_FRAMEWORK_SCHEMA } from '@proficio/shared/competency';
import type { Response } from 'express';
import { Actor, CurrentActor } from '../access';
import { RequireRole } from '../common/auth/roles';
import { ExportFrameworkQuery, FrameworkScaleChoiceDto } from './dto/import-framework.dto';
import { FrameworkExportService } from './framework-export.service';
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
    private readonly exports: FrameworkExportService,
    private readonly scales: FrameworkScaleService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List frameworks (latest version of each), searched and paged.' })
  list(@Query() query: ListFrameworksQuery, @AcceptLanguage() acceptLanguage?: string): Promise<Page<FrameworkSummary>> {
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
    @UuidParam() id: string,
    @Query() query: GetFrameworkQuery,
    @Res() response: Response,
    @AcceptLanguage() acceptLanguage?: string,
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
    @UuidParam() id: string,
    @Query() query: GetFrameworkQuery,
    @Res() response: Response,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<void> {
    sendKept(response, await this.frameworks.outlineJson(id, { version: query.version, lang: query.lang, acceptLanguage }));
  }

  @Get(':id/scale')
  @RequireRole('admin')
  @ApiOperation({
    summary:
      "Whether the scale of a version's framework can be changed (PUT …/scale): its latest version, whether its competencies have no levels of their own, whether it is on the one-level placeholder scale, whether people have been assessed on it; admins only.",
  })
  @ApiUnknownId('framework version')
  scaleStatus(@UuidParam() id: string): Promise<FrameworkScaleStatus> {
    return this.scales.status(id);
  }

  @Put(':id/scale')
  @RequireRole('admin')
  @ApiOperation({
    summary:
      "Put a framework whose competencies have no levels of their own on another scale (the generic 1–5 proficiency scale or another framework version's), as its next version; admins only.",
  })
  @ApiUnknownId('framework version')
  @ApiConflictResponse({
    description: 'Its competencies have levels of their own, or people have been assessed on it (`errors[]` says which).',
  })
  @ApiUnprocessableEntityResponse({ description: '`frameworkVersionId` is not a framework version.' })
  changeScale(
    @UuidParam() id: string,
    @Body() body: FrameworkScaleChoiceDto,
    @CurrentActor() actor: Actor,
  ): Promise<FrameworkScaleChangeResult> {
    return this.scales.change(actor, id, body as FrameworkScaleChoice);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Download a framework version as Proficio JSON, Moodle competency CSV or a 1EdTech CASE 1.1 package.' })
  @ApiUnknownId('framework version')
  async export(
    @UuidParam() id: string,
    @Query() query: ExportFrameworkQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file = await this.exports.file(id, query.format);
    response.setHeader('content-type', file.mediaType);
    response.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.content;
  }

  @Get(':id/export/preview')
  @ApiOperation({
    summary:
      'What the download of a framework version in a format gives — its file name, type and size — and what the export regenerated (identifiers that were not UUIDs, dates the source did not give), added (what the format requires) or left out (what the format cannot hold), each in words.',
  })
  @ApiOkResponse({ description: '`notes` is empty when the file keeps everything, with the source’s identifiers.' })
  @ApiUnknownId('framework version')
  exportPreview(@UuidParam() id: string, @Query() query: ExportFrameworkQuery): Promise<FrameworkExportPreview> {
    return this.exports.preview(id, query.format);
  }
}
