/// <reference types="jest" />
import { withInterceptors } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, Me, Role, SessionResponse } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from '../lib/auth-interceptor';
import { SessionStore } from '../lib/session-store';

/** Maria Rossi, signed in as an employee: the default person of the auth specs. */
export const MARIA_ROSSI: Me = {
  id: 'u-1',
  email: 'maria.rossi@example.test',
  roles: ['employee'],
  employee: { id: 'e-1', name: 'Maria Rossi' },
  reportCount: 0,
};

/**
 * For specs of code that calls the API as the signed-in person (call it in a `describe` block): like httpTesting(),
 * with HttpClient going through the auth interceptor and `providers` added; after each test the session ends.
 */
export function sessionTesting(providers: (Provider | EnvironmentProviders)[] = []): { readonly http: () => HttpTestingController } {
  afterEach(() => TestBed.inject(SessionStore).clear());
  return httpTesting({ features: [withInterceptors([authInterceptor])], providers });
}

/** Signs `user` in through the SessionStore, answering the sign-in request (by default with access token `token-1`). */
export async function signIn(http: HttpTestingController, user: Me, session: Partial<Omit<SessionResponse, 'user'>> = {}): Promise<void> {
  const done = firstValueFrom(TestBed.inject(SessionStore).signIn({ email: user.email, password: 'x' }));
  http.expectOne(ApiRoutes.signIn).flush({ accessToken: 'token-1', expiresIn: 900, ...session, user } satisfies SessionResponse);
  await done;
}

/** Signs `employee` in with `roles` (access token `t`). */
export function signInAs(http: HttpTestingController, roles: Role[], employee: { id: string; name: string } | undefined): Promise<void> {
  return signIn(http, { id: 'u-1', email: 'someone@demo.proficio.local', roles, employee, reportCount: 0 }, { accessToken: 't' });
}
