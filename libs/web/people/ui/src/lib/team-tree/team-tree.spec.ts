import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TeamNode } from '@proficio/shared/contracts';
import { TeamTree, memberCountLabel } from './team-tree';

const TEAMS: TeamNode[] = [
  {
    id: 'company',
    name: 'Proficio Demo Ltd',
    memberCount: 0,
    children: [
      {
        id: 'it',
        name: 'IT Services',
        memberCount: 1,
        children: [
          { id: 'desk', name: 'Service Desk', memberCount: 3, children: [] },
          { id: 'delivery', name: 'Service Delivery', memberCount: 3, children: [] },
        ],
      },
      { id: 'people', name: 'People & Culture', memberCount: 1, children: [] },
    ],
  },
];

@Component({ imports: [TeamTree], template: '<app-team-tree [teams]="teams()" label="Teams of the organisation" />' })
class Host {
  readonly teams = signal(TEAMS);
}

@Component({ template: '<h1>People stub</h1>' })
class PeopleStub {}

describe('TeamTree', () => {
  let harness: RouterTestingHarness;

  const host = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const items = (): HTMLElement[] => Array.from(host().querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const visible = (): string[] =>
    items()
      .filter((item) => item.style.display !== 'none')
      .map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const press = async (item: HTMLElement, key: string) => {
    item.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await harness.fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'teams', component: Host },
          { path: 'people', component: PeopleStub },
        ]),
      ],
    });
    harness = await RouterTestingHarness.create('/teams');
  });

  it('shows nested teams, expanded, each with its member count', () => {
    expect(host().querySelector('[role="tree"]')?.getAttribute('aria-label')).toBe('Teams of the organisation');
    expect(visible()).toEqual([
      'Proficio Demo Ltd No members',
      'IT Services 1 member',
      'Service Desk 3 members',
      'Service Delivery 3 members',
      'People & Culture 1 member',
    ]);
    expect(items().map((item) => item.getAttribute('aria-level'))).toEqual(['1', '2', '3', '3', '2']);
  });

  it('links each team to the people directory filtered by it, outside the tab order', () => {
    const link = items()[2].querySelector('a');
    expect(link?.textContent?.trim()).toBe('Service Desk');
    expect(link?.getAttribute('href')).toBe('/people?teamId=desk');
    expect(link?.getAttribute('tabindex')).toBe('-1');
  });

  it('collapses and expands with the arrow keys and opens a team with Enter', async () => {
    items()[0].focus();
    await press(items()[0], 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
    await press(items()[1], 'ArrowLeft');
    expect(items()[1].getAttribute('aria-expanded')).toBe('false');
    expect(visible()).toEqual(['Proficio Demo Ltd No members', 'IT Services 1 member', 'People & Culture 1 member']);
    await press(items()[1], 'ArrowRight');
    expect(items()[1].getAttribute('aria-expanded')).toBe('true');

    await press(items()[1], 'ArrowDown');
    await press(items()[2], 'Enter');
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/people?teamId=desk');
  });

  it('toggles a team with children when its chevron is clicked', async () => {
    items()[1].querySelector<HTMLElement>('.toggle')?.click();
    await harness.fixture.whenStable();
    expect(items()[1].getAttribute('aria-expanded')).toBe('false');
    expect(visible()).not.toContain('Service Desk 3 members');
  });
});

describe('memberCountLabel', () => {
  it.each([
    [0, 'en-GB', 'No members'],
    [1, 'en-GB', '1 member'],
    [3, 'en-GB', '3 members'],
    [1234, 'en-GB', '1,234 members'],
    [1234, 'de-DE', '1.234 members'],
  ])('%i in %s → %s', (count, locale, label) => {
    expect(memberCountLabel(count, locale)).toBe(label);
  });
});
