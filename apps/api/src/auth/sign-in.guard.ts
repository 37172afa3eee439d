import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { RequestValidationException, toFieldErrors } from '../common/validation/validation-exception';
import { SignInDto } from './dto/auth.dto';

/**
 * passport-local behind a body check: guards run before pipes, so the sign-in
 * body is validated here first, to answer 400 naming the bad field rather
 * than passport's bare 401 "missing credentials".
 */
@Injectable()
export class SignInGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const dto = plainToInstance(SignInDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new RequestValidationException(toFieldErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }
}
