import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { ProblemException } from '../common/filters/problem.exception';

/**
 * The sign-in limits, answered as every other refusal is: problem details
 * saying which limit was reached, and the standard `Retry-After` header
 * (seconds) instead of the throttler's own `Retry-After-<name>` headers,
 * which the module turns off (`setHeaders: false`).
 */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    // the account limit tracks `account:<email>` (auth.module.ts), the address limit the client's address
    const which = detail.tracker.startsWith('account:') ? 'for this account' : 'from this address';
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      'Too Many Requests',
      `Too many sign-in attempts ${which}. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    );
  }
}
