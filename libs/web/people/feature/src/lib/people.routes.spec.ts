import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Role } from '@proficio/shared/contracts';
import { DEMO_IDS, demoTeams, employeeDetail, pageOf } from '@proficio/web/people/data-access/testing';
import { peopleRoutes } from './people.routes';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';

@Component({ template: '<h1>No access stub</h1>' })
class AccessDeniedStub {}

describe('peopleRoutes', () => {
  const { http } = sessionTesting([
    provideRouter([
      { path: 'people', children: peopleRoutes },
      { path: 'access-denied', component: AccessDeniedStub },
    ]),
  ]);

  async function visit(url: string, roles: Role[]): Promise<RouterTestingHarness> {
    await signInAs(http(), roles, { id: DEMO_IDS.sara, name: 'Sara Bianchi' });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return harness;
  }

  it.each<Role[]>([['manager', 'employee'], ['admin']])('opens the directory for %s', async (...roles) => {
    const harness = await visit('/people', roles);
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    http()
      .expectOne((req) => req.url === ApiRoutes.roleProfiles)
      .flush(pageOf([]));
    http()
      .expectOne((req) => req.url === ApiRoutes.employees)
      .flush(pageOf([]));
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).not.toContain('No access');
  });

  it('shows an employee the "no access" page at /people, keeping the URL', async () => {
    const harness = await visit('/people', ['employee']);
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('No access stub');
    expect(TestBed.inject(Location).path()).toBe('/people');
  });

  it('lets an employee open their own page', async () => {
    const harness = await visit(`/people/${DEMO_IDS.sara}`, ['employee']);
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(employeeDetail('sara', 'self'));
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Sara Bianchi');
  });

  it.each(['/people/new', `/people/${DEMO_IDS.sara}/edit`])('shows a manager the "no access" page at %s', async (url) => {
    const harness = await visit(url, ['manager', 'employee']);
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('No access stub');
  });

  it('opens the form to add a person for an admin', async () => {
    const harness = await visit('/people/new', ['admin']);
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Add a person');
  });
});
