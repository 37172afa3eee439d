import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, InboxCounts, Me, Role } from '@proficio/shared/contracts';
import { SessionStore, authInterceptor } from '@proficio/web/auth/data-access';
import { provideHomeCards } from '@proficio/web/shared/util';
import { firstValueFrom } from 'rxjs';
import { App } from './app';
import { appRoutes } from './app.routes';
import { APP_HOME_CARDS } from './home/home-cards';

@Component({ template: '<h1>Stub page</h1>' })
class StubPage {}

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let shell: HTMLElement;
  let http: HttpTestingController;

  const navLinks = () => Array.from(shell.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Main"] a'));
  const toolbar = () => shell.querySelector('header mat-toolbar') as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([{ path: '', component: StubPage }]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(App);
    shell = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.inject(SessionStore).clear();
    http.verify();
  });

  async function signInAs(...roles: Role[]): Promise<void> {
    // Only people with an employee record have the 'employee' role.
    const employee = roles.includes('employee') ? { id: 'e-1', name: 'Maria Rossi' } : undefined;
    const me: Me = { id: 'u-1', email: 'maria.rossi@example.test', roles, employee, reportCount: 0 };
    const done = firstValueFrom(TestBed.inject(SessionStore).signIn({ email: me.email, password: 'x' }));
    http.expectOne(ApiRoutes.signIn).flush({ accessToken: 't', expiresIn: 900, user: me });
    await done;
    // The account menu and the notifications bell are fetched lazily the first time someone is signed in.
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    // The bell reads the notifications; reviewers' Inbox link reads the counts.
    for (const request of http.match(ApiRoutes.notifications)) request.flush({ items: [], total: 0, page: 1, pageSize: 20, unread: 0 });
    for (const request of http.match(ApiRoutes.inbox)) request.flush(inboxCounts);
    await fixture.whenStable();
  }
  let inboxCounts: InboxCounts = { evidence: 0, disagreements: 0 };

  it('shows the product name in the toolbar', () => {
    expect(toolbar().textContent).toContain('Proficio');
  });

  it('when signed out, the navigation hides Frameworks and the toolbar offers "Sign in"', () => {
    expect(navLinks().map((a) => a.textContent?.trim())).toEqual(['Home']);
    const signIn = Array.from(toolbar().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Sign in');
    expect(signIn?.getAttribute('href')).toBe('/sign-in');
    expect(toolbar().querySelector('[data-testid="me-menu-trigger"]')).toBeNull();
  });

  it('when signed in, the navigation shows Frameworks and the toolbar shows the me menu', async () => {
    await signInAs('employee');
    const links = navLinks();
    expect(links.map((a) => a.textContent?.trim())).toEqual(['Home', 'My profile', 'Reviews', 'Frameworks', 'Role profiles']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/', '/people/e-1', '/reviews', '/frameworks', '/role-profiles']);
    expect(toolbar().querySelector('[data-testid="me-menu-trigger"]')?.textContent).toContain('Maria Rossi');
    expect(Array.from(toolbar().querySelectorAll('a')).some((a) => a.textContent?.trim() === 'Sign in')).toBe(false);
  });

  it.each<[string, Role[], string[]]>([
    ['an employee', ['employee'], ['Home', 'My profile', 'Reviews', 'Frameworks', 'Role profiles']],
    [
      'a manager',
      ['manager', 'employee'],
      ['Home', 'My profile', 'My team', 'Reviews', 'Inbox', 'Frameworks', 'Role profiles', 'People', 'Teams', 'Review cycles'],
    ],
    [
      'an admin with an employee record',
      ['admin', 'employee'],
      [
        'Home',
        'My profile',
        'Reviews',
        'Inbox',
        'Frameworks',
        'Role profiles',
        'People',
        'Teams',
        'Review cycles',
        'Import people',
        'Audit log',
      ],
    ],
    [
      'an admin without an employee record',
      ['admin'],
      ['Home', 'Reviews', 'Inbox', 'Frameworks', 'Role profiles', 'People', 'Teams', 'Review cycles', 'Import people', 'Audit log'],
    ],
  ])(
    'shows People and Teams only to managers and admins, My team only to managers, and My profile to anyone with an employee record: %s',
    async (_who, roles, labels) => {
      await signInAs(...roles);
      expect(navLinks().map((a) => a.textContent?.trim())).toEqual(labels);
      const people = navLinks().find((a) => a.textContent?.trim() === 'People');
      if (people) expect(people.getAttribute('href')).toBe('/people');
      const team = navLinks().find((a) => a.textContent?.trim() === 'My team');
      if (team) expect(team.getAttribute('href')).toBe('/team');
    },
  );

  it('shows reviewers how much evidence waits beside the Inbox link, in words for screen readers, and nothing when none does', async () => {
    inboxCounts = { evidence: 3, disagreements: 1 };
    await signInAs('manager', 'employee');
    const inbox = navLinks().find((a) => a.getAttribute('href') === '/inbox');
    expect(inbox?.querySelector('[data-testid="nav-badge"]')?.textContent?.trim()).toBe('3');
    expect(inbox?.querySelector('[data-testid="nav-badge"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(inbox?.querySelector('.visually-hidden')?.textContent?.trim()).toBe(', 3 waiting');
    inboxCounts = { evidence: 0, disagreements: 0 };
  });

  it('shows the notifications bell to signed-in people only', async () => {
    expect(toolbar().querySelector('[data-testid="notifications-trigger"]')).toBeNull();
    await signInAs('employee');
    expect(toolbar().querySelector('[data-testid="notifications-trigger"]')?.getAttribute('aria-label')).toBe('Notifications');
    http.expectNone(ApiRoutes.inbox);
  });

  it('goes back to the signed-out navigation after the session ends', async () => {
    await signInAs('admin');
    TestBed.inject(SessionStore).clear();
    await fixture.whenStable();
    expect(navLinks().map((a) => a.textContent?.trim())).toEqual(['Home']);
    expect(toolbar().querySelector('[data-testid="me-menu-trigger"]')).toBeNull();
  });

  it('renders the router outlet inside <main>', () => {
    expect(shell.querySelector('main#main-content router-outlet')).not.toBeNull();
  });

  it('skip link moves focus to the main content', () => {
    const skip = shell.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skip?.textContent).toContain('Skip to main content');
    skip?.click();
    expect(document.activeElement).toBe(shell.querySelector('main'));
  });

  it('offers a menu button that toggles the drawer on narrow screens', async () => {
    // jsdom has no matchMedia, so the shell takes the narrow-screen layout.
    const menu = shell.querySelector<HTMLButtonElement>('button[aria-label="Main menu"]');
    expect(menu?.getAttribute('aria-expanded')).toBe('false');
    menu?.click();
    await fixture.whenStable();
    expect(menu?.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the routed page in the outlet', async () => {
    const harness = await RouterTestingHarness.create('/');
    expect(harness.routeNativeElement?.textContent).toContain('Stub page');
  });
});

describe('App routes', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideHomeCards(...APP_HOME_CARDS),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.inject(SessionStore).clear();
    http.verify();
  });

  it.each([
    '/frameworks',
    '/frameworks/some-id?lang=it',
    '/account/password',
    '/people?q=sara',
    '/people/some-id',
    '/teams',
    '/team?scope=line',
    '/evidence/new?employee=e-1',
    '/evidence/some-id',
    '/inbox',
  ])('sends a signed-out visitor from %s to the sign-in page, returning there afterwards', async (url) => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    expect(TestBed.inject(Router).url).toBe(`/sign-in?returnUrl=${encodeURIComponent(url)}`);
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Sign in');
    http.expectOne(ApiRoutes.authConfig).flush({ demo: false, demoAccounts: [] });
  });

  it.each<[string, Role[]]>([
    ['/people', ['employee']],
    ['/teams', ['employee']],
    ['/team', ['employee']],
    // The team grid is a manager's: an administrator without reports has no team to rate.
    ['/team', ['admin']],
    // The inbox is for reviewers: managers and administrators.
    ['/inbox', ['employee']],
  ])('shows the "no access" page at %s to %j, keeping the URL', async (url, roles) => {
    const me: Me = { id: 'u-2', email: 'sara@example.test', roles, employee: { id: 'e-2', name: 'Sara' }, reportCount: 0 };
    const done = firstValueFrom(TestBed.inject(SessionStore).signIn({ email: me.email, password: 'x' }));
    http.expectOne(ApiRoutes.signIn).flush({ accessToken: 't', expiresIn: 900, user: me });
    await done;

    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain("You don't have access to this page");
    expect(TestBed.inject(Location).path()).toBe(url);
  });

  it('lets a signed-out visitor see the home page, with the system status', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    expect(TestBed.inject(Router).url).toBe('/');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Welcome to Proficio');
    // the status card's code arrives, then it asks
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    http.expectOne(ApiRoutes.health).flush({ status: 'ok', details: {} });
  });
});
