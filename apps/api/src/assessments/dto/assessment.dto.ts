import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSESSMENT_BATCH_LIMIT,
  ASSESSMENT_LIMITS,
  ASSESSMENT_OUTCOMES,
  ASSESSOR_ROLES,
  type AssessmentConfidence,
  type AssessmentListQuery,
  type AssessmentOutcome,
  type AssessorRole,
  type RecordAssessmentBatchRequest,
  type RecordAssessmentRequest,
  type TeamGridQuery,
} from '@proficio/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/paging';
import { OptionalUuid, trim } from '../../common/validation/fields';
import { RatingConfidence, RatingLevel, RatingRationale } from './rating-fields';

export class RecordAssessmentDto implements RecordAssessmentRequest {
  @ApiProperty()
  @IsUUID('all')
  employeeId!: string;

  @ApiProperty()
  @IsUUID('all')
  competencyId!: string;

  @ApiProperty({ enum: ASSESSOR_ROLES, description: '`manager` (managers in the line, admins) or `self` (the person).' })
  @IsIn(ASSESSOR_ROLES, { message: `must be one of ${ASSESSOR_ROLES.join(', ')}` })
  role!: AssessorRole;

  @ApiPropertyOptional({ enum: ASSESSMENT_OUTCOMES, default: 'rated' })
  @IsOptional()
  @IsIn(ASSESSMENT_OUTCOMES, { message: `must be one of ${ASSESSMENT_OUTCOMES.join(', ')}` })
  outcome?: AssessmentOutcome;

  @RatingLevel('Required with `rated`: one of the competency’s own levels (its framework’s scale when it has none).')
  level?: number;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'The date the judgement is about; today when left out; not in the future.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-03-01' })
  @Length(10, 10, { message: 'must be a date such as 2026-03-01' })
  assessedOn?: string;

  @RatingRationale('Why: required from a manager.')
  rationale?: string;

  @RatingConfidence()
  confidence?: AssessmentConfidence;

  @ApiPropertyOptional({
    nullable: true,
    description: 'The latest record of this role the form showed (null: none). A newer one saved since answers 409 with it.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  basedOn?: string | null;

  @OptionalUuid({ description: 'A correction (or, with `withdraw`, a withdrawal) of this record, the latest of its chain.' })
  replaces?: string;

  @ApiPropertyOptional({
    maxLength: ASSESSMENT_LIMITS.reasonLength,
    description: 'Why it is corrected or withdrawn: required with `replaces`.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, ASSESSMENT_LIMITS.reasonLength, { message: `must be 1 to ${ASSESSMENT_LIMITS.reasonLength} characters` })
  reason?: string;

  @ApiPropertyOptional({ description: 'Take the `replaces` record back.' })
  @IsOptional()
  @IsBoolean()
  withdraw?: boolean;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'Accepted evidence of this person that a manager assessment relies on; each must claim this competency.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidence?: string[];
}

export const ASSESSMENTS_PAGE_SIZE = 25;

export class ListAssessmentsQuery extends PageQuery(ASSESSMENTS_PAGE_SIZE) implements AssessmentListQuery {
  @OptionalUuid({ description: 'Only this competency (and its earlier and later versions).' })
  competencyId?: string;
}

export class RecordAssessmentBatchDto implements RecordAssessmentBatchRequest {
  @ApiProperty({ type: [RecordAssessmentDto], maxItems: ASSESSMENT_BATCH_LIMIT, description: 'Saved together: all or nothing.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must hold at least one assessment' })
  @ArrayMaxSize(ASSESSMENT_BATCH_LIMIT, {
    message: `must hold at most ${ASSESSMENT_BATCH_LIMIT.toLocaleString('en')} assessments (50 people × 30 competencies): split the batch`,
  })
  @ValidateNested({ each: true })
  @Type(() => RecordAssessmentDto)
  assessments!: RecordAssessmentDto[];
}

export class TeamGridQueryDto implements TeamGridQuery {
  @ApiPropertyOptional({ enum: ['direct', 'line'], default: 'direct' })
  @IsOptional()
  @IsIn(['direct', 'line'], { message: 'must be direct or line' })
  scope?: 'direct' | 'line';

  @OptionalUuid({ description: 'Only people who hold this role profile.' })
  roleProfileId?: string;

  @OptionalUuid({ description: 'Only competencies of this framework version.' })
  frameworkId?: string;
}

export class ProgressionQueryDto {
  @OptionalUuid({ description: 'Only this competency (and its earlier and later versions).' })
  competencyId?: string;
}
