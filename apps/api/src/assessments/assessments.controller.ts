import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssessmentView, EmployeeCompetencies, Page } from '@proficio/shared/contracts';
import { Actor, CurrentActor } from '../access';
import { AssessmentQueryService } from './assessment-query.service';
import { AssessmentWriteService } from './assessment-write.service';
import { ListAssessmentsQuery, RecordAssessmentDto } from './dto/assessment.dto';

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
  @ApiNotFoundResponse({ description: 'No employee the caller may see has this id.' })
  @ApiConflictResponse({
    description: '`basedOn` is not the latest record (the body’s `newer` is), or the replaced record was replaced already.',
  })
  record(
    @Body() body: RecordAssessmentDto,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AssessmentView> {
    return this.writes.record(actor, body, acceptLanguage);
  }

  @Get('employees/:id/assessments')
  @ApiOperation({
    summary: 'A person’s assessments, newest first, corrections and withdrawals included; `competencyId` follows its versions.',
  })
  @ApiNotFoundResponse({ description: 'No employee the caller may see has this id.' })
  history(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: ListAssessmentsQuery,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Page<AssessmentView>> {
    return this.reads.history(actor, id, { ...query.paging(), competencyId: query.competencyId, acceptLanguage });
  }

  @Get('employees/:id/competencies')
  @ApiOperation({
    summary:
      'A person’s competencies: their role profiles’ requirements and anything assessed, with current manager and self levels, targets and gaps.',
  })
  @ApiNotFoundResponse({ description: 'No employee the caller may see has this id.' })
  competencies(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<EmployeeCompetencies> {
    return this.reads.competencies(actor, id, acceptLanguage);
  }
}
