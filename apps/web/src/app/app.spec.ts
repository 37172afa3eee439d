import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { App } from './app';

@Component({ template: '<h1>Stub page</h1>' })
class StubPage {}

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let shell: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([{ path: '', component: StubPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    fixture = TestBed.createComponent(App);
    shell = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('shows the product name in the toolbar', () => {
    expect(shell.querySelector('header mat-toolbar')?.textContent).toContain('Proficio');
  });

  it('renders the main navigation with Home and Frameworks links', () => {
    const nav = shell.querySelector('nav[aria-label="Main"]');
    expect(nav).not.toBeNull();
    const links = Array.from(nav?.querySelectorAll('a') ?? []);
    expect(links.map((a) => a.textContent?.trim())).toEqual(['Home', 'Frameworks']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/', '/frameworks']);
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
