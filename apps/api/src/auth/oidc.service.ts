import { HttpStatus, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SsoError } from '@proficio/shared/contracts';
import type { IncomingMessage } from 'node:http';
import { createHmac } from 'node:crypto';
import { BaseClient, errors, generators, Issuer, TokenSet, UserinfoResponse } from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import type { OidcConfig } from '../config/app-config';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { AuthService, IssuedSession } from './auth.service';
import { SigningKeyService } from './signing-key.service';

/** How long a person has to finish signing in at the provider. */
export const OIDC_FLOW_SECONDS = 10 * 60;
const FLOW_AUDIENCE = 'proficio:oidc-flow';
const SCOPE = 'openid email';

/** What the browser carries (signed, in an httpOnly cookie) from the start of the flow to the callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnUrl: string;
}

export type OidcOutcome = { kind: 'signed-in'; session: IssuedSession; returnUrl: string } | { kind: 'refused'; error: SsoError };

const badCallback = (detail: string) => new ProblemException(HttpStatus.BAD_REQUEST, 'Single sign-on failed', detail);

/**
 * Single sign-on with an OpenID Connect provider: the authorization code flow
 * with PKCE, state and nonce (openid-client checks the ID token's signature,
 * issuer, audience, expiry and nonce). The provider's verified email is
 * matched, any casing, to an existing enabled account; accounts are never
 * created here.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private client?: Promise<BaseClient>;

  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
    private readonly keys: SigningKeyService,
  ) {}

  get enabled(): boolean {
    return !!this.options.oidc;
  }

  /** The provider's authorization URL for a new flow, and the flow to keep in the browser's cookie. */
  async start(returnUrl: string): Promise<{ url: string; flowToken: string } | { error: SsoError }> {
    const client = await this.clientOrNull();
    if (!client) return { error: 'sso-unavailable' };
    const flow: OidcFlow = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier(), returnUrl };
    const url = client.authorizationUrl({
      scope: SCOPE,
      response_type: 'code',
      code_challenge: generators.codeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    const flowToken = await this.jwt.signAsync(flow, {
      secret: this.flowKey(),
      algorithm: 'HS256',
      expiresIn: OIDC_FLOW_SECONDS,
      audience: FLOW_AUDIENCE,
    });
    return { url, flowToken };
  }

  /**
   * Finishes the flow: 400 when the callback does not belong to a flow this
   * browser started (no or expired flow cookie, state or nonce mismatch, a
   * tampered response); otherwise the new session or why it was refused.
   */
  async finish(request: IncomingMessage, flowToken: string | undefined): Promise<OidcOutcome> {
    const config = this.config();
    const flow = await this.readFlow(flowToken);
    const client = await this.clientOrNull();
    if (!client) return { kind: 'refused', error: 'sso-unavailable' };

    let claims: Record<string, unknown>;
    try {
      const params = client.callbackParams(request);
      if (!params.state) throw badCallback('The provider’s answer has no state.');
      const tokens = await client.callback(config.redirectUrl, params, {
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: flow.codeVerifier,
        response_type: 'code',
      });
      claims = await this.claimsOf(client, tokens);
    } catch (error) {
      return { kind: 'refused', error: this.classify(error) };
    }

    if (claims['email_verified'] !== true || typeof claims['email'] !== 'string') return { kind: 'refused', error: 'sso-unverified-email' };
    const user = await this.auth.findEnabledUserByEmail(claims['email']);
    if (!user) return { kind: 'refused', error: 'sso-unknown-user' };

    const session = await this.dataSource.transaction(async (manager) => {
      const issued = await this.auth.startSession(user, manager);
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: 'create',
        entityType: 'session',
        entityId: issued.familyId,
        after: { userId: user.id, method: 'oidc', issuer: config.issuer },
      });
      return issued;
    });
    return { kind: 'signed-in', session, returnUrl: flow.returnUrl };
  }

  /** The ID token's claims, completed from the userinfo endpoint when the ID token lacks the email (openid-client checks the `sub` matches). */
  private async claimsOf(client: BaseClient, tokens: TokenSet): Promise<Record<string, unknown>> {
    const claims: Record<string, unknown> = { ...tokens.claims() };
    if ((claims['email'] === undefined || claims['email_verified'] === undefined) && tokens.access_token) {
      const info: UserinfoResponse = await client.userinfo(tokens);
      return { ...info, ...Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)) };
    }
    return claims;
  }

  /** Errors of the exchange: a provider's refusal sends the person back to sign in; a response that fails the checks is a 400. */
  private classify(error: unknown): SsoError {
    if (error instanceof ProblemException) throw error;
    if (error instanceof errors.OPError) {
      this.logger.warn(`The provider refused single sign-on: ${error.error ?? error.message}`);
      return 'sso-failed';
    }
    if (error instanceof errors.RPError && !/timed out/.test(error.message)) {
      // state, nonce, issuer, audience, signature or expiry did not check out
      throw badCallback(`The provider’s answer did not pass the checks: ${error.message}.`);
    }
    this.logger.warn(`The sign-in provider could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    return 'sso-unavailable';
  }

  private async readFlow(flowToken: string | undefined): Promise<OidcFlow> {
    if (!flowToken) throw badCallback('No single sign-on was started in this browser, or it took longer than 10 minutes: start again.');
    try {
      const flow = await this.jwt.verifyAsync<OidcFlow>(flowToken, {
        secret: this.flowKey(),
        algorithms: ['HS256'],
        audience: FLOW_AUDIENCE,
      });
      return { state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier, returnUrl: flow.returnUrl };
    } catch {
      throw badCallback('The single sign-on in this browser has expired or is not valid: start again.');
    }
  }

  /** The provider's client, from its discovery document; read once, again after a failure. */
  private async clientOrNull(): Promise<BaseClient | null> {
    const config = this.config();
    this.client ??= Issuer.discover(config.issuer).then(
      (issuer) =>
        new issuer.Client({
          client_id: config.clientId,
          client_secret: config.clientSecret,
          redirect_uris: [config.redirectUrl],
          response_types: ['code'],
        }),
    );
    try {
      return await this.client;
    } catch (error) {
      this.client = undefined;
      this.logger.warn(
        `The OpenID Connect issuer ${config.issuer} could not be discovered: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  }

  private config(): OidcConfig {
    if (!this.options.oidc) throw new NotFoundException('Single sign-on is not configured.');
    return this.options.oidc;
  }

  /** A key for flow cookies only, derived from the instance's signing key, so a flow cookie is never an access token. */
  private flowKey(): string {
    return createHmac('sha256', this.keys.secret).update(FLOW_AUDIENCE).digest('base64url');
  }
}
