import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

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

/** A language code (BCP 47) such as `en`, `it` or `pt-BR`. */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** An optional language to read texts in, documented as the caller describes it. */
export const OptionalLanguage = (api?: ApiPropertyOptions): PropertyDecorator =>
  applyDecorators(Matches(LANGUAGE, { message: 'must be a language code such as en or it' }), IsOptional(), ApiPropertyOptional(api));

/** An optional version number in a query string (1 to 100,000), documented as the caller describes it. */
export const OptionalVersionNumber = (api?: ApiPropertyOptions): PropertyDecorator =>
  applyDecorators(
    Max(100000),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional(api),
  );
