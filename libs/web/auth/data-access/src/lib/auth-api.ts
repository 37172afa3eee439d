import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, AuthConfig, ChangePasswordRequest, Me, SessionResponse, SignInRequest } from '@proficio/shared/contracts';
import { Observable } from 'rxjs';

/**
 * The API's sign-in and session endpoints. Calls that rely on the httpOnly refresh cookie
 * (sign-in sets it, refresh rotates it, sign-out clears it) are sent `withCredentials`.
 * The Bearer header is added by `authInterceptor`, not here.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  getConfig(): Observable<AuthConfig> {
    return this.http.get<AuthConfig>(ApiRoutes.authConfig);
  }

  signIn(credentials: SignInRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(ApiRoutes.signIn, credentials, { withCredentials: true });
  }

  refresh(): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(ApiRoutes.refresh, null, { withCredentials: true });
  }

  signOut(): Observable<void> {
    return this.http.post<void>(ApiRoutes.signOut, null, { withCredentials: true });
  }

  changePassword(change: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(ApiRoutes.password, change);
  }

  getMe(): Observable<Me> {
    return this.http.get<Me>(ApiRoutes.me);
  }
}
