import type { CookieOptions, Request, Response } from 'express';
import type { IssuedSession } from './auth.service';

/** The refresh cookie over plain HTTP (a LAN, development): sent to /api/auth only. */
export const REFRESH_COOKIE = 'proficio_refresh';
/**
 * The refresh cookie over HTTPS. The `__Host-` prefix makes the browser refuse it unless it is Secure,
 * host-only (no Domain) and for Path=/, so no sibling subdomain and no plain-http page can plant or
 * overwrite it (session fixation); the price is that it travels with every request to this host.
 */
export const SECURE_REFRESH_COOKIE = '__Host-proficio_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

/** The refresh cookie's name for this request: `__Host-` prefixed over HTTPS. */
export function refreshCookieName(request: Request): string {
  return request.secure ? SECURE_REFRESH_COOKIE : REFRESH_COOKIE;
}

/** httpOnly and same-site only; over HTTPS Secure and for the whole host, over plain HTTP for /api/auth only. */
function refreshCookieOptions(request: Request): CookieOptions {
  return request.secure
    ? { httpOnly: true, sameSite: 'strict', secure: true, path: '/' }
    : { httpOnly: true, sameSite: 'strict', secure: false, path: REFRESH_COOKIE_PATH };
}

/**
 * The refresh token the request carries. Over HTTPS only the `__Host-` cookie counts: a cookie of the
 * plain name may have been planted by a subdomain or over http, the very thing the prefix shuts out.
 */
export function readRefreshCookie(request: Request): string | undefined {
  const value: unknown = request.cookies?.[refreshCookieName(request)];
  return typeof value === 'string' ? value : undefined;
}

export function setRefreshCookie(request: Request, response: Response, session: IssuedSession): void {
  response.cookie(refreshCookieName(request), session.refreshToken, {
    ...refreshCookieOptions(request),
    expires: session.refreshExpiresAt,
  });
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(refreshCookieName(request), refreshCookieOptions(request));
  // Over HTTPS, also the plain-named cookie a browser may keep from before (plain http, or an older version).
  if (request.secure) response.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
}
