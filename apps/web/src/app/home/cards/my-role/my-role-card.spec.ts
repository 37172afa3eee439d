import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes, EmployeeDetail } from '@proficio/shared/contracts';
import { sessionTesting } from '@proficio/web/auth/data-access/testing';
import { DEMO_IDS, employeeDetail } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { signInAsSara } from '../testing';
import { MyRoleCard } from './my-role-card';

describe('MyRoleCard', () => {
  let fixture: ComponentFixture<MyRoleCard>;
  const { http } = sessionTesting([provideRouter([])]);

  const card = () => fixture.nativeElement as HTMLElement;
  const facts = () =>
    Array.from(card().querySelectorAll('.facts > div')).map((fact) => [textOf(fact.querySelector('dt')), textOf(fact.querySelector('dd'))]);

  beforeEach(async () => {
    await signInAsSara(http());
    fixture = TestBed.createComponent(MyRoleCard);
    await fixture.whenStable();
  });

  async function answer(person: EmployeeDetail): Promise<void> {
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(person);
    await fixture.whenStable();
  }

  it('shows the role profile the person holds and the one they grow towards, each linked to its page', async () => {
    expect(card().querySelector('[data-testid="my-role-loading"]')).not.toBeNull();
    await answer(
      employeeDetail('sara', 'self', {
        roleProfile: { id: 'rp-1', name: 'Service Desk Analyst' },
        targetRoleProfile: { id: 'rp-2', name: 'Service Desk Lead' },
      }),
    );
    expect(facts()).toEqual([
      ['Role profile', 'Service Desk Analyst'],
      ['Growing towards', 'Service Desk Lead'],
      ['Job title', 'Service Desk Analyst'],
      ['Team', 'Service Desk'],
      ['Manager', 'Luca Esposito'],
    ]);
    expect(card().querySelector('[data-testid="my-role-profile"] a')?.getAttribute('href')).toBe('/role-profiles/rp-1');
    expect(card().querySelector('[data-testid="my-target-role-profile"] a')?.getAttribute('href')).toBe('/role-profiles/rp-2');
    expect(card().querySelector('[data-testid="my-role-none"]')).toBeNull();
  });

  it('says what a role profile is when the person has none yet, and where to browse them', async () => {
    await answer(employeeDetail('sara', 'self'));
    expect(textOf(card().querySelector('[data-testid="my-role-profile"]'))).toBe('None yet');
    const hint = card().querySelector('[data-testid="my-role-none"]');
    expect(textOf(hint)).toContain('A role profile says which competencies your role needs');
    expect(hint?.querySelector('a')?.getAttribute('href')).toBe('/role-profiles');
  });

  it('says when the person could not be loaded', async () => {
    http()
      .expectOne(ApiRoutes.employee(DEMO_IDS.sara))
      .flush({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(textOf(card().querySelector('[data-testid="my-role-error"]'))).toContain('Could not load your role.');
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await answer(employeeDetail('sara', 'self', { roleProfile: { id: 'rp-1', name: 'Service Desk Analyst' } }));
      expect(await seriousA11yViolations(card())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
