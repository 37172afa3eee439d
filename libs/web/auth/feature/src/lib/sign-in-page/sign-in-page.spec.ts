import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, AuthConfig, ProblemDetails, SessionResponse } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { MARIA_ROSSI, sessionTesting } from '@proficio/web/auth/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { INCORRECT_CREDENTIALS, SSO_ERROR_MESSAGES, SignInPage, TOO_MANY_ATTEMPTS } from './sign-in-page';

@Component({ template: '<h1>Home stub</h1>' })
class HomeStub {}
@Component({ template: '<h1>Frameworks stub</h1>' })
class FrameworksStub {}

const DEMO: AuthConfig = {
  demo: true,
  demoAccounts: [
    { email: 'admin@demo.proficio.test', password: 'demo-admin-password', description: 'HR administrator' },
    { email: 'manager@demo.proficio.test', password: 'demo-manager-password', description: 'Service desk manager with 6 reports' },
  ],
  oidc: { enabled: false },
};
const NOT_DEMO: AuthConfig = { demo: false, demoAccounts: [], oidc: { enabled: false } };
const SSO: AuthConfig = { demo: false, demoAccounts: [], oidc: { enabled: true, label: 'Acme ID' } };

const session: SessionResponse = { accessToken: 'token-1', expiresIn: 900, user: MARIA_ROSSI };

function problem(status: number, title: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return { type: 'about:blank', title, status, ...extra };
}

describe('SignInPage', () => {
  const { http } = sessionTesting([
    provideRouter([
      { path: '', component: HomeStub },
      { path: 'sign-in', component: SignInPage },
      { path: 'frameworks', component: FrameworksStub },
    ]),
  ]);
  let harness: RouterTestingHarness;
  let router: Router;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const input = (id: string): HTMLInputElement => {
    const element = page().querySelector<HTMLInputElement>(`#${id}`);
    if (!element) throw new Error(`no #${id}`);
    return element;
  };
  const email = () => input('sign-in-email');
  const password = () => input('sign-in-password');
  const submitButton = () => page().querySelector<HTMLButtonElement>('[data-testid="sign-in-submit"]') as HTMLButtonElement;
  const summary = () => page().querySelector<HTMLElement>('[data-testid="error-summary"]');
  const settle = () => harness.fixture.whenStable();
  const expectSignIn = (): TestRequest => http().expectOne(ApiRoutes.signIn);

  async function open(url = '/sign-in', config: AuthConfig | null = NOT_DEMO): Promise<void> {
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create(url);
    const configRequest = http().expectOne(ApiRoutes.authConfig);
    if (config) configRequest.flush(config);
    else configRequest.flush(problem(500, 'Internal Server Error'), { status: 500, statusText: 'Internal Server Error' });
    await settle();
  }

  async function type(field: HTMLInputElement, value: string): Promise<void> {
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await settle();
  }

  async function submit(): Promise<void> {
    submitButton().click();
    await settle();
  }

  async function fillAndSubmit(): Promise<void> {
    await type(email(), 'maria.rossi@example.test');
    await type(password(), 'correct horse battery staple');
    await submit();
  }

  it('has labelled email and password fields', async () => {
    await open();
    expect(page().querySelector('h1')?.textContent).toContain('Sign in');
    expect(page().querySelector(`label[for="sign-in-email"]`)?.textContent).toContain('Email');
    expect(page().querySelector(`label[for="sign-in-password"]`)?.textContent).toContain('Password');
    expect(email().type).toBe('email');
    expect(email().autocomplete).toBe('username');
    expect(password().type).toBe('password');
    expect(password().autocomplete).toBe('current-password');
  });

  it('posts the email and password to the sign-in route', async () => {
    await open();
    await type(email(), '  maria.rossi@example.test ');
    await type(password(), 'correct horse battery staple');
    await submit();

    const req = expectSignIn();
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'maria.rossi@example.test', password: 'correct horse battery staple' });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(session);
    await settle();
  });

  it('shows that it is busy while signing in and ignores a second submit', async () => {
    await open();
    await fillAndSubmit();
    expect(submitButton().textContent).toContain('Signing in…');
    expect(submitButton().getAttribute('aria-disabled')).toBe('true');
    expect(page().querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe('Signing in');

    await submit();
    expectSignIn().flush(session);
    await settle();
  });

  it('explains empty fields, links each message to its field and focuses the summary', async () => {
    await open();
    await submit();

    http().expectNone(ApiRoutes.signIn);
    expect(summary()?.textContent).toContain('Enter your email address');
    expect(summary()?.textContent).toContain('Enter your password');
    expect(document.activeElement).toBe(summary());

    const errorIds = email().getAttribute('aria-describedby')?.split(' ') ?? [];
    const errors = errorIds.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(errors).toContain('Enter your email address');

    summary()?.querySelector<HTMLAnchorElement>('a[href="#sign-in-password"]')?.click();
    expect(document.activeElement).toBe(password());
  });

  it('asks for a valid email address', async () => {
    await open();
    await type(email(), 'not-an-email');
    await type(password(), 'x');
    await submit();
    http().expectNone(ApiRoutes.signIn);
    expect(summary()?.textContent).toContain('Enter an email address like name@example.com');
    expect(email().getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the generic error when the email or password is wrong', async () => {
    await open();
    await fillAndSubmit();
    expectSignIn().flush(problem(401, 'Unauthorized', { detail: INCORRECT_CREDENTIALS }), { status: 401, statusText: 'Unauthorized' });
    await settle();

    expect(summary()?.textContent).toContain(INCORRECT_CREDENTIALS);
    expect(document.activeElement).toBe(summary());
    expect(submitButton().textContent).toContain('Sign in');
    expect(router.url).toBe('/sign-in');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
  });

  it('says how long to wait, in the API’s words, when sign-in is throttled', async () => {
    await open();
    await fillAndSubmit();
    const detail = 'Too many sign-in attempts for this account. Try again in 42 seconds.';
    expectSignIn().flush(problem(429, 'Too Many Requests', { detail }), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'retry-after': '42' },
    });
    await settle();
    expect(summary()?.textContent).toContain(detail);
    expect(summary()?.textContent).not.toContain(TOO_MANY_ATTEMPTS);
    expect(document.activeElement).toBe(summary());
  });

  it('says to wait a minute when a throttled sign-in comes without the API’s explanation', async () => {
    await open();
    await fillAndSubmit();
    expectSignIn().flush(problem(429, 'Too Many Requests'), { status: 429, statusText: 'Too Many Requests' });
    await settle();
    expect(summary()?.textContent).toContain(TOO_MANY_ATTEMPTS);
  });

  it('puts field errors from a 400 on the fields', async () => {
    await open();
    await fillAndSubmit();
    expectSignIn().flush(problem(400, 'Bad Request', { errors: [{ field: 'email', message: 'must be an email' }] }), {
      status: 400,
      statusText: 'Bad Request',
    });
    await settle();
    expect(summary()?.querySelector('a[href="#sign-in-email"]')?.textContent).toContain('Email must be an email');
  });

  it('says when the API cannot be reached', async () => {
    await open();
    await fillAndSubmit();
    expectSignIn().error(new ProgressEvent('error'));
    await settle();
    expect(summary()?.textContent).toContain('The Proficio API could not be reached');
  });

  it('goes to the return URL after signing in', async () => {
    await open('/sign-in?returnUrl=%2Fframeworks%3Fq%3Ditil');
    await fillAndSubmit();
    expectSignIn().flush(session);
    await settle();

    expect(router.url).toBe('/frameworks?q=itil');
    expect(TestBed.inject(SessionStore).displayName()).toBe('Maria Rossi');
  });

  it.each(['https%3A%2F%2Fevil.test%2Fphish', '%2F%2Fevil.test', 'javascript%3Aalert(1)'])(
    'refuses the absolute return URL %s and goes home instead',
    async (returnUrl) => {
      await open(`/sign-in?returnUrl=${returnUrl}`);
      await fillAndSubmit();
      expectSignIn().flush(session);
      await settle();
      expect(router.url).toBe('/');
      expect(page().textContent).toContain('Home stub');
    },
  );

  it('goes home without a return URL', async () => {
    await open();
    await fillAndSubmit();
    expectSignIn().flush(session);
    await settle();
    expect(router.url).toBe('/');
  });

  it('shows and hides the password', async () => {
    await open();
    const toggle = page().querySelector<HTMLButtonElement>('[data-testid="toggle-password"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-label')).toBe('Show password');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await settle();
    expect(password().type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    toggle.click();
    await settle();
    expect(password().type).toBe('password');
  });

  describe('in demo mode', () => {
    const card = () => page().querySelector<HTMLElement>('[data-testid="demo-accounts"]');

    it('lists each demo account with its email, password and description', async () => {
      await open('/sign-in', DEMO);
      expect(card()?.querySelector('h2')?.textContent).toContain('Demo accounts');
      const items = Array.from(card()?.querySelectorAll('li') ?? []).map((li) => li.textContent?.replace(/\s+/g, ' '));
      expect(items).toHaveLength(2);
      expect(items[1]).toContain('Service desk manager with 6 reports');
      expect(items[1]).toContain('manager@demo.proficio.test');
      expect(items[1]).toContain('demo-manager-password');
    });

    it('"Use" fills the form with the account and signs in with it', async () => {
      await open('/sign-in', DEMO);
      const use = card()?.querySelector<HTMLButtonElement>('button[aria-label="Use demo account manager@demo.proficio.test"]');
      expect(use?.textContent?.trim()).toBe('Use');
      use?.click();
      await settle();

      expect(email().value).toBe('manager@demo.proficio.test');
      expect(password().value).toBe('demo-manager-password');
      expect(document.activeElement).toBe(submitButton());

      await submit();
      expect(expectSignIn().request.body).toEqual({ email: 'manager@demo.proficio.test', password: 'demo-manager-password' });
    });
  });

  it('shows no demo accounts outside demo mode', async () => {
    await open('/sign-in', NOT_DEMO);
    expect(page().querySelector('[data-testid="demo-accounts"]')).toBeNull();
  });

  it('still offers the form when the config cannot be loaded', async () => {
    await open('/sign-in', null);
    expect(page().querySelector('[data-testid="demo-accounts"]')).toBeNull();
    expect(email()).toBeTruthy();
  });

  describe('with single sign-on', () => {
    const ssoLink = () => page().querySelector<HTMLAnchorElement>('[data-testid="sso-sign-in"]');

    it('offers "Sign in with <label>", a full-page link to the API that keeps the return URL', async () => {
      await open('/sign-in?returnUrl=%2Fframeworks%3Fq%3Dx', SSO);
      expect(ssoLink()?.textContent?.trim()).toBe('Sign in with Acme ID');
      expect(ssoLink()?.getAttribute('href')).toBe('/api/auth/oidc?returnUrl=%2Fframeworks%3Fq%3Dx');
    });

    it('drops a return URL that would leave the app', async () => {
      await open('/sign-in?returnUrl=%2F%2Fevil.test', SSO);
      expect(ssoLink()?.getAttribute('href')).toBe('/api/auth/oidc');
    });

    it('offers no single sign-on when it is off', async () => {
      await open('/sign-in', NOT_DEMO);
      expect(ssoLink()).toBeNull();
    });

    it.each(Object.entries(SSO_ERROR_MESSAGES))('explains ?error=%s in the error summary', async (code, message) => {
      await open(`/sign-in?error=${code}`, SSO);
      expect(summary()?.textContent).toContain(message);
    });

    it('ignores an unknown error code', async () => {
      await open('/sign-in?error=<script>', SSO);
      expect(summary()).toBeNull();
    });

    it(
      'has no serious accessibility problems with the single sign-on button and an error',
      async () => {
        await open('/sign-in?error=sso-unknown-user', SSO);
        expect(await seriousA11yViolations(page())).toEqual([]);
      },
      AXE_TIMEOUT_MS,
    );
  });

  it(
    'has no serious accessibility problems, with demo accounts and errors on screen',
    async () => {
      await open('/sign-in', DEMO);
      await submit();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
