import { createParamDecorator, ExecutionContext, Param, ParseUUIDPipe } from '@nestjs/common';
import type { Request } from 'express';

/** A route parameter that must be a UUID (any version): anything else is a 400 before the handler runs. */
export const UuidParam = (name = 'id'): ParameterDecorator => Param(name, new ParseUUIDPipe({ version: undefined }));

/** The request's Accept-Language header as sent (undefined without one); `localize` picks the language from it. */
export const AcceptLanguage = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<Request>().headers['accept-language'],
);
