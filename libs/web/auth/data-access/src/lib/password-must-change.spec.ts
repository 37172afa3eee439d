import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { signIn } from '../testing';
import { CHANGE_PASSWORD_PATH, passwordChosenGuard, signedInGuard } from './auth-guards';
import { SessionStore } from './session-store';

@Component({ selector: 'app-test-home-page', template: '<h1>Home page</h1>' })
class HomePage {}
@Component({ selector: 'app-test-people-page', template: '<h1>People page</h1>' })
class PeoplePage {}
@Component({ selector: 'app-test-change-password-page', template: '<h1>Change password page</h1>' })
class ChangePasswordPage {}
@Component({ selector: 'app-test-data-page', template: '<h1>Your data page</h1>' })
class DataPage {}
@Component({ selector: 'app-test-sign-in-page', template: '<h1>Sign-in page</h1>' })
class SignInPage {}

/** Someone signed in with a temporary password is kept on the change-password page until they choose their own. */
describe('a password that must change', () => {
  let harness: RouterTestingHarness;
  let router: Router;
  let store: SessionStore;

  const heading = () => harness.routeNativeElement?.querySelector('h1')?.textContent;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', pathMatch: 'full', canMatch: [passwordChosenGuard], component: HomePage },
          { path: 'sign-in', component: SignInPage },
          {
            path: 'account',
            canMatch: [signedInGuard],
            children: [
              { path: 'password', component: ChangePasswordPage },
              { path: 'data', component: DataPage },
            ],
          },
          { path: 'people', canMatch: [signedInGuard], component: PeoplePage },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    router = TestBed.inject(Router);
    store = TestBed.inject(SessionStore);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => store.clear());

  const signInAisha = (passwordMustChange: boolean | undefined) =>
    signIn(TestBed.inject(HttpTestingController), {
      id: 'u',
      email: 'aisha@example.test',
      roles: ['employee'],
      reportCount: 0,
      ...(passwordMustChange === undefined ? {} : { passwordMustChange }),
    });

  it('is read from the signed-in user', async () => {
    expect(store.passwordMustChange()).toBe(false);
    await signInAisha(true);
    expect(store.passwordMustChange()).toBe(true);
    store.clear();
    await signInAisha(undefined);
    expect(store.passwordMustChange()).toBe(false);
  });

  it.each(['/', '/people', '/account/data', '/people?q=x'])('sends the person from %s to the change-password page', async (url) => {
    await signInAisha(true);
    await harness.navigateByUrl(url);
    expect(heading()).toBe('Change password page');
    expect(router.url).toBe(CHANGE_PASSWORD_PATH);
  });

  it('lets them open the change-password page itself', async () => {
    await signInAisha(true);
    await harness.navigateByUrl(CHANGE_PASSWORD_PATH);
    expect(heading()).toBe('Change password page');
  });

  it('leaves everyone else alone', async () => {
    await harness.navigateByUrl('/');
    expect(heading()).toBe('Home page');
    await harness.navigateByUrl('/people');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fpeople');

    await signInAisha(false);
    for (const [url, page] of [
      ['/', 'Home page'],
      ['/people', 'People page'],
      ['/account/data', 'Your data page'],
    ]) {
      await harness.navigateByUrl(url);
      expect(heading()).toBe(page);
    }
  });
});
