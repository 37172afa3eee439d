import { HttpErrorResponse, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { API_PREFIX, ApiRoutes } from '@proficio/shared/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { SessionStore } from './session-store';

const API_PATH = `/${API_PREFIX}/`;
const AUTH_PATH = `/${API_PREFIX}/auth/`;
/** Auth routes that work without an access token; they never get the Bearer header. */
const PUBLIC_AUTH_ROUTES: readonly string[] = [ApiRoutes.authConfig, ApiRoutes.signIn, ApiRoutes.refresh];

function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0];
}

function withBearer(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * Adds `Authorization: Bearer <access token>` to the app's own API calls (not to the public
 * auth routes). When a call other than `/api/auth/*` answers 401, it refreshes the session once
 * and retries the call once with the new token; if the refresh fails, the session is over:
 * it is cleared and the person is sent to the sign-in page, coming back here afterwards.
 *
 * A 401 from `/api/auth/*` is passed on untouched: for a password change it means "wrong
 * current password", not "token expired".
 */
export const authInterceptor: HttpInterceptorFn = (req: HttpRequest<unknown>, next: HttpHandlerFn) => {
  const path = pathOf(req.url);
  if (!path.startsWith(API_PATH) || PUBLIC_AUTH_ROUTES.includes(path)) {
    return next(req);
  }

  const session = inject(SessionStore);
  const sentToken = session.accessToken();
  const sent = next(withBearer(req, sentToken));
  if (path.startsWith(AUTH_PATH)) {
    return sent;
  }

  return sent.pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      const current = session.accessToken();
      if (current && current !== sentToken) {
        // Someone else refreshed while this call was on its way: just retry with the new token.
        return next(withBearer(req, current));
      }
      return session.refresh().pipe(
        catchError(() => {
          void session.endSession();
          return throwError(() => error);
        }),
        switchMap((fresh) => next(withBearer(req, fresh.accessToken))),
      );
    }),
  );
};
