import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { NoContent } from '../common/http/responses';
import { Throttle } from '@nestjs/throttler';
import type { AuthConfig, Me, SessionResponse } from '@proficio/shared/contracts';
import type { Request, Response } from 'express';
import { AllowedBeforePasswordChange, Public } from '../common/auth/jwt-auth.guard';
import { Actor, CurrentActor } from '../access';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { AuthService, IssuedSession } from './auth.service';
import { ChangePasswordDto, SignInDto } from './dto/auth.dto';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';
import { SignInGuard } from './sign-in.guard';
import { UserEntity } from './user.entities';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  @Public()
  @Get('config')
  @ApiOperation({
    summary: 'What the sign-in page needs: demo mode and its accounts (only in demo mode), and whether single sign-on is on.',
  })
  config(): AuthConfig {
    return {
      demo: this.options.demoMode,
      demoAccounts: this.options.demoMode ? DEMO_ACCOUNTS : [],
      oidc: this.options.oidc ? { enabled: true, label: this.options.oidc.label } : { enabled: false },
    };
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @UseGuards(SignInThrottlerGuard, SignInGuard)
  @Throttle({ 'sign-in-account': {}, 'sign-in-address': {} })
  @ApiOperation({ summary: 'Sign in with email and password: an access token, and a refresh token as an httpOnly cookie.' })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect (the same answer whether the email exists or not).' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or from this address.' })
  async signIn(
    @Body() _body: SignInDto,
    @Req() request: Request & { user: UserEntity },
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    return this.respond(await this.auth.signIn(request.user, { address: request.ip }), request, response);
  }

  @Public()
  @Post('refresh')
  @ApiCookieAuth('refresh-cookie')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token and a new refresh cookie (rotation).' })
  @ApiUnauthorizedResponse({
    description: 'No, expired or revoked refresh token, or one re-used more than 15 s after its use; such re-use ends the whole session.',
  })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    try {
      return this.respond(await this.auth.refresh(readRefreshCookie(request)), request, response);
    } catch (error) {
      clearRefreshCookie(request, response);
      throw error;
    }
  }

  @Public()
  @Post('sign-out')
  @NoContent('The session is ended and its refresh token revoked.')
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.signOut(readRefreshCookie(request));
    clearRefreshCookie(request, response);
  }

  @Post('password')
  @AllowedBeforePasswordChange()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change your password (12 to 128 characters, not your email, not a common password, not the current one): ends every session of the account and answers with a new one for this device (access token and refresh cookie). Five wrong current passwords in 15 minutes refuse further changes (429) for a while.',
  })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    return this.respond(
      await this.auth.changePassword(actor.userId, body.currentPassword, body.newPassword, { address: request.ip }),
      request,
      response,
    );
  }

  private respond(session: IssuedSession, request: Request, response: Response): SessionResponse {
    setRefreshCookie(request, response, session);
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
  }
}

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user: roles, employee record, number of reports.' })
  async me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.auth.meById(actor.userId);
  }
}
