import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** `@Transform(trim)`: surrounding white space is not part of a name, code or note. */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** `@Transform(queryBoolean)`: a query string's `true` / `false`; anything else is left for `@IsBoolean` to refuse. */
export const queryBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

// The decorators below are applied in the order a stack of them written on the property would apply (bottom first),
// so the validation messages come out as they did when each DTO wrote the stack itself.

/** An optional UUID (any version), documented as such. */
export const OptionalUuid = (api?: ApiPropertyOptions): PropertyDecorator =>
  applyDecorators(IsUUID('all'), IsOptional(), ApiPropertyOptional(api));

/** An optional string of at most `maxLength` characters, documented as such. */
export const OptionalText = (maxLength: number, api?: ApiPropertyOptions): PropertyDecorator =>
  applyDecorators(MaxLength(maxLength), IsString(), IsOptional(), ApiPropertyOptional({ maxLength, ...api }));
