import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { MARIA_ROSSI, savedFiles, sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { FrameworkExportMenu } from './framework-export-menu';

const FRAMEWORK_ID = '11111111-2222-4333-8444-555555555555';

@Component({
  imports: [FrameworkExportMenu],
  template: '<app-framework-export-menu [frameworkId]="id" />',
})
class Host {
  id = FRAMEWORK_ID;
}

describe('FrameworkExportMenu', () => {
  const { http } = sessionTesting();
  const { saved } = savedFiles();
  let fixture: ComponentFixture<Host>;

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const trigger = () => host().querySelector<HTMLButtonElement>('[data-testid="export-button"]') as HTMLButtonElement;
  const squash = (value: string | null | undefined): string => value?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = () => fixture.whenStable();
  const menuItems = (): HTMLButtonElement[] =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('.mat-mdc-menu-panel [mat-menu-item]'));

  /** Opens the menu and clicks the item with this label. */
  async function choose(label: string): Promise<void> {
    trigger().click();
    await settle();
    const item = menuItems().find((candidate) => squash(candidate.textContent) === label);
    if (!item) throw new Error(`no menu item ${label}`);
    item.click();
    await settle();
  }

  beforeEach(async () => {
    await signIn(http(), MARIA_ROSSI);
    fixture = TestBed.createComponent(Host);
    await settle();
  });

  it('offers each export format as a menu item, not as a link that would carry no access token', async () => {
    expect(squash(trigger().textContent)).toBe('Export');
    expect(trigger().getAttribute('aria-haspopup')).toBe('menu');
    trigger().click();
    await settle();

    expect(menuItems().map((item) => [item.tagName, squash(item.textContent), item.dataset['format']])).toEqual([
      ['BUTTON', 'Proficio JSON', 'proficio-json'],
      ['BUTTON', 'Moodle CSV', 'moodle-csv'],
      ['BUTTON', 'CASE 1.1 JSON', 'case'],
    ]);
    expect(document.querySelectorAll('.mat-mdc-menu-panel a[href]')).toHaveLength(0);
  });

  it('downloads the chosen format with the access token, shows progress, and saves the file under the name the API gives', async () => {
    await choose('Moodle CSV');

    expect(squash(trigger().textContent)).toBe('Exporting…');
    expect(trigger().getAttribute('aria-disabled')).toBe('true');
    const status = host().querySelector('[data-testid="export-status"]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(squash(status?.textContent)).toBe('Preparing the Moodle CSV file…');
    expect(status?.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe('Preparing the Moodle CSV file');

    const request = http().expectOne(ApiRoutes.frameworkExport(FRAMEWORK_ID, 'moodle-csv'));
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request.request.responseType).toBe('blob');
    const body = new Blob(['idnumber,shortname\n'], { type: 'text/csv' });
    request.flush(body, { headers: { 'Content-Disposition': 'attachment; filename="sfia-itmg-v9.csv"' } });
    await settle();

    expect(saved()).toEqual([{ name: 'sfia-itmg-v9.csv', blob: body }]);
    expect(saved()[0]?.blob).toBe(body);
    expect(squash(host().querySelector('[data-testid="export-status"]')?.textContent)).toBe('Downloaded sfia-itmg-v9.csv.');
    expect(squash(trigger().textContent)).toBe('Export');
    expect(trigger().getAttribute('aria-disabled')).toBeNull();
  });

  it('says when the download failed, saves nothing, and clears the message on the next try', async () => {
    await choose('CASE 1.1 JSON');
    http()
      .expectOne(ApiRoutes.frameworkExport(FRAMEWORK_ID, 'case'))
      .flush(new Blob(['{}']), { status: 500, statusText: 'Internal Server Error' });
    await settle();

    const alert = host().querySelector('[role="alert"]');
    expect(squash(alert?.textContent)).toBe('The CASE 1.1 JSON export could not be downloaded. Try again in a moment.');
    expect(saved()).toEqual([]);
    expect(squash(host().querySelector('[data-testid="export-status"]')?.textContent)).toBe('');
    expect(squash(trigger().textContent)).toBe('Export');

    await choose('Proficio JSON');
    expect(host().querySelector('[role="alert"]')).toBeNull();
    http()
      .expectOne(ApiRoutes.frameworkExport(FRAMEWORK_ID, 'proficio-json'))
      .flush(new Blob(['{}']));
    await settle();
    expect(saved().map((file) => file.name)).toEqual(['framework.json']);
  });

  it.each([
    [0, 'The Proficio API could not be reached. Check your connection, then try again.'],
    [404, 'This framework version no longer exists, so it cannot be exported.'],
  ])('explains an HTTP %d', async (status, message) => {
    await choose('Proficio JSON');
    const request = http().expectOne(ApiRoutes.frameworkExport(FRAMEWORK_ID, 'proficio-json'));
    if (status === 0) request.error(new ProgressEvent('error'));
    else request.flush(new Blob(['{}']), { status, statusText: 'Not Found' });
    await settle();
    expect(squash(host().querySelector('[role="alert"]')?.textContent)).toBe(message);
  });

  it(
    'has no serious accessibility problems while it prepares a file',
    async () => {
      await choose('Moodle CSV');
      expect(await seriousA11yViolations(host())).toEqual([]);
      http()
        .expectOne(ApiRoutes.frameworkExport(FRAMEWORK_ID, 'moodle-csv'))
        .flush(new Blob(['x']));
      await settle();
    },
    AXE_TIMEOUT_MS,
  );
});
