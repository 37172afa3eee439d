import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVIDENCE_LIMITS,
  EVIDENCE_STATUSES,
  EVIDENCE_VERDICTS,
  type CreateEvidenceRequest,
  type EvidenceAnswerRequest,
  type EvidenceClaimRequest,
  type EvidenceCommentRequest,
  type EvidenceListQuery,
  type EvidenceStatus,
  type EvidenceVerdict,
  type EvidenceVerdictRequest,
  type UpdateEvidenceRequest,
} from '@proficio/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/paging';
import { OptionalUuid, trim } from '../../common/validation/fields';

const DATE = { message: 'must be a date such as 2026-03-01' };
const lengthMessage = (max: number) => ({ message: `must be 1 to ${max} characters` });

/** A whole number from `min` to `max`, documented with `description`. */
const WholeNumber = (min: number, max: number, description: string): PropertyDecorator =>
  applyDecorators(Max(max), Min(min), IsInt({ message: 'must be a whole number' }), ApiProperty({ description }));

export class EvidenceClaimDto implements EvidenceClaimRequest {
  @ApiProperty()
  @IsUUID('all')
  competencyId!: string;

  @WholeNumber(0, 1000, 'One of the competency’s own levels (its framework’s scale when it has none).')
  level!: number;
}

export class EvidenceAnswerDto implements EvidenceAnswerRequest {
  @WholeNumber(0, EVIDENCE_LIMITS.claims - 1, 'Position of the claim in `claims`.')
  claim!: number;

  @WholeNumber(0, 100, 'Position of the question in the claimed level’s interview questions.')
  question!: number;

  @ApiProperty({ maxLength: EVIDENCE_LIMITS.answerLength })
  @Transform(trim)
  @IsString()
  @Length(1, EVIDENCE_LIMITS.answerLength, lengthMessage(EVIDENCE_LIMITS.answerLength))
  answer!: string;
}

export class EvidenceIndicatorDto {
  @WholeNumber(0, EVIDENCE_LIMITS.claims - 1, 'Position of the claim in `claims`.')
  claim!: number;

  @WholeNumber(0, 100, 'Position of the behaviour indicator in the claimed level’s list.')
  indicator!: number;
}

export class EvidenceContentDto {
  @ApiProperty({ maxLength: EVIDENCE_LIMITS.titleLength })
  @Transform(trim)
  @IsString()
  @Length(1, EVIDENCE_LIMITS.titleLength, lengthMessage(EVIDENCE_LIMITS.titleLength))
  title!: string;

  @ApiProperty({ example: '2026-03-01', description: 'When the activity took place (or began); not in the future.' })
  @IsISO8601({ strict: true }, DATE)
  @Length(10, 10, DATE)
  activityFrom!: string;

  @ApiPropertyOptional({ example: '2026-04-30', description: 'The end of a period, on or after `activityFrom`.' })
  @IsOptional()
  @IsISO8601({ strict: true }, DATE)
  @Length(10, 10, DATE)
  activityTo?: string;

  @ApiProperty({ type: [EvidenceClaimDto], maxItems: EVIDENCE_LIMITS.claims })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one competency and level' })
  @ArrayMaxSize(EVIDENCE_LIMITS.claims)
  @ValidateNested({ each: true })
  @Type(() => EvidenceClaimDto)
  claims!: EvidenceClaimDto[];

  @ApiPropertyOptional({ type: [EvidenceAnswerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvidenceAnswerDto)
  answers?: EvidenceAnswerDto[];

  @ApiPropertyOptional({ maxLength: EVIDENCE_LIMITS.narrativeLength })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(EVIDENCE_LIMITS.narrativeLength, { message: `must be at most ${EVIDENCE_LIMITS.narrativeLength} characters` })
  narrative?: string;

  @ApiPropertyOptional({ type: [EvidenceIndicatorDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => EvidenceIndicatorDto)
  indicators?: EvidenceIndicatorDto[];

  @ApiPropertyOptional({ type: [String], maxItems: EVIDENCE_LIMITS.links, description: 'http(s) addresses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EVIDENCE_LIMITS.links)
  @IsString({ each: true })
  @MaxLength(EVIDENCE_LIMITS.linkLength, { each: true })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { each: true, message: 'must be http(s) addresses' })
  links?: string[];
}

export class CreateEvidenceDto extends EvidenceContentDto implements CreateEvidenceRequest {
  @ApiProperty({ description: 'Whose evidence: the caller’s own (an administrator may name anyone).' })
  @IsUUID('all')
  employeeId!: string;
}

export class UpdateEvidenceDto extends EvidenceContentDto implements UpdateEvidenceRequest {
  @WholeNumber(1, 100000, 'The revision number the form showed; a newer one answers 409.')
  basedOnRevision!: number;
}

export const EVIDENCE_PAGE_SIZE = 25;

export class ListEvidenceQuery extends PageQuery(EVIDENCE_PAGE_SIZE) implements EvidenceListQuery {
  @OptionalUuid({ description: 'Whose evidence; everyone the caller may see when left out.' })
  employeeId?: string;

  @OptionalUuid({ description: 'Only evidence claiming this competency.' })
  competencyId?: string;

  @ApiPropertyOptional({ enum: EVIDENCE_STATUSES })
  @IsOptional()
  @IsIn(EVIDENCE_STATUSES, { message: `must be one of ${EVIDENCE_STATUSES.join(', ')}` })
  status?: EvidenceStatus;
}

export class InboxQuery extends PageQuery(EVIDENCE_PAGE_SIZE) {}

export class EvidenceVerdictDto implements EvidenceVerdictRequest {
  @WholeNumber(1, 100000, 'The submitted revision the verdict is on (the one the reviewer read).')
  revision!: number;

  @ApiProperty({ enum: EVIDENCE_VERDICTS })
  @IsIn(EVIDENCE_VERDICTS, { message: `must be one of ${EVIDENCE_VERDICTS.join(', ')}` })
  verdict!: EvidenceVerdict;

  @ApiPropertyOptional({
    maxLength: EVIDENCE_LIMITS.commentLength,
    description: 'Required when changes are requested or the evidence is rejected.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, EVIDENCE_LIMITS.commentLength, lengthMessage(EVIDENCE_LIMITS.commentLength))
  comment?: string;
}

export class EvidenceCommentDto implements EvidenceCommentRequest {
  @ApiProperty({ maxLength: EVIDENCE_LIMITS.commentLength })
  @Transform(trim)
  @IsString()
  @Length(1, EVIDENCE_LIMITS.commentLength, lengthMessage(EVIDENCE_LIMITS.commentLength))
  body!: string;
}

export class SubmitEvidenceDto {
  @WholeNumber(1, 100000, 'The draft revision the author read before submitting; a newer one answers 409.')
  revision!: number;
}
