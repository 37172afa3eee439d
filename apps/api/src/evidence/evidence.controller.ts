import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put, Query, Req, Res } from '@nestjs/common';
import { AcceptLanguage, UuidParam } from '../common/http/params';
import { ApiUnknownId } from '../common/http/responses';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { EvidenceFileView, EvidenceSummary, EvidenceView, InboxCounts, InboxDisagreement, Page } from '@proficio/shared/contracts';
import type { Request, Response } from 'express';
import { Actor, CurrentActor } from '../access';
import {
  CreateEvidenceDto,
  EvidenceCommentDto,
  EvidenceVerdictDto,
  InboxQuery,
  ListEvidenceQuery,
  SubmitEvidenceDto,
  UpdateEvidenceDto,
} from './dto/evidence.dto';
import { EvidenceFilesService } from './evidence-files.service';
import { EvidenceQueryService } from './evidence-query.service';
import { EvidenceWriteService } from './evidence-write.service';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(
    private readonly reads: EvidenceQueryService,
    private readonly writes: EvidenceWriteService,
    private readonly files: EvidenceFilesService,
  ) {}

  @Post('evidence')
  @ApiOperation({
    summary:
      'Begin a piece of evidence (a draft, visible to its author only). A person submits evidence about themselves; an administrator for anyone.',
  })
  @ApiForbiddenResponse({ description: 'The caller may see the person but not submit evidence for them (a manager).' })
  @ApiUnknownId('employee', 'the caller may see')
  create(@Body() body: CreateEvidenceDto, @CurrentActor() actor: Actor, @AcceptLanguage() acceptLanguage?: string): Promise<EvidenceView> {
    return this.writes.create(actor, body, acceptLanguage);
  }

  @Get('evidence')
  @ApiOperation({ summary: 'Evidence the caller may see, newest change first; filters by person, competency and status.' })
  list(
    @Query() query: ListEvidenceQuery,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<Page<EvidenceSummary>> {
    return this.reads.list(
      actor,
      { employeeId: query.employeeId, competencyId: query.competencyId, status: query.status },
      query.paging(),
      acceptLanguage,
    );
  }

  @Get('evidence/:id')
  @ApiOperation({
    summary:
      'One piece of evidence with every revision the caller may see (newest first), verdicts and comments, and what the caller may do.',
  })
  @ApiUnknownId('evidence', 'the caller may see')
  get(@UuidParam() id: string, @CurrentActor() actor: Actor, @AcceptLanguage() acceptLanguage?: string): Promise<EvidenceView> {
    return this.reads.get(actor, id, acceptLanguage);
  }

  @Put('evidence/:id')
  @ApiOperation({
    summary:
      'Edit the draft; after changes were requested or the evidence was rejected, start an amendment (a new draft revision; the earlier one and its verdict stay).',
  })
  @ApiConflictResponse({ description: '`basedOnRevision` is not the latest, or the evidence is waiting for review or accepted.' })
  @ApiUnknownId('evidence', 'the caller may see')
  update(
    @UuidParam() id: string,
    @Body() body: UpdateEvidenceDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<EvidenceView> {
    return this.writes.update(actor, id, body, acceptLanguage);
  }

  @Delete('evidence/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Discard the draft revision (the whole item if it was never submitted). Submitted revisions are never deleted.',
  })
  @ApiConflictResponse({ description: 'The latest revision has been submitted.' })
  @ApiForbiddenResponse({ description: 'The caller may see the evidence but is not its author (a manager).' })
  discard(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.writes.discard(actor, id);
  }

  @Post('evidence/:id/submission')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit the draft revision for review: it never changes again; the person’s manager is notified.' })
  @ApiConflictResponse({ description: '`revision` is not the latest, or it was submitted already.' })
  submit(
    @UuidParam() id: string,
    @Body() body: SubmitEvidenceDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<EvidenceView> {
    return this.writes.submit(actor, id, body.revision, acceptLanguage);
  }

  @Post('evidence/:id/verdicts')
  @ApiOperation({
    summary:
      'Accept, request changes (comment required) or reject (reason required) the revision waiting for review. Managers in the line and admins; never one’s own.',
  })
  @ApiForbiddenResponse({ description: 'The caller may see the evidence but not review it (the person themselves).' })
  @ApiConflictResponse({ description: '`revision` is not the one waiting for review (a verdict was given meanwhile, or it was amended).' })
  verdict(
    @UuidParam() id: string,
    @Body() body: EvidenceVerdictDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<EvidenceView> {
    return this.writes.verdict(actor, id, body, acceptLanguage);
  }

  @Post('evidence/:id/comments')
  @ApiOperation({ summary: 'Comment on submitted evidence (the person, their managers, admins); the other side is notified.' })
  comment(
    @UuidParam() id: string,
    @Body() body: EvidenceCommentDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<EvidenceView> {
    return this.writes.comment(actor, id, body, acceptLanguage);
  }

  @Post('evidence/:id/files')
  @ApiOperation({
    summary:
      'Add a file to the draft (multipart, part `file`). The type is judged from the content: PDF, PNG, JPEG, WebP, plain text, docx, xlsx, pptx; at most 10 MB and 20 files (settings).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than the limit (named in the body).' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The content is none of the accepted types (the file is named in the body).' })
  upload(@UuidParam() id: string, @CurrentActor() actor: Actor, @Req() request: Request): Promise<EvidenceFileView> {
    return this.files.upload(actor, id, request);
  }

  @Get('evidence/:id/files/:fileId')
  @ApiOperation({
    summary:
      'Download a file: always as an attachment with its stored type, never run in Proficio’s origin; its SHA-256 is checked as it streams.',
  })
  @ApiUnknownId('file', 'the caller may see')
  async download(
    @UuidParam() id: string,
    @UuidParam('fileId') fileId: string,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.files.download(actor, id, fileId);
    response.attachment(file.name);
    response.setHeader('Content-Type', file.mediaType);
    response.setHeader('Content-Length', String(file.size));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    try {
      for await (const chunk of file.bytes) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end();
    } catch {
      // Headers are gone: cut the connection so the client sees an incomplete download, never a corrupt file that looks whole.
      response.destroy();
    }
  }

  @Delete('evidence/:id/files/:fileId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a file from the draft (a submitted revision keeps its files).' })
  @ApiForbiddenResponse({ description: 'The caller may see the evidence but is not its author (a manager).' })
  @ApiConflictResponse({ description: 'The latest revision has been submitted.' })
  removeFile(@UuidParam() id: string, @UuidParam('fileId') fileId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.files.remove(actor, id, fileId);
  }

  @Get('inbox')
  @ApiOperation({
    summary:
      'What waits for the caller as a reviewer: counts of submitted evidence in their line and of self-assessments two or more levels from their own rating.',
  })
  inbox(@CurrentActor() actor: Actor): Promise<InboxCounts> {
    return this.reads.inbox(actor);
  }

  @Get('inbox/evidence')
  @ApiOperation({ summary: 'Submitted evidence of the people in the caller’s line, waiting for a verdict, oldest first.' })
  waiting(
    @Query() query: InboxQuery,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<Page<EvidenceSummary>> {
    return this.reads.waiting(actor, query.paging(), acceptLanguage);
  }

  @Get('inbox/disagreements')
  @ApiOperation({ summary: 'Self-assessments in force two or more levels away from the caller’s own rating in force of that person.' })
  disagreements(
    @Query() query: InboxQuery,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<Page<InboxDisagreement>> {
    return this.reads.disagreements(actor, query.paging(), acceptLanguage);
  }
}
