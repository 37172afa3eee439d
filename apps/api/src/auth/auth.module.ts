import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { AuditModule } from '../audit';
import { AuthController, MeController } from './auth.controller';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { AuthService } from './auth.service';
import { JwtStrategy, LocalStrategy } from './auth.strategies';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { SignInGuard } from './sign-in.guard';
import { SigningKeyService } from './signing-key.service';

const emailOf = (request: Request): string => {
  const email: unknown = request.body?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        PassportModule,
        JwtModule.register({}),
        AuditModule,
        // Failed or not, sign-in attempts are limited per account and per client address.
        ThrottlerModule.forRoot({
          // SignInThrottlerGuard answers with the standard Retry-After header instead.
          setHeaders: false,
          throttlers: [
            {
              name: 'sign-in-account',
              ttl: 60_000,
              limit: options.signInLimitPerAccount,
              getTracker: (request: Record<string, unknown>) => `account:${emailOf(request as unknown as Request)}`,
              // a request without an email is refused by validation and belongs to no account
              skipIf: (context) => !emailOf(context.switchToHttp().getRequest<Request>()),
            },
            { name: 'sign-in-address', ttl: 60_000, limit: options.signInLimitPerAddress },
          ],
        }),
      ],
      controllers: [AuthController, MeController, OidcController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        AuthService,
        SigningKeyService,
        LocalStrategy,
        JwtStrategy,
        SignInGuard,
        OidcService,
      ],
      exports: [AuthService],
    };
  }
}
