import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse } from '@nestjs/swagger';

/**
 * The 404 of a route whose `:id` (or body) names a thing that does not exist: "No role profile has this id.", or, where
 * what the caller may not see is answered as unknown too, "No employee the caller may see has this id.".
 */
export const ApiUnknownId = (thing: string, reach?: 'the caller may see'): MethodDecorator & ClassDecorator =>
  ApiNotFoundResponse({ description: `No ${thing}${reach ? ` ${reach}` : ''} has this id.` });

/** The route answers 204 without a body, documented with what that means. */
export const NoContent = (description: string): MethodDecorator & ClassDecorator =>
  applyDecorators(HttpCode(HttpStatus.NO_CONTENT), ApiNoContentResponse({ description }));
