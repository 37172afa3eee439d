import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { AcceptLanguage, UuidParam } from '../common/http/params';
import { ApiUnknownId, NoContent } from '../common/http/responses';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  REVIEW_ACTIONS,
  type Page,
  type ReviewAction,
  type ReviewCyclePreview,
  type ReviewCycleProgress,
  type ReviewCycleView,
  type ReviewGuide,
  type ReviewSnapshot,
  type ReviewSummary,
  type ReviewView,
} from '@proficio/shared/contracts';
import { Actor, CurrentActor } from '../access';
import { RequireRole } from '../common/auth/roles';
import { fieldProblem } from '../common/problems';
import {
  AddReviewParticipantsDto,
  ListReviewCyclesQuery,
  ListReviewsQuery,
  PreviewParticipantsQuery,
  ReassignReviewDto,
  ReviewActionDto,
  ReviewCycleDto,
  SaveReviewNotesDto,
  SaveReviewRatingsDto,
} from './dto/review.dto';
import { ReviewCyclesService } from './review-cycles.service';
import { ReviewsQueryService } from './reviews-query.service';
import { ReviewsWriteService } from './reviews-write.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('review-cycles')
export class ReviewCyclesController {
  constructor(private readonly cycles: ReviewCyclesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Review cycles, newest period first: every cycle for admins; for anyone else the cycles with a review in their reach, counted for their line.',
  })
  list(@Query() query: ListReviewCyclesQuery, @CurrentActor() actor: Actor): Promise<Page<ReviewCycleView>> {
    return this.cycles.list(actor, { status: query.status }, query.paging());
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create a review cycle as a draft (admin): name, period, deadlines, who takes part.' })
  @ApiCreatedResponse({ description: 'The draft cycle.' })
  @ApiConflictResponse({ description: 'The name is taken.' })
  @ApiUnprocessableEntityResponse({ description: 'The team, role profile or a person named does not exist.' })
  create(@Body() body: ReviewCycleDto, @CurrentActor() actor: Actor): Promise<ReviewCycleView> {
    return this.cycles.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One cycle with its reviews counted per state (in the caller’s reach) and the overdue ones.' })
  @ApiUnknownId('cycle', 'the caller may see')
  get(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ReviewCycleView> {
    return this.cycles.get(actor, id);
  }

  @Get(':id/progress')
  @ApiOperation({
    summary:
      'The cycle’s progress over time: for each day (UTC) from the opening to today, how many reviews in the caller’s reach had reached each state (or gone past it) by the end of that day; no days before it opens.',
  })
  @ApiUnknownId('cycle', 'the caller may see')
  progress(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ReviewCycleProgress> {
    return this.cycles.progress(actor, id);
  }

  @Put(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Change a cycle (admin): anything while a draft; once open, the name and dates only.' })
  @ApiConflictResponse({ description: 'The cycle is closed, or open and the participants or scope would change.' })
  update(@UuidParam() id: string, @Body() body: ReviewCycleDto, @CurrentActor() actor: Actor): Promise<ReviewCycleView> {
    return this.cycles.update(actor, id, body);
  }

  @Delete(':id')
  @RequireRole('admin')
  @NoContent('The draft is gone.')
  @ApiOperation({ summary: 'Delete a draft cycle (admin).' })
  @ApiConflictResponse({ description: 'The cycle was opened: it holds reviews.' })
  remove(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.cycles.remove(actor, id);
  }

  @Get(':id/preview')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Who opening the cycle would include (admin), or who adding `employeeIds` to an open one would: counts and the first names.',
  })
  preview(@UuidParam() id: string, @Query() query: PreviewParticipantsQuery): Promise<ReviewCyclePreview> {
    return this.cycles.preview(id, query.employeeIds);
  }

  @Post(':id/open')
  @RequireRole('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Open the cycle (admin): one review per participant, assigned to their manager now, in one transaction.' })
  @ApiConflictResponse({ description: 'The cycle is not a draft, or includes nobody active.' })
  open(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ReviewCycleView> {
    return this.cycles.open(actor, id);
  }

  @Post(':id/participants')
  @RequireRole('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Add people to an open cycle (admin): a review each, none for those already in it.' })
  @ApiConflictResponse({ description: 'The cycle is not open.' })
  @ApiUnprocessableEntityResponse({ description: 'A person named does not exist.' })
  addParticipants(@UuidParam() id: string, @Body() body: AddReviewParticipantsDto, @CurrentActor() actor: Actor): Promise<ReviewCycleView> {
    return this.cycles.addParticipants(actor, id, body.employeeIds);
  }

  @Post(':id/close')
  @RequireRole('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close an open cycle (admin): no more participants or reminders; reviews under way can still be finished.' })
  @ApiConflictResponse({ description: 'The cycle is not open.' })
  close(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ReviewCycleView> {
    return this.cycles.close(actor, id);
  }
}

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly reads: ReviewsQueryService,
    private readonly writes: ReviewsWriteService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Reviews in the caller’s reach (their own, those assigned to them, their line’s; everyone’s for admins), by cycle, state, manager, person or name.',
  })
  list(@Query() query: ListReviewsQuery, @CurrentActor() actor: Actor): Promise<Page<ReviewSummary>> {
    return this.reads.list(
      actor,
      { cycleId: query.cycleId, state: query.state, managerId: query.managerId, employeeId: query.employeeId, q: query.q },
      query.paging(),
    );
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One review: per competency the level texts, targets, the two drafts (each shown to the other person at its step), notes, evidence accepted since the last review and the change since then; what the caller may do now.',
  })
  @ApiNotFoundResponse({ description: 'No review the caller may see has this id (drafts: the two people concerned and admins only).' })
  get(@UuidParam() id: string, @CurrentActor() actor: Actor, @AcceptLanguage() acceptLanguage?: string): Promise<ReviewView> {
    return this.reads.get(actor, id, acceptLanguage);
  }

  @Put(':id/ratings')
  @ApiOperation({
    summary: 'Save draft ratings: `self` by the person during the self-assessment; `manager` by the reviewing manager until they sign.',
  })
  @ApiConflictResponse({ description: 'Not this caller’s step: the problem names the state.' })
  saveRatings(
    @UuidParam() id: string,
    @Body() body: SaveReviewRatingsDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<ReviewView> {
    return this.writes.saveRatings(actor, id, body, acceptLanguage);
  }

  @Put(':id/notes')
  @ApiOperation({ summary: 'Save the reviewing manager’s notes (per competency, or general) until they sign; empty text clears a note.' })
  @ApiConflictResponse({ description: 'Not the manager, or signed already: the problem names the state.' })
  saveNotes(
    @UuidParam() id: string,
    @Body() body: SaveReviewNotesDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<ReviewView> {
    return this.writes.saveNotes(actor, id, body, acceptLanguage);
  }

  @Post(':id/actions/:action')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'action', enum: REVIEW_ACTIONS })
  @ApiOperation({
    summary:
      'Move the review on: start, submit-self (the person), share (the manager), sign (the manager, then the person: the last sign-off locks the review and makes its ratings the official record), reopen (admin, with a reason).',
  })
  @ApiConflictResponse({ description: 'The action does not apply to the review’s state or to the caller: the problem names the state.' })
  act(
    @UuidParam() id: string,
    @Param('action') action: string,
    @Body() body: ReviewActionDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<ReviewView> {
    if (!(REVIEW_ACTIONS as readonly string[]).includes(action)) {
      throw fieldProblem('action', `must be one of ${REVIEW_ACTIONS.join(', ')}`, HttpStatus.NOT_FOUND);
    }
    return this.writes.act(actor, id, action as ReviewAction, body, acceptLanguage);
  }

  @Put(':id/manager')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Reassign an open review to another manager (admin), e.g. when the person’s manager changed.' })
  @ApiConflictResponse({ description: 'The review is signed.' })
  reassign(
    @UuidParam() id: string,
    @Body() body: ReassignReviewDto,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<ReviewView> {
    return this.writes.reassign(actor, id, body, acceptLanguage);
  }

  @Get(':id/guide')
  @ApiOperation({
    summary:
      'The interview guide: per competency in scope, the current and target levels’ descriptions, behaviour indicators and interview questions with their probes, and the notes.',
  })
  @ApiNotFoundResponse({ description: 'No review the caller may see has this id (the person sees the guide from the discussion on).' })
  guide(@UuidParam() id: string, @CurrentActor() actor: Actor, @AcceptLanguage() acceptLanguage?: string): Promise<ReviewGuide> {
    return this.reads.guide(actor, id, acceptLanguage);
  }

  @Get(':id/snapshots/:number')
  @ApiOperation({ summary: 'A frozen snapshot of the review as it was signed (1 = the first lock; more after a reopening).' })
  @ApiNotFoundResponse({ description: 'No such review for the caller, or no such snapshot.' })
  snapshot(
    @UuidParam() id: string,
    @Param('number', new ParseIntPipe()) number: number,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewSnapshot> {
    return this.reads.snapshot(actor, id, number);
  }
}
