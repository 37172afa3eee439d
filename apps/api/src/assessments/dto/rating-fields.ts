import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ASSESSMENT_CONFIDENCES, ASSESSMENT_LIMITS } from '@proficio/shared/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trim } from '../../common/validation/fields';

// The fields a rating has wherever it is given (an assessment recorded on its own, or a review's draft), validated
// alike. Applied in the order a stack written on the property would apply (bottom first), so messages keep their order.

/** The level rated: required with `rated` (checked against the competency's levels by the service). */
export const RatingLevel = (description: string): PropertyDecorator =>
  applyDecorators(Max(1000), Min(0), IsInt({ message: 'must be a whole number' }), IsOptional(), ApiPropertyOptional({ description }));

/** Why the rating was given (trimmed; 1 to 5,000 characters). */
export const RatingRationale = (description: string): PropertyDecorator =>
  applyDecorators(
    Length(1, ASSESSMENT_LIMITS.rationaleLength, { message: `must be 1 to ${ASSESSMENT_LIMITS.rationaleLength} characters` }),
    IsString(),
    Transform(trim),
    IsOptional(),
    ApiPropertyOptional({ maxLength: ASSESSMENT_LIMITS.rationaleLength, description }),
  );

/** How sure the rater is. */
export const RatingConfidence = (): PropertyDecorator =>
  applyDecorators(
    IsIn(ASSESSMENT_CONFIDENCES, { message: `must be one of ${ASSESSMENT_CONFIDENCES.join(', ')}` }),
    IsOptional(),
    ApiPropertyOptional({ enum: ASSESSMENT_CONFIDENCES }),
  );
