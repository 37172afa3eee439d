import { TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Me, ProblemDetails } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { MARIA_ROSSI, sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { ChangePasswordPage } from './change-password-page';

/** Her email as the API has it, in mixed case: the page must still refuse it as a password. */
const me: Me = { ...MARIA_ROSSI, email: 'Maria.Rossi@example.test' };

describe('ChangePasswordPage', () => {
  const { http } = sessionTesting([provideRouter([{ path: 'account/password', component: ChangePasswordPage }])]);
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const input = (id: string): HTMLInputElement => page().querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
  const summary = () => page().querySelector<HTMLElement>('[data-testid="error-summary"]');
  const settle = () => harness.fixture.whenStable();
  const expectChange = (): TestRequest => http().expectOne(ApiRoutes.password);

  beforeEach(async () => {
    await signIn(http(), me);
    harness = await RouterTestingHarness.create('/account/password');
  });

  async function fill(current: string, next: string, confirm = next): Promise<void> {
    for (const [id, value] of [
      ['current-password', current],
      ['new-password', next],
      ['confirm-password', confirm],
    ]) {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
    }
    await settle();
  }

  async function submit(): Promise<void> {
    page().querySelector<HTMLButtonElement>('[data-testid="change-password-submit"]')?.click();
    await settle();
  }

  const fieldError = (id: string): string =>
    (input(id).getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((describedBy) => document.getElementById(describedBy)?.textContent ?? '')
      .join(' ');

  it('posts the current and new password with the Bearer token, then confirms the change', async () => {
    await fill('old password 1', 'a much longer passphrase');
    await submit();

    const req = expectChange();
    expect(req.request.body).toEqual({ currentPassword: 'old password 1', newPassword: 'a much longer passphrase' });
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    req.flush({ accessToken: 'token-2', expiresIn: 900, user: TestBed.inject(SessionStore).me() });
    await settle();

    expect(page().querySelector('[data-testid="password-changed"]')?.textContent).toContain('Your password has been changed.');
    // the tab goes on with the new session the API started (every earlier session has ended)
    expect(TestBed.inject(SessionStore).accessToken()).toBe('token-2');
    expect(input('current-password').value).toBe('');
    expect(summary()).toBeNull();
  });

  it('checks the rules before sending: length, not the email, confirmation', async () => {
    await fill('old', 'short', 'different');
    await submit();
    http().expectNone(ApiRoutes.password);
    expect(summary()?.textContent).toContain('New password must be at least 12 characters long');
    expect(summary()?.textContent).toContain('The passwords do not match');
    expect(document.activeElement).toBe(summary());

    await fill('old', 'maria.rossi@example.test');
    await submit();
    http().expectNone(ApiRoutes.password);
    expect(fieldError('new-password')).toContain('New password must not be your email address');
  });

  it("shows the API's field errors on their fields", async () => {
    await fill('old password 1', 'a much longer passphrase');
    await submit();
    const body: ProblemDetails = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'newPassword', message: 'must not be your email address' }],
    };
    expectChange().flush(body, { status: 400, statusText: 'Bad Request' });
    await settle();

    expect(fieldError('new-password')).toContain('New password must not be your email address');
    expect(summary()?.querySelector('a[href="#new-password"]')?.textContent).toContain('New password must not be your email address');
    expect(document.activeElement).toBe(summary());
  });

  it('says the current password is wrong on a 401, and stays signed in', async () => {
    await fill('wrong password', 'a much longer passphrase');
    await submit();
    expectChange().flush({ type: 'about:blank', title: 'Unauthorized', status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await settle();

    http().expectNone(ApiRoutes.refresh);
    expect(fieldError('current-password')).toContain('Your current password is incorrect');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
  });

  it(
    'has no serious accessibility problems with errors on screen',
    async () => {
      await submit();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
