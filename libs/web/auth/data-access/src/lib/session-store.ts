import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { ChangePasswordRequest, Me, Role, SessionResponse, SignInRequest } from '@proficio/shared/contracts';
import { Observable, catchError, finalize, firstValueFrom, map, of, shareReplay, switchMap, tap, timeout } from 'rxjs';
import { AuthApi } from './auth-api';
import { isUnauthorized } from './auth-problem';
import { SIGN_IN_PATH } from './return-url';

/** Refresh this long before the access token runs out… */
export const REFRESH_LEAD_SECONDS = 60;
/** …but never before half its lifetime has passed (for short-lived tokens). */
const MIN_LIFETIME_SHARE = 0.5;
/** After a proactive refresh that could not reach the API, try again this much later. */
export const REFRESH_RETRY_SECONDS = 30;
/** How long app start waits for the session to be restored before showing the app signed out. */
export const RESTORE_TIMEOUT_MS = 10_000;

/** Who may use something: anyone, anyone signed in, or people with at least one of the roles. */
export type Access = 'anyone' | 'signed-in' | readonly Role[];

interface Session {
  readonly accessToken: string;
  readonly user: Me;
}

/** Milliseconds until a token that lives `expiresIn` seconds should be refreshed. */
export function refreshDelayMs(expiresIn: number): number {
  const seconds = Math.max(expiresIn - REFRESH_LEAD_SECONDS, expiresIn * MIN_LIFETIME_SHARE);
  return Math.max(0, Math.round(seconds * 1000));
}

/**
 * The signed-in user and their access token. The token lives in memory only (never in
 * storage); the httpOnly refresh cookie restores the session after a reload.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);

  private readonly session = signal<Session | null>(null);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The refresh in flight, shared by everyone who needs a new token at the same time. */
  private refreshInFlight: Observable<SessionResponse> | null = null;

  /** The current access token, for the `Authorization` header; `null` when signed out. */
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly me = computed(() => this.session()?.user ?? null);
  readonly roles = computed<readonly Role[]>(() => this.me()?.roles ?? []);
  readonly isSignedIn = computed(() => this.session() !== null);
  /** Signed in with a temporary password from an administrator: the app keeps them on the change-password page. */
  readonly passwordMustChange = computed(() => this.me()?.passwordMustChange === true);
  /** The person's name, or their email for an account without an employee record. */
  readonly displayName = computed(() => {
    const me = this.me();
    return me ? (me.employee?.name ?? me.email) : '';
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopRefreshTimer());
  }

  hasRole(role: Role): boolean {
    return this.roles().includes(role);
  }

  /** Whether the current user may use something that requires `access`. */
  canAccess(access: Access): boolean {
    if (access === 'anyone') return true;
    if (access === 'signed-in') return this.isSignedIn();
    return access.some((role) => this.hasRole(role));
  }

  /** At app start: one refresh from the cookie. Never rejects; without a cookie the app starts signed out. */
  async restore(): Promise<void> {
    try {
      await firstValueFrom(this.refresh().pipe(timeout({ first: RESTORE_TIMEOUT_MS })));
    } catch {
      // No (valid) refresh cookie, or the API is down: start signed out.
    }
  }

  /** Changes the password and goes on with the new session the API starts for this tab (every other one ends). */
  changePassword(change: ChangePasswordRequest): Observable<Me> {
    return this.api.changePassword(change).pipe(
      tap((response) => this.start(response)),
      map((response) => response.user),
    );
  }

  signIn(credentials: SignInRequest): Observable<Me> {
    return this.api.signIn(credentials).pipe(
      tap((response) => this.start(response)),
      map((response) => response.user),
    );
  }

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one request,
   * so a burst of 401s rotates the cookie once. Errors are passed on; the caller decides what a
   * failure means (signed out at start, session over after a 401).
   */
  refresh(): Observable<SessionResponse> {
    this.refreshInFlight ??= this.api.refresh().pipe(
      tap((response) => this.start(response)),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** Revokes the refresh token on the API, forgets the session and goes to the sign-in page. */
  async signOut(): Promise<void> {
    if (this.isSignedIn()) {
      const revoke = this.api.signOut().pipe(
        // An expired access token: get a fresh one once so the API can still revoke the cookie.
        catchError((error: unknown) => (isUnauthorized(error) ? this.refresh().pipe(switchMap(() => this.api.signOut())) : of(undefined))),
        catchError(() => of(undefined)),
      );
      await firstValueFrom(revoke, { defaultValue: undefined });
    }
    this.clear();
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }

  /** The session could not be renewed: forget it and ask the person to sign in again, coming back to `returnUrl`. */
  async endSession(returnUrl = this.router.url): Promise<void> {
    this.clear();
    const path = returnUrl.split(/[?#]/, 1)[0];
    const queryParams = path === SIGN_IN_PATH || returnUrl === '/' ? {} : { returnUrl };
    await this.router.navigate([SIGN_IN_PATH], { queryParams });
  }

  /** Forgets the session in this tab (the token and the user) and stops refreshing. */
  clear(): void {
    this.stopRefreshTimer();
    this.session.set(null);
  }

  private start(response: SessionResponse): void {
    this.session.set({ accessToken: response.accessToken, user: response.user });
    this.scheduleRefresh(refreshDelayMs(response.expiresIn));
  }

  private scheduleRefresh(delayMs: number): void {
    this.stopRefreshTimer();
    this.refreshTimer = setTimeout(() => this.refreshBeforeExpiry(), delayMs);
  }

  private refreshBeforeExpiry(): void {
    this.refreshTimer = undefined;
    this.refresh().subscribe({
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 0) {
          // Offline for now: try again soon; a 401 on the next call will also trigger a refresh.
          this.scheduleRefresh(REFRESH_RETRY_SECONDS * 1000);
        } else {
          void this.endSession();
        }
      },
    });
  }

  private stopRefreshTimer(): void {
    if (this.refreshTimer !== undefined) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = undefined;
    }
  }
}
