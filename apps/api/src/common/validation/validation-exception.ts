import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@proficio/shared/contracts';

/** Thrown by the global ValidationPipe; the filter turns it into problem details with `errors[]`. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.field).join(', ')}.`);
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Flattens class-validator's tree into one entry per failed constraint, with dotted field paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator starts messages with the property name ("name must be…", "property x should not exist").
      message: message.replace(new RegExp(`^(property )?${escapeRegExp(error.property)} `), ''),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationException(toFieldErrors(errors)),
  });
}
