/** What a signed-in person may do: `admin` (HR, everything), `manager` (has reports), `employee` (self). */
export type Role = 'admin' | 'manager' | 'employee';

export interface SignInRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** The signed-in user: `GET /api/me`. */
export interface Me {
  id: string;
  email: string;
  roles: Role[];
  employee?: { id: string; name: string; jobTitle?: string; teamId?: string };
  /** Direct and indirect reports. */
  reportCount: number;
  /** Signed in with a temporary password an administrator issued: the person must choose a new password before going on. */
  passwordMustChange?: boolean;
}

/**
 * Answer of sign-in and refresh. The access token goes in
 * `Authorization: Bearer …`; the refresh token is an httpOnly cookie the
 * browser sends to /api/auth only.
 */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: Me;
}

/** Public facts the sign-in page needs: `GET /api/auth/config`. */
export interface AuthConfig {
  /** Demo mode: the demo organisation's accounts are listed so anyone can try Proficio. Never outside demo mode. */
  demo: boolean;
  demoAccounts: { email: string; password: string; description: string }[];
  /** Single sign-on with OpenID Connect: when enabled, the sign-in page offers "Sign in with <label>". */
  oidc: { enabled: boolean; label?: string };
}

/**
 * Why single sign-on sent the person back to the sign-in page: `/sign-in?error=<code>`.
 * `sso-unknown-user`: no enabled Proficio account has the provider's email (accounts are never created by SSO);
 * `sso-unverified-email`: the provider has not verified the email; `sso-failed`: the provider refused or the
 * sign-in was cancelled; `sso-unavailable`: the provider could not be reached.
 */
export const SSO_ERRORS = ['sso-unknown-user', 'sso-unverified-email', 'sso-failed', 'sso-unavailable'] as const;
export type SsoError = (typeof SSO_ERRORS)[number];
