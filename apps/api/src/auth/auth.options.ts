import type { OidcConfig } from '../config/app-config';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  demoMode: boolean;
  signInLimitPerAccount: number;
  signInLimitPerAddress: number;
  /** Single sign-on with OpenID Connect; off when undefined. */
  oidc?: OidcConfig;
}
