import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, AuthConfig, ChangePasswordRequest, Me, SessionResponse, SignInRequest } from '@proficio/shared/contracts';
import { Observable, map } from 'rxjs';
import { DownloadedFile, filenameFromContentDisposition } from './download';

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

  /** Changes the password; the API ends every session and answers with a new one for this tab (and a new refresh cookie). */
  changePassword(change: ChangePasswordRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(ApiRoutes.password, change, { withCredentials: true });
  }

  getMe(): Observable<Me> {
    return this.http.get<Me>(ApiRoutes.me);
  }

  /** Everything Proficio holds about the signed-in person, as the JSON file the API names. */
  downloadMyData(): Observable<DownloadedFile> {
    return this.http.get(ApiRoutes.meExport, { responseType: 'blob', observe: 'response' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob([], { type: 'application/json' }),
        filename: filenameFromContentDisposition(response.headers.get('content-disposition')) ?? 'proficio-my-data.json',
      })),
    );
  }
}
