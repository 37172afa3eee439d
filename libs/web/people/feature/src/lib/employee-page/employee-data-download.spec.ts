import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { savedFiles, sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { DEMO_IDS } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { EmployeeDataDownload } from './employee-data-download';

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };

@Component({
  imports: [EmployeeDataDownload],
  template: '<app-employee-data-download [employee]="employee" />',
})
class Host {
  employee = SARA;
}

describe('EmployeeDataDownload', () => {
  const { http } = sessionTesting();
  const { saved } = savedFiles();
  let fixture: ComponentFixture<Host>;

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const button = () => host().querySelector<HTMLButtonElement>('[data-testid="download-employee-data"]') as HTMLButtonElement;
  const status = () => host().querySelector('[data-testid="employee-data-status"]');
  const squash = (value: string | null | undefined): string => value?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = () => fixture.whenStable();

  beforeEach(async () => {
    await signInAs(http(), ['admin'], { id: DEMO_IDS.hana, name: 'Hana Ito' });
    fixture = TestBed.createComponent(Host);
    await settle();
  });

  it('downloads the person’s data with the access token, shows progress, and saves it under the name the API gives', async () => {
    expect(squash(button().textContent)).toBe('Download data');
    button().click();
    await settle();
    expect(squash(button().textContent)).toBe('Preparing the data…');
    expect(button().getAttribute('aria-disabled')).toBe('true');
    expect(status()?.getAttribute('role')).toBe('status');
    expect(status()?.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe('Preparing the data of Sara Bianchi');

    const request = http().expectOne(ApiRoutes.employeeExport(DEMO_IDS.sara));
    expect(request.request.headers.get('Authorization')).toBe('Bearer t');
    expect(request.request.responseType).toBe('blob');
    const body = new Blob(['{"schemaVersion":1}'], { type: 'application/json' });
    request.flush(body, { headers: { 'Content-Disposition': 'attachment; filename="proficio-sara-bianchi-2026-03-01.json"' } });
    await settle();

    expect(saved()).toEqual([{ name: 'proficio-sara-bianchi-2026-03-01.json', blob: body }]);
    expect(saved()[0]?.blob).toBe(body);
    expect(squash(status()?.textContent)).toBe('Downloaded proficio-sara-bianchi-2026-03-01.json.');
    expect(squash(button().textContent)).toBe('Download data');
  });

  it('says when the download failed, and saves nothing', async () => {
    button().click();
    http()
      .expectOne(ApiRoutes.employeeExport(DEMO_IDS.sara))
      .flush(new Blob(['{}']), { status: 500, statusText: 'Internal Server Error' });
    await settle();
    expect(squash(host().querySelector('[role="alert"]')?.textContent)).toBe(
      'The data of Sara Bianchi could not be downloaded. Try again in a moment.',
    );
    expect(saved()).toEqual([]);
    expect(squash(status()?.textContent)).toBe('');
  });

  it('says when the API cannot be reached', async () => {
    button().click();
    http().expectOne(ApiRoutes.employeeExport(DEMO_IDS.sara)).error(new ProgressEvent('error'));
    await settle();
    expect(squash(host().querySelector('[role="alert"]')?.textContent)).toBe(
      'The Proficio API could not be reached. Check your connection, then try again.',
    );
  });

  it(
    'has no serious accessibility problems while it prepares the file',
    async () => {
      button().click();
      await settle();
      expect(await seriousA11yViolations(host())).toEqual([]);
      http()
        .expectOne(ApiRoutes.employeeExport(DEMO_IDS.sara))
        .flush(new Blob(['{}']));
      await settle();
    },
    AXE_TIMEOUT_MS,
  );
});
