import { HttpClient } from '@angular/common/http';
import { TestRequest } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes, Me, SessionResponse } from '@proficio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { sessionTesting, signIn } from '../testing';
import { SessionStore } from './session-store';

@Component({ template: '' })
class Blank {}

const employee: Me = {
  id: 'u-2',
  email: 'li.wei@example.test',
  roles: ['employee'],
  employee: { id: 'e-2', name: 'Li Wei' },
  reportCount: 0,
};
const session = (accessToken: string): SessionResponse => ({ accessToken, expiresIn: 900, user: employee });
const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  const { http } = sessionTesting([provideRouter([{ path: '**', component: Blank }])]);
  let client: HttpClient;
  let store: SessionStore;
  let router: Router;

  beforeEach(async () => {
    client = TestBed.inject(HttpClient);
    store = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/frameworks/abc?lang=it');
  });

  const signInLiWei = (accessToken = 'token-1') => signIn(http(), employee, { accessToken });

  const bearer = (req: TestRequest) => req.request.headers.get('Authorization');

  it('adds the Bearer header to API calls', async () => {
    await signInLiWei();
    const result = firstValueFrom(client.get(ApiRoutes.frameworks, { params: { page: 1 } }));
    const req = http().expectOne((r) => r.url === ApiRoutes.frameworks);
    expect(bearer(req)).toBe('Bearer token-1');
    req.flush({ items: [] });
    await expect(result).resolves.toEqual({ items: [] });
  });

  it('adds the header to the password change and sign-out, which need a signed-in user', async () => {
    await signInLiWei();
    client.post(ApiRoutes.password, { currentPassword: 'a', newPassword: 'b' }).subscribe();
    expect(bearer(http().expectOne(ApiRoutes.password))).toBe('Bearer token-1');
    client.post(ApiRoutes.signOut, null).subscribe();
    expect(bearer(http().expectOne(ApiRoutes.signOut))).toBe('Bearer token-1');
  });

  it.each([ApiRoutes.authConfig, ApiRoutes.signIn, ApiRoutes.refresh])('does not add the header to the public route %s', async (url) => {
    await signInLiWei();
    client.post(url, null).subscribe();
    expect(http().expectOne(url).request.headers.has('Authorization')).toBe(false);
  });

  it('does not send the token to other sites or non-API paths', async () => {
    await signInLiWei();
    client.get('https://example.test/api/frameworks').subscribe();
    client.get('/assets/logo.svg').subscribe();
    expect(http().expectOne('https://example.test/api/frameworks').request.headers.has('Authorization')).toBe(false);
    expect(http().expectOne('/assets/logo.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('on a 401 refreshes once and retries the request once with the new token', async () => {
    await signInLiWei('expired');
    const result = firstValueFrom(client.get(ApiRoutes.frameworks));

    const first = http().expectOne(ApiRoutes.frameworks);
    expect(bearer(first)).toBe('Bearer expired');
    first.flush(null, unauthorized);

    const refresh = http().expectOne(ApiRoutes.refresh);
    expect(refresh.request.withCredentials).toBe(true);
    refresh.flush(session('fresh'));

    const retry = http().expectOne(ApiRoutes.frameworks);
    expect(bearer(retry)).toBe('Bearer fresh');
    retry.flush({ items: ['ok'] });

    await expect(result).resolves.toEqual({ items: ['ok'] });
    expect(store.accessToken()).toBe('fresh');
  });

  it('does not refresh again when the retried request is refused too', async () => {
    await signInLiWei('expired');
    const result = firstValueFrom(client.get(ApiRoutes.frameworks));
    http().expectOne(ApiRoutes.frameworks).flush(null, unauthorized);
    http().expectOne(ApiRoutes.refresh).flush(session('fresh'));
    http().expectOne(ApiRoutes.frameworks).flush(null, unauthorized);

    await expect(result).rejects.toMatchObject({ status: 401 });
    http().expectNone(ApiRoutes.refresh);
  });

  it('shares one refresh between requests refused at the same time', async () => {
    await signInLiWei('expired');
    const a = firstValueFrom(client.get(ApiRoutes.frameworks));
    const b = firstValueFrom(client.get(ApiRoutes.competencies));
    http().expectOne(ApiRoutes.frameworks).flush(null, unauthorized);
    http().expectOne(ApiRoutes.competencies).flush(null, unauthorized);

    http().expectOne(ApiRoutes.refresh).flush(session('fresh'));
    http().expectOne(ApiRoutes.frameworks).flush({ a: 1 });
    http().expectOne(ApiRoutes.competencies).flush({ b: 2 });
    await expect(a).resolves.toEqual({ a: 1 });
    await expect(b).resolves.toEqual({ b: 2 });
  });

  it('when the refresh fails, clears the session and sends the person to sign in, returning here', async () => {
    await signInLiWei('expired');
    const result = firstValueFrom(client.get(ApiRoutes.frameworks));
    http().expectOne(ApiRoutes.frameworks).flush(null, unauthorized);
    http().expectOne(ApiRoutes.refresh).flush(null, unauthorized);

    await expect(result).rejects.toMatchObject({ status: 401 });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(store.isSignedIn()).toBe(false);
    expect(store.accessToken()).toBeNull();
    expect(router.url).toBe('/sign-in?returnUrl=%2Fframeworks%2Fabc%3Flang%3Dit');
  });

  it('passes a 401 from the password change on without refreshing (it means a wrong current password)', async () => {
    await signInLiWei();
    const result = firstValueFrom(client.post(ApiRoutes.password, { currentPassword: 'wrong', newPassword: 'x' }));
    http().expectOne(ApiRoutes.password).flush({ title: 'Unauthorized', status: 401 }, unauthorized);
    await expect(result).rejects.toMatchObject({ status: 401 });
    http().expectNone(ApiRoutes.refresh);
    expect(store.isSignedIn()).toBe(true);
  });

  it('passes other errors on untouched', async () => {
    await signInLiWei();
    const result = firstValueFrom(client.get(ApiRoutes.frameworks));
    http().expectOne(ApiRoutes.frameworks).flush(null, { status: 403, statusText: 'Forbidden' });
    await expect(result).rejects.toMatchObject({ status: 403 });
    http().expectNone(ApiRoutes.refresh);
  });
});
