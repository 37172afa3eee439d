import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Me } from '@proficio/shared/contracts';
import { SessionStore, passwordChosenGuard, signedInGuard } from '@proficio/web/auth/data-access';
import { MARIA_ROSSI, sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { ChangePasswordPage } from './change-password-page';

@Component({ selector: 'app-test-home', template: '<h1>Home</h1>' })
class HomeStub {}

const me: Me = { ...MARIA_ROSSI, passwordMustChange: true };
const TEMPORARY = 'Hq7m-x3Tz-9kPa-bW4e';

/** After signing in with a temporary password: the page says why the person is here and takes them on once they have chosen. */
describe('ChangePasswordPage with a temporary password', () => {
  const { http } = sessionTesting([
    provideRouter([
      { path: '', pathMatch: 'full', canMatch: [passwordChosenGuard], component: HomeStub },
      { path: 'account/password', canMatch: [signedInGuard], component: ChangePasswordPage },
    ]),
  ]);
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const input = (id: string): HTMLInputElement => page().querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
  const settle = () => harness.fixture.whenStable();

  beforeEach(async () => {
    await signIn(http(), me);
    harness = await RouterTestingHarness.create('/');
  });

  it('is where the person lands, asked to choose a new password, with no way around it', async () => {
    expect(TestBed.inject(Router).url).toBe('/account/password');
    expect(page().querySelector('h1')?.textContent?.trim()).toBe('Choose a new password');
    expect(page().querySelector('[data-testid="password-must-change"]')?.textContent).toContain('Choose a new password to continue.');
    expect(Array.from(page().querySelectorAll('a')).map((link) => link.textContent?.trim())).not.toContain('Cancel');
  });

  it('goes on to the app with the new session the change starts', async () => {
    for (const [id, value] of [
      ['current-password', TEMPORARY],
      ['new-password', 'my own passphrase'],
      ['confirm-password', 'my own passphrase'],
    ]) {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
    }
    page().querySelector<HTMLButtonElement>('[data-testid="change-password-submit"]')?.click();
    await settle();

    const change = http().expectOne(ApiRoutes.password);
    expect(change.request.body).toEqual({ currentPassword: TEMPORARY, newPassword: 'my own passphrase' });
    // the API ends every session and answers with a new one for this tab: no second sign-in
    change.flush({ accessToken: 'token-2', expiresIn: 900, user: { ...me, passwordMustChange: false } });
    await settle();
    http().expectNone(ApiRoutes.signIn);
    expect(TestBed.inject(SessionStore).accessToken()).toBe('token-2');

    expect(TestBed.inject(SessionStore).passwordMustChange()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/');
    expect(page().querySelector('h1')?.textContent).toBe('Home');
  });

  it(
    'has no serious accessibility violations',
    async () => {
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
