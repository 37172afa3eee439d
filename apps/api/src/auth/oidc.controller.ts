import { Controller, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiFoundResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SsoError } from '@proficio/shared/contracts';
import type { CookieOptions, Request, Response } from 'express';
import { Public } from '../common/auth/jwt-auth.guard';
import { LOCAL_PATH, OidcStartQuery } from './dto/oidc.dto';
import { OIDC_FLOW_SECONDS, OidcService } from './oidc.service';
import { setRefreshCookie } from './refresh-cookie';

const FLOW_COOKIE = 'proficio_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc';
const SIGN_IN_PATH = '/sign-in';

/**
 * Single sign-on with OpenID Connect (when configured; 404 otherwise). The
 * browser is sent to the provider and back; on success it gets the same
 * refresh cookie as a password sign-in and the web app picks the session up
 * with its usual refresh at start.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Start single sign-on: redirects to the OpenID Connect provider (authorization code flow with PKCE).' })
  @ApiFoundResponse({ description: 'To the provider; or to /sign-in?error=sso-unavailable when it cannot be reached.' })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured.' })
  async start(@Query() query: OidcStartQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireEnabled();
    // never back to the sign-in page itself
    const returnUrl = query.returnUrl && !/^\/sign-in(?:[/?#]|$)/.test(query.returnUrl) ? query.returnUrl : '/';
    const started = await this.oidc.start(returnUrl);
    if ('error' in started) return this.backToSignIn(response, started.error);
    response.cookie(FLOW_COOKIE, started.flowToken, { ...this.flowCookieOptions(request), maxAge: OIDC_FLOW_SECONDS * 1000 });
    response.redirect(302, started.url);
  }

  @Public()
  @Get('callback')
  @ApiOperation({
    summary: 'Where the provider sends the browser back: signs the person in (refresh cookie) and redirects into the web app.',
  })
  @ApiFoundResponse({
    description:
      'Into the web app, signed in; or to /sign-in?error=sso-unknown-user | sso-unverified-email | sso-failed | sso-unavailable.',
  })
  @ApiBadRequestResponse({
    description:
      'The callback does not belong to a sign-on this browser started (state, nonce or flow cookie), or fails the ID token checks.',
  })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured.' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireEnabled();
    const flowToken: unknown = request.cookies?.[FLOW_COOKIE];
    // good for one answer only, whatever it is
    response.clearCookie(FLOW_COOKIE, this.flowCookieOptions(request));
    const outcome = await this.oidc.finish(request, typeof flowToken === 'string' ? flowToken : undefined);
    if (outcome.kind === 'refused') return this.backToSignIn(response, outcome.error);
    setRefreshCookie(request, response, outcome.session);
    response.redirect(302, LOCAL_PATH.test(outcome.returnUrl) ? outcome.returnUrl : '/');
  }

  private requireEnabled(): void {
    if (!this.oidc.enabled) throw new NotFoundException('Single sign-on is not configured.');
  }

  private backToSignIn(response: Response, error: SsoError): void {
    response.redirect(302, `${SIGN_IN_PATH}?error=${error}`);
  }

  /** Lax, not strict: the provider's redirect back is a cross-site navigation, and it must carry the flow cookie. */
  private flowCookieOptions(request: Request): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: request.secure, path: FLOW_COOKIE_PATH };
  }
}
