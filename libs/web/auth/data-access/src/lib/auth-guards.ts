import { inject } from '@angular/core';
import { CanMatchFn, RedirectCommand, Router, UrlSegment, UrlTree } from '@angular/router';
import { Role } from '@proficio/shared/contracts';
import { SIGN_IN_PATH } from './return-url';
import { SessionStore } from './session-store';

/** Where `roleGuard` sends someone who is signed in but lacks the role; the address bar keeps the URL they asked for. */
export const ACCESS_DENIED_PATH = '/access-denied';

/** The change-password page, where someone signed in with a temporary password is kept until they choose their own. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/** The URL being navigated to (with its query), for the sign-in page to return to. */
function attemptedUrl(router: Router, segments: readonly UrlSegment[]): string {
  const navigation = router.currentNavigation();
  if (navigation) return router.serializeUrl(navigation.extractedUrl);
  return `/${segments.map((segment) => segment.path).join('/')}`;
}

function signInRedirect(router: Router, segments: readonly UrlSegment[]): UrlTree {
  return router.createUrlTree([SIGN_IN_PATH], { queryParams: { returnUrl: attemptedUrl(router, segments) } });
}

/** Sends someone who must replace a temporary password to the change-password page from anywhere else; `null` otherwise. */
function choosePasswordRedirect(session: SessionStore, router: Router, segments: readonly UrlSegment[]): UrlTree | null {
  if (!session.passwordMustChange()) return null;
  const path = attemptedUrl(router, segments).split(/[?#]/, 1)[0];
  return path === CHANGE_PASSWORD_PATH ? null : router.parseUrl(CHANGE_PASSWORD_PATH);
}

/**
 * Lets a route (and its lazy chunk) match only for a signed-in user; anyone else is sent to
 * `/sign-in?returnUrl=<the URL they asked for>`. Someone signed in with a temporary password is
 * sent to the change-password page until they have chosen their own.
 */
export const signedInGuard: CanMatchFn = (_route, segments) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  if (!session.isSignedIn()) return signInRedirect(router, segments);
  return choosePasswordRedirect(session, router, segments) ?? true;
};

/**
 * For pages open to anyone (the home page): lets everyone in, except someone signed in with a
 * temporary password, who is sent to the change-password page first.
 */
export const passwordChosenGuard: CanMatchFn = (_route, segments) =>
  choosePasswordRedirect(inject(SessionStore), inject(Router), segments) ?? true;

/**
 * Lets a route match only for a user with at least one of `roles`. Signed-out users go to the
 * sign-in page; signed-in users without the role see the "no access" page at the URL they asked for.
 */
export function roleGuard(...roles: [Role, ...Role[]]): CanMatchFn {
  return (_route, segments) => {
    const session = inject(SessionStore);
    const router = inject(Router);
    if (!session.isSignedIn()) return signInRedirect(router, segments);
    if (roles.some((role) => session.hasRole(role))) return true;
    // Show the "no access" page but keep the asked-for URL in the address bar.
    return new RedirectCommand(router.parseUrl(ACCESS_DENIED_PATH), { browserUrl: attemptedUrl(router, segments) });
  };
}
