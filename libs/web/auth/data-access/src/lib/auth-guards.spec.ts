import { Location } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@proficio/shared/contracts';
import { signIn } from '../testing';
import { roleGuard, signedInGuard } from './auth-guards';
import { SessionStore } from './session-store';

@Component({ template: '<h1>Home page</h1>' })
class Page {}
@Component({ template: '<h1>Frameworks page</h1>' })
class FrameworksPage {}
@Component({ template: '<h1>Import page</h1>' })
class ImportPage {}
@Component({ template: '<h1>Sign-in page</h1>' })
class SignInPage {}
@Component({ template: "<h1>You don't have access to this page</h1>" })
class AccessDeniedPage {}
@Component({ template: '<h1>Not found</h1>' })
class NotFoundPage {}

describe('auth guards', () => {
  let harness: RouterTestingHarness;
  let router: Router;

  const heading = () => harness.routeNativeElement?.querySelector('h1')?.textContent;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: Page },
          { path: 'sign-in', component: SignInPage },
          { path: 'frameworks/import', canMatch: [roleGuard('admin')], component: ImportPage },
          { path: 'frameworks', canMatch: [signedInGuard], component: FrameworksPage },
          { path: 'access-denied', component: AccessDeniedPage },
          { path: '**', component: NotFoundPage },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  const signInAs = (...roles: Role[]) =>
    signIn(TestBed.inject(HttpTestingController), { id: 'u', email: 'someone@example.test', roles, reportCount: 0 });

  afterEach(() => TestBed.inject(SessionStore).clear());

  it('signedInGuard sends a signed-out visitor to sign in with the URL they asked for', async () => {
    await harness.navigateByUrl('/frameworks?q=itil');
    expect(heading()).toBe('Sign-in page');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fframeworks%3Fq%3Ditil');
  });

  it('signedInGuard lets a signed-in user through', async () => {
    await signInAs('employee');
    await harness.navigateByUrl('/frameworks');
    expect(heading()).toBe('Frameworks page');
    expect(router.url).toBe('/frameworks');
  });

  it('roleGuard sends a signed-out visitor to sign in', async () => {
    await harness.navigateByUrl('/frameworks/import');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fframeworks%2Fimport');
  });

  it('roleGuard shows the "no access" page at the same URL to a user without the role', async () => {
    await signInAs('employee', 'manager');
    await harness.navigateByUrl('/frameworks/import');
    expect(heading()).toBe("You don't have access to this page");
    // The address bar keeps the URL that was asked for.
    expect(TestBed.inject(Location).path()).toBe('/frameworks/import');
  });

  it('roleGuard lets a user with the role through', async () => {
    await signInAs('admin');
    await harness.navigateByUrl('/frameworks/import');
    expect(heading()).toBe('Import page');
  });
});
