import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes, Me, SessionResponse } from '@proficio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { sessionTesting, signIn } from '../testing';
import { REFRESH_RETRY_SECONDS, SessionStore, refreshDelayMs } from './session-store';

@Component({ template: '' })
class Blank {}

const manager: Me = {
  id: 'u-1',
  email: 'maria.rossi@example.test',
  roles: ['manager', 'employee'],
  employee: { id: 'e-1', name: 'Maria Rossi', jobTitle: 'Service Delivery Manager' },
  reportCount: 4,
};

function session(accessToken: string, user: Me = manager, expiresIn = 900): SessionResponse {
  return { accessToken, expiresIn, user };
}

describe('SessionStore', () => {
  const { http } = sessionTesting([provideRouter([{ path: '**', component: Blank }])]);
  let store: SessionStore;
  let router: Router;

  beforeEach(() => {
    store = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
  });

  afterEach(() => jest.useRealTimers());

  it('starts signed out', () => {
    expect(store.isSignedIn()).toBe(false);
    expect(store.me()).toBeNull();
    expect(store.roles()).toEqual([]);
    expect(store.accessToken()).toBeNull();
  });

  it('restores a session from the refresh cookie with one refresh call', async () => {
    const restored = store.restore();
    const req = http().expectOne(ApiRoutes.refresh);
    expect(req.request.method).toBe('POST');
    expect(req.request.withCredentials).toBe(true);
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(session('token-1'));
    await restored;

    expect(store.isSignedIn()).toBe(true);
    expect(store.accessToken()).toBe('token-1');
    expect(store.displayName()).toBe('Maria Rossi');
    expect(store.hasRole('manager')).toBe(true);
    expect(store.hasRole('admin')).toBe(false);
  });

  it('starts signed out, without failing, when there is no valid cookie', async () => {
    const restored = store.restore();
    http().expectOne(ApiRoutes.refresh).flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(restored).resolves.toBeUndefined();
    expect(store.isSignedIn()).toBe(false);
  });

  it('signs in with the credentials and keeps the token in memory only', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    const user = firstValueFrom(store.signIn({ email: 'maria.rossi@example.test', password: 'correct horse battery' }));
    const req = http().expectOne(ApiRoutes.signIn);
    expect(req.request.body).toEqual({ email: 'maria.rossi@example.test', password: 'correct horse battery' });
    expect(req.request.withCredentials).toBe(true);
    req.flush(session('token-1'));

    await expect(user).resolves.toEqual(manager);
    expect(store.accessToken()).toBe('token-1');
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    setItem.mockRestore();
  });

  it('uses the email as the display name of an account without an employee record', async () => {
    const user = firstValueFrom(store.signIn({ email: 'hr@example.test', password: 'x' }));
    http()
      .expectOne(ApiRoutes.signIn)
      .flush(session('t', { id: 'u-9', email: 'hr@example.test', roles: ['admin'], reportCount: 0 }));
    await user;
    expect(store.displayName()).toBe('hr@example.test');
    expect(store.canAccess(['manager', 'admin'])).toBe(true);
    expect(store.canAccess(['manager'])).toBe(false);
  });

  it('refreshes a minute before the access token expires', async () => {
    jest.useFakeTimers();
    await signIn(http(), manager, { accessToken: 'token-1', expiresIn: 900 });

    jest.advanceTimersByTime(839_000);
    http().expectNone(ApiRoutes.refresh);
    jest.advanceTimersByTime(1_000);
    http()
      .expectOne(ApiRoutes.refresh)
      .flush(session('token-2', manager, 900));
    expect(store.accessToken()).toBe('token-2');

    // …and again for the new token.
    jest.advanceTimersByTime(840_000);
    http()
      .expectOne(ApiRoutes.refresh)
      .flush(session('token-3', manager, 900));
    expect(store.accessToken()).toBe('token-3');
  });

  it('retries a proactive refresh later when the API cannot be reached', async () => {
    jest.useFakeTimers();
    await signIn(http(), manager, { accessToken: 'token-1', expiresIn: 120 });

    jest.advanceTimersByTime(refreshDelayMs(120));
    http().expectOne(ApiRoutes.refresh).error(new ProgressEvent('error'));
    expect(store.isSignedIn()).toBe(true);

    jest.advanceTimersByTime(REFRESH_RETRY_SECONDS * 1000);
    http().expectOne(ApiRoutes.refresh).flush(session('token-2'));
    expect(store.accessToken()).toBe('token-2');
  });

  it('ends the session when a proactive refresh is refused', async () => {
    await router.navigateByUrl('/frameworks?q=itil');
    jest.useFakeTimers();
    await signIn(http(), manager, { accessToken: 'token-1', expiresIn: 120 });

    jest.advanceTimersByTime(refreshDelayMs(120));
    http().expectOne(ApiRoutes.refresh).flush(null, { status: 401, statusText: 'Unauthorized' });
    jest.useRealTimers();
    await TestBed.inject(ApplicationRef).whenStable();

    expect(store.isSignedIn()).toBe(false);
    expect(router.url).toBe('/sign-in?returnUrl=%2Fframeworks%3Fq%3Ditil');
  });

  it('shares one refresh between concurrent callers', async () => {
    const first = firstValueFrom(store.refresh());
    const second = firstValueFrom(store.refresh());
    http().expectOne(ApiRoutes.refresh).flush(session('token-2'));
    await expect(first).resolves.toMatchObject({ accessToken: 'token-2' });
    await expect(second).resolves.toMatchObject({ accessToken: 'token-2' });

    // A later refresh is a new request.
    const third = firstValueFrom(store.refresh());
    http().expectOne(ApiRoutes.refresh).flush(session('token-3'));
    await expect(third).resolves.toMatchObject({ accessToken: 'token-3' });
  });

  it('signs out: revokes on the API, forgets the session and goes to the sign-in page', async () => {
    await signIn(http(), manager, { accessToken: 'token-1' });

    const signedOut = store.signOut();
    const req = http().expectOne(ApiRoutes.signOut);
    expect(req.request.method).toBe('POST');
    expect(req.request.withCredentials).toBe(true);
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;

    expect(store.isSignedIn()).toBe(false);
    expect(store.accessToken()).toBeNull();
    expect(router.url).toBe('/sign-in');
  });

  it('still signs out locally when the API cannot be reached', async () => {
    await signIn(http(), manager, { accessToken: 'token-1' });

    const signedOut = store.signOut();
    http().expectOne(ApiRoutes.signOut).error(new ProgressEvent('error'));
    await signedOut;
    expect(store.isSignedIn()).toBe(false);
    expect(router.url).toBe('/sign-in');
  });

  it('refreshes once to sign out with an expired access token', async () => {
    await signIn(http(), manager, { accessToken: 'old' });

    const signedOut = store.signOut();
    http().expectOne(ApiRoutes.signOut).flush(null, { status: 401, statusText: 'Unauthorized' });
    http().expectOne(ApiRoutes.refresh).flush(session('new'));
    const retry = http().expectOne(ApiRoutes.signOut);
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;
    expect(store.isSignedIn()).toBe(false);
  });
});

describe('refreshDelayMs', () => {
  it.each([
    [900, 840_000],
    [120, 60_000],
    [60, 30_000],
    [0, 0],
  ])('a token living %ps is refreshed after %pms', (expiresIn, delay) => {
    expect(refreshDelayMs(expiresIn)).toBe(delay);
  });
});
