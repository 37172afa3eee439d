import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes, Me } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { MARIA_ROSSI, sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { MeMenu } from './me-menu';

@Component({ template: '' })
class Blank {}

const manager: Me = { ...MARIA_ROSSI, roles: ['manager', 'employee'], reportCount: 4 };

describe('MeMenu', () => {
  const { http } = sessionTesting([provideRouter([{ path: '**', component: Blank }])]);
  let fixture: ComponentFixture<MeMenu>;

  const trigger = () => fixture.nativeElement.querySelector('[data-testid="me-menu-trigger"]') as HTMLButtonElement;
  const panel = () => document.querySelector<HTMLElement>('.me-menu-panel');
  const menuItem = (label: string) =>
    Array.from(panel()?.querySelectorAll<HTMLElement>('[mat-menu-item]') ?? []).find((item) => item.textContent?.trim() === label);

  beforeEach(async () => {
    await signIn(http(), manager);
    fixture = TestBed.createComponent(MeMenu);
    await fixture.whenStable();
  });

  async function openMenu(): Promise<void> {
    trigger().click();
    await fixture.whenStable();
  }

  it("shows the person's name on the button", () => {
    expect(trigger().textContent).toContain('Maria Rossi');
    expect(trigger().getAttribute('aria-label')).toBe('Account menu for Maria Rossi');
    expect(trigger().getAttribute('aria-haspopup')).toBe('menu');
  });

  it(
    'opens with the name, email and roles, links to change the password and to your data, and sign out',
    async () => {
      await openMenu();
      const who = panel()?.querySelector('[data-testid="me-summary"]')?.textContent?.replace(/\s+/g, ' ');
      expect(who).toContain('Maria Rossi');
      expect(who).toContain('maria.rossi@example.test');
      expect(who).toContain('Manager, Employee');
      expect(menuItem('Change password')?.getAttribute('href')).toBe('/account/password');
      expect(menuItem('Your data')?.getAttribute('href')).toBe('/account/data');
      expect(menuItem('Sign out')).toBeDefined();
      expect(await seriousA11yViolations(document.body)).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  it('signs out: calls the API, clears the session and goes to the sign-in page', async () => {
    await openMenu();
    menuItem('Sign out')?.click();
    const req = http().expectOne(ApiRoutes.signOut);
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(trigger()).toBeNull();
  });
});
