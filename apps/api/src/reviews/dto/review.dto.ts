import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSESSMENT_OUTCOMES,
  REVIEW_CYCLE_STATUSES,
  REVIEW_LIMITS,
  REVIEW_PARTICIPANT_KINDS,
  REVIEW_STATES,
  type AddReviewParticipantsRequest,
  type AssessmentConfidence,
  type AssessmentOutcome,
  type ReassignReviewRequest,
  type ReviewActionRequest,
  type ReviewCycleListQuery,
  type ReviewCycleRequest,
  type ReviewCycleStatus,
  type ReviewListQuery,
  type ReviewParticipantKind,
  type ReviewParticipantsRequest,
  type ReviewRatingRequest,
  type ReviewState,
  type SaveReviewNotesRequest,
  type SaveReviewRatingsRequest,
} from '@proficio/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/paging';
import { OptionalUuid, OptionalText, trim } from '../../common/validation/fields';
import { RatingConfidence, RatingLevel, RatingRationale } from '../../assessments';

const DATE_MESSAGE = 'must be a date such as 2027-01-31';

function DateField(description: string) {
  return function (target: object, key: string) {
    ApiProperty({ example: '2027-01-31', description })(target, key);
    IsISO8601({ strict: true }, { message: DATE_MESSAGE })(target, key);
    Length(10, 10, { message: DATE_MESSAGE })(target, key);
  };
}

export class ReviewParticipantsDto implements ReviewParticipantsRequest {
  @ApiProperty({ enum: REVIEW_PARTICIPANT_KINDS })
  @IsIn(REVIEW_PARTICIPANT_KINDS, { message: `must be one of ${REVIEW_PARTICIPANT_KINDS.join(', ')}` })
  kind!: ReviewParticipantKind;

  @ApiPropertyOptional({ description: 'With `team`: the team; its sub-teams are included.' })
  @ValidateIf((dto: ReviewParticipantsDto) => dto.kind === 'team' || dto.teamId !== undefined)
  @IsUUID('all', { message: 'must be a team id (required with kind team)' })
  teamId?: string;

  @ApiPropertyOptional({ description: 'With `role-profile`: everyone holding it as their current role.' })
  @ValidateIf((dto: ReviewParticipantsDto) => dto.kind === 'role-profile' || dto.roleProfileId !== undefined)
  @IsUUID('all', { message: 'must be a role profile id (required with kind role-profile)' })
  roleProfileId?: string;

  @ApiPropertyOptional({ type: [String], maxItems: REVIEW_LIMITS.pickedPeople, description: 'With `people`: the people picked.' })
  @ValidateIf((dto: ReviewParticipantsDto) => dto.kind === 'people' || dto.employeeIds !== undefined)
  @IsArray({ message: 'must be a list of employee ids (required with kind people)' })
  @ArrayMinSize(1, { message: 'must name at least one person' })
  @ArrayMaxSize(REVIEW_LIMITS.pickedPeople, { message: `must name at most ${REVIEW_LIMITS.pickedPeople} people` })
  @IsUUID('all', { each: true, message: 'must hold employee ids' })
  employeeIds?: string[];
}

export class ReviewCycleDto implements ReviewCycleRequest {
  @ApiProperty({ maxLength: REVIEW_LIMITS.nameLength, example: '2027 annual review' })
  @Transform(trim)
  @IsString()
  @Length(1, REVIEW_LIMITS.nameLength, { message: `must be 1 to ${REVIEW_LIMITS.nameLength} characters` })
  name!: string;

  @DateField('First day of the period reviewed.')
  periodStart!: string;

  @DateField('Last day of the period reviewed, on or after periodStart.')
  periodEnd!: string;

  @DateField('Deadline of the self-assessment.')
  selfDue!: string;

  @DateField('Deadline of the manager assessment, on or after selfDue.')
  managerDue!: string;

  @ApiProperty({ type: ReviewParticipantsDto })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => ReviewParticipantsDto)
  participants!: ReviewParticipantsDto;

  @ApiProperty({ description: "Also review the competencies of each participant's target role profile." })
  @IsBoolean({ message: 'must be true or false' })
  includeTargetRole!: boolean;
}

export class ListReviewCyclesQuery extends PageQuery(25) implements ReviewCycleListQuery {
  @ApiPropertyOptional({ enum: REVIEW_CYCLE_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_CYCLE_STATUSES, { message: `must be one of ${REVIEW_CYCLE_STATUSES.join(', ')}` })
  status?: ReviewCycleStatus;
}

export class PreviewParticipantsQuery {
  @ApiPropertyOptional({ type: [String], description: 'For an open cycle: the people about to be added.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.pickedPeople)
  @IsUUID('all', { each: true, message: 'must hold employee ids' })
  employeeIds?: string[];
}

export class AddReviewParticipantsDto implements AddReviewParticipantsRequest {
  @ApiProperty({ type: [String], maxItems: REVIEW_LIMITS.pickedPeople })
  @IsArray({ message: 'must be a list of employee ids' })
  @ArrayMinSize(1, { message: 'must name at least one person' })
  @ArrayMaxSize(REVIEW_LIMITS.pickedPeople, { message: `must name at most ${REVIEW_LIMITS.pickedPeople} people` })
  @IsUUID('all', { each: true, message: 'must hold employee ids' })
  employeeIds!: string[];
}

export class ListReviewsQuery extends PageQuery(25) implements ReviewListQuery {
  @OptionalUuid()
  cycleId?: string;

  @ApiPropertyOptional({ enum: REVIEW_STATES })
  @IsOptional()
  @IsIn(REVIEW_STATES, { message: `must be one of ${REVIEW_STATES.join(', ')}` })
  state?: ReviewState;

  @OptionalUuid({ description: 'The assigned manager (an employee id).' })
  managerId?: string;

  @OptionalUuid()
  employeeId?: string;

  @OptionalText(200, { description: 'Part of the reviewed person’s name.' })
  @Transform(trim)
  q?: string;
}

export class ReviewRatingDto implements ReviewRatingRequest {
  @ApiProperty()
  @IsUUID('all')
  competencyId!: string;

  @ApiProperty({ enum: ASSESSMENT_OUTCOMES })
  @IsIn(ASSESSMENT_OUTCOMES, { message: `must be one of ${ASSESSMENT_OUTCOMES.join(', ')}` })
  outcome!: AssessmentOutcome;

  @RatingLevel('Required with `rated`: one of the competency’s levels.')
  level?: number;

  @RatingRationale('Why: required from the manager.')
  rationale?: string;

  @RatingConfidence()
  confidence?: AssessmentConfidence;

  @ApiPropertyOptional({ type: [String], description: 'Accepted evidence the manager relies on.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must hold evidence ids' })
  evidence?: string[];
}

export class SaveReviewRatingsDto implements SaveReviewRatingsRequest {
  @ApiProperty({ enum: ['self', 'manager'] })
  @IsIn(['self', 'manager'], { message: 'must be one of self, manager' })
  role!: 'self' | 'manager';

  @ApiProperty({ type: [ReviewRatingDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must hold at least one rating' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReviewRatingDto)
  ratings!: ReviewRatingDto[];
}

export class ReviewNoteDto {
  @OptionalUuid({ description: 'Absent: the review’s general note.' })
  competencyId?: string;

  @ApiProperty({ maxLength: REVIEW_LIMITS.noteLength, description: 'Empty clears the note.' })
  @IsString()
  @MaxLength(REVIEW_LIMITS.noteLength, { message: `must be at most ${REVIEW_LIMITS.noteLength} characters` })
  text!: string;
}

export class SaveReviewNotesDto implements SaveReviewNotesRequest {
  @ApiProperty({ type: [ReviewNoteDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must hold at least one note' })
  @ArrayMaxSize(501)
  @ValidateNested({ each: true })
  @Type(() => ReviewNoteDto)
  notes!: ReviewNoteDto[];
}

export class ReviewActionDto implements ReviewActionRequest {
  @ApiPropertyOptional({ maxLength: REVIEW_LIMITS.commentLength, description: 'With `sign`: e.g. "signed, disagreeing with C.3".' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, REVIEW_LIMITS.commentLength, { message: `must be 1 to ${REVIEW_LIMITS.commentLength} characters` })
  comment?: string;

  @ApiPropertyOptional({ maxLength: REVIEW_LIMITS.reasonLength, description: 'Required with `reopen`.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, REVIEW_LIMITS.reasonLength, { message: `must be 1 to ${REVIEW_LIMITS.reasonLength} characters` })
  reason?: string;
}

export class ReassignReviewDto implements ReassignReviewRequest {
  @ApiProperty({ description: 'The employee who becomes the reviewing manager.' })
  @IsUUID('all')
  managerId!: string;
}
