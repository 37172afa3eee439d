import type { CookieOptions, Request, Response } from 'express';
import type { IssuedSession } from './auth.service';

export const REFRESH_COOKIE = 'proficio_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

/** The refresh token's cookie: httpOnly, same-site only, sent to /api/auth only. */
export function refreshCookieOptions(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: request.secure, path: REFRESH_COOKIE_PATH };
}

export function setRefreshCookie(request: Request, response: Response, session: IssuedSession): void {
  response.cookie(REFRESH_COOKIE, session.refreshToken, { ...refreshCookieOptions(request), expires: session.refreshExpiresAt });
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, refreshCookieOptions(request));
}
