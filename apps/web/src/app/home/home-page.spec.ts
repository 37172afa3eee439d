import { ChangeDetectionStrategy, Component, Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Me, Role } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { HomeCard, provideHomeCards } from '@proficio/web/shared/util';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { APP_HOME_CARDS } from './home-cards';
import { HomePage } from './home-page';

@Component({ template: '<p class="stub-content">Card content</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class StubCard {}

/** The app's cards as they are registered (ids, titles, roles, order), each showing a stub. */
const STUB_CARDS: HomeCard[] = APP_HOME_CARDS.map((card) => ({ ...card, load: () => Promise.resolve(StubCard as Type<unknown>) }));

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;
  let failNextLoad = false;
  const flaky: HomeCard = {
    id: 'flaky',
    title: 'Flaky',
    for: ['employee'],
    order: 70,
    load: () => (failNextLoad ? Promise.reject(new Error('chunk failed')) : Promise.resolve(StubCard)),
  };
  const { http } = sessionTesting([provideRouter([]), provideHomeCards(...STUB_CARDS)]);

  const page = () => fixture.nativeElement as HTMLElement;
  const squash = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const cardIds = () => Array.from(page().querySelectorAll('section.card')).map((card) => card.getAttribute('data-testid'));
  const settle = async () => {
    await fixture.whenStable();
    // the cards' code arrives in promises
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  async function create(): Promise<void> {
    fixture = TestBed.createComponent(HomePage);
    await settle();
  }

  function me(roles: Role[], overrides: Partial<Me> = {}): Me {
    const employee = roles.includes('employee') ? { id: 'e-1', name: 'Sara Bianchi' } : undefined;
    return { id: 'u-1', email: 'sara@demo.proficio.local', roles, employee, reportCount: 0, ...overrides };
  }

  it('tells a visitor who is not signed in what Proficio is, offers to sign in and shows the system status only', async () => {
    await create();
    expect(squash(page().querySelector('h1'))).toBe('Welcome to Proficio');
    expect(squash(page().querySelector('.lead'))).toContain('open-source competency tracker');
    expect(page().querySelector('a[href="/sign-in"]')?.textContent?.trim()).toBe('Sign in');
    expect(cardIds()).toEqual(['home-card-system-status']);
    expect(squash(page().querySelector('[data-testid="home-card-system-status"] h2'))).toBe('System status');
    expect(squash(page().querySelector('[data-testid="home-card-system-status"] .stub-content'))).toBe('Card content');
  });

  it.each<[string, Role[], string[]]>([
    ['an employee', ['employee'], ['my-role', 'next-steps']],
    ['a manager', ['employee', 'manager'], ['team-attention', 'inbox', 'my-team', 'my-role', 'next-steps']],
    ['an administrator', ['employee', 'admin'], ['inbox', 'organisation', 'admin-shortcuts', 'my-role', 'next-steps', 'system-status']],
    [
      'an administrator who manages people',
      ['employee', 'manager', 'admin'],
      ['team-attention', 'inbox', 'organisation', 'admin-shortcuts', 'my-team', 'my-role', 'next-steps', 'system-status'],
    ],
    ['an administrator without an employee record', ['admin'], ['inbox', 'organisation', 'admin-shortcuts', 'system-status']],
  ])('greets %s and shows the cards of their roles, what waits for them first', async (_who, roles, ids) => {
    await signIn(http(), me(roles));
    await create();
    expect(squash(page().querySelector('h1'))).toBe(roles.includes('employee') ? 'Welcome, Sara Bianchi' : 'Welcome to Proficio');
    expect(page().querySelector('a[href="/sign-in"]')).toBeNull();
    expect(cardIds()).toEqual(ids.map((id) => `home-card-${id}`));
    // each card is a region named by its heading
    for (const card of Array.from(page().querySelectorAll('section.card'))) {
      expect(card.querySelector('h2')?.id).toBe(card.getAttribute('aria-labelledby'));
    }
  });

  it('shows the new cards when someone signs in on the page', async () => {
    await create();
    expect(cardIds()).toEqual(['home-card-system-status']);
    await signIn(http(), me(['employee']));
    await settle();
    expect(cardIds()).toEqual(['home-card-my-role', 'home-card-next-steps']);
    TestBed.inject(SessionStore).clear();
    await settle();
    expect(cardIds()).toEqual(['home-card-system-status']);
  });

  it('says so to an account with no role', async () => {
    await signIn(http(), me([]));
    await create();
    expect(cardIds()).toEqual([]);
    expect(squash(page().querySelector('[data-testid="home-empty"]'))).toContain('There is nothing here for your account yet');
  });

  describe('a card whose code cannot be fetched', () => {
    beforeEach(() => TestBed.configureTestingModule({ providers: [provideHomeCards(flaky)] }));

    it('says so in the card, and fetches it again on "Try again"', async () => {
      failNextLoad = true;
      await signIn(http(), me(['employee']));
      await create();
      const card = () => page().querySelector('[data-testid="home-card-flaky"]') as HTMLElement;
      const problem = card().querySelector('[role="alert"]');
      expect(squash(problem)).toContain('This card could not be loaded.');
      // the other cards are not held up
      expect(page().querySelector('[data-testid="home-card-my-role"] .stub-content')).not.toBeNull();

      failNextLoad = false;
      (problem?.querySelector('button') as HTMLButtonElement).click();
      await settle();
      expect(card().querySelector('[role="alert"]')).toBeNull();
      expect(squash(card().querySelector('.stub-content'))).toBe('Card content');
    });
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await signIn(http(), me(['employee', 'manager', 'admin']));
      await create();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
