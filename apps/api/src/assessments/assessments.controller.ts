import { Body, Controller, Get, Post, Query, UseInterceptors } from '@nestjs/common';
import { AcceptLanguage, UuidParam } from '../common/http/params';
import { ApiUnknownId } from '../common/http/responses';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ASSESSMENT_BATCH_BODY_LIMIT, ASSESSMENT_BATCH_LIMIT } from '@proficio/shared/contracts';
import type {
  AssessmentView,
  EmployeeCompetencies,
  EmployeeProgression,
  Page,
  RecordAssessmentBatchResponse,
  TeamGrid,
} from '@proficio/shared/contracts';
import { Actor, CurrentActor } from '../access';
import { byteSize, LargeJsonBodyInterceptor } from '../common/request-body/large-json-body.interceptor';
import { AssessmentQueryService } from './assessment-query.service';
import { AssessmentWriteService } from './assessment-write.service';
import {
  ListAssessmentsQuery,
  ProgressionQueryDto,
  RecordAssessmentBatchDto,
  RecordAssessmentDto,
  TeamGridQueryDto,
} from './dto/assessment.dto';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class AssessmentsController {
  constructor(
    private readonly reads: AssessmentQueryService,
    private readonly writes: AssessmentWriteService,
  ) {}

  @Post('assessments')
  @ApiOperation({
    summary:
      'Record an assessment, a correction (`replaces` + `reason`) or a withdrawal (`withdraw`). Managers rate people in their reporting line, directly or indirectly (role `manager`; admins too); a person rates only themselves (role `self`). Nothing is ever changed in place.',
  })
  @ApiForbiddenResponse({ description: 'The caller may see the person but not record this role for them.' })
  @ApiUnknownId('employee', 'the caller may see')
  @ApiConflictResponse({
    description: '`basedOn` is not the latest record (the body’s `newer` is), or the replaced record was replaced already.',
  })
  record(
    @Body() body: RecordAssessmentDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<AssessmentView> {
    return this.writes.record(actor, body, acceptLanguage);
  }

  @Post('assessments/batch')
  // Up to 1,500 records in a body of up to 10 MiB, read only once the caller is signed in (every other JSON body: 256 KB).
  @UseInterceptors(
    new LargeJsonBodyInterceptor({
      limitBytes: ASSESSMENT_BATCH_BODY_LIMIT,
      field: 'assessments',
      advice: 'split the batch, or shorten its rationales and reasons',
    }),
  )
  @ApiOperation({
    summary: `Record many assessments at once (the team grid): one transaction, all or nothing; a refusal names the record (\`assessments.3.level\`). Same rules as one. At most ${ASSESSMENT_BATCH_LIMIT.toLocaleString('en')} records, in a body of at most ${byteSize(ASSESSMENT_BATCH_BODY_LIMIT)}.`,
  })
  @ApiPayloadTooLargeResponse({
    description: `The body is larger than ${byteSize(ASSESSMENT_BATCH_BODY_LIMIT)} (\`errors\` names \`assessments\`).`,
  })
  @ApiForbiddenResponse({ description: 'The caller may see a person but not record this role for them.' })
  @ApiNotFoundResponse({ description: 'No employee the caller may see has one of the ids.' })
  @ApiConflictResponse({ description: 'A `basedOn` is not the latest record (each named in `errors`; `newer` is the first).' })
  async recordBatch(
    @Body() body: RecordAssessmentBatchDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<RecordAssessmentBatchResponse> {
    return { items: await this.writes.recordBatch(actor, body.assessments, acceptLanguage) };
  }

  @Get('employees/:id/progression')
  @ApiOperation({ summary: 'A person’s progression: per competency, the manager and self records in force over time, with the target.' })
  @ApiUnknownId('employee', 'the caller may see')
  progression(
    @UuidParam() id: string,
    @Query() query: ProgressionQueryDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<EmployeeProgression> {
    return this.reads.progression(actor, id, { competencyId: query.competencyId, acceptLanguage });
  }

  @Get('me/team-grid')
  @ApiOperation({
    summary:
      'The caller’s team grid: their reports (direct, or `scope=line` for the whole line) × their role profiles’ competencies, with current manager levels and targets. Empty for someone without reports.',
  })
  teamGrid(@Query() query: TeamGridQueryDto, @CurrentActor() actor: Actor, @AcceptLanguage() acceptLanguage?: string): Promise<TeamGrid> {
    return this.reads.teamGrid(actor, { ...query, acceptLanguage });
  }

  @Get('employees/:id/assessments')
  @ApiOperation({
    summary: 'A person’s assessments, newest first, corrections and withdrawals included; `competencyId` follows its versions.',
  })
  @ApiUnknownId('employee', 'the caller may see')
  history(
    @UuidParam() id: string,
    @Query() query: ListAssessmentsQuery,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<Page<AssessmentView>> {
    return this.reads.history(actor, id, { ...query.paging(), competencyId: query.competencyId, acceptLanguage });
  }

  @Get('employees/:id/competencies')
  @ApiOperation({
    summary:
      'A person’s competencies: their role profiles’ requirements and anything assessed, with current manager and self levels, targets and gaps.',
  })
  @ApiUnknownId('employee', 'the caller may see')
  competencies(
    @UuidParam() id: string,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<EmployeeCompetencies> {
    return this.reads.competencies(actor, id, acceptLanguage);
  }
}
