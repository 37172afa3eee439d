import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ApiRoutes, FrameworkExportFormat, FrameworkExportPreview } from '@proficio/shared/contracts';
import { MARIA_ROSSI, savedFiles, sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { FrameworkExportMenu } from './framework-export-menu';

const FRAMEWORK_ID = '11111111-2222-4333-8444-555555555555';

@Component({
  imports: [FrameworkExportMenu],
  template: '<app-framework-export-menu [frameworkId]="id" code="MAP" />',
})
class Host {
  id = FRAMEWORK_ID;
}

const preview = (format: FrameworkExportFormat, overrides: Partial<FrameworkExportPreview> = {}): FrameworkExportPreview => ({
  format,
  fileName: `map-v1.${format === 'case' ? 'case.json' : format === 'moodle-csv' ? 'csv' : 'json'}`,
  mediaType: 'application/json; charset=utf-8',
  size: 2048,
  notes: [],
  ...overrides,
});

describe('FrameworkExportDialog', () => {
  const { http } = sessionTesting([{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }]);
  const { saved } = savedFiles();
  let fixture: ComponentFixture<Host>;

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const inDialog = (selector: string) => dialog()?.querySelector<HTMLElement>(selector) ?? null;
  const settle = () => fixture.whenStable();
  const downloadButton = () => inDialog('[data-testid="export-download"]') as HTMLButtonElement;
  const expectPreview = (format: FrameworkExportFormat) => http().expectOne(ApiRoutes.frameworkExportPreview(FRAMEWORK_ID, format));

  async function openDialog(): Promise<void> {
    host().querySelector<HTMLButtonElement>('[data-testid="export-button"]')?.click();
    await settle();
  }

  async function chooseFormat(format: FrameworkExportFormat): Promise<void> {
    inDialog(`mat-radio-button[data-format="${format}"] input`)?.click();
    await settle();
  }

  beforeEach(async () => {
    await signIn(http(), MARIA_ROSSI);
    fixture = TestBed.createComponent(Host);
    await settle();
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('opens from the Export button with each format to choose, Proficio JSON first, and says what its file keeps', async () => {
    const button = host().querySelector('[data-testid="export-button"]');
    expect(textOf(button)).toBe('Export');
    expect(button?.getAttribute('aria-haspopup')).toBe('dialog');
    await openDialog();

    expect(textOf(inDialog('h2'))).toBe('Export MAP');
    const radios = Array.from(dialog()?.querySelectorAll<HTMLInputElement>('mat-radio-button input') ?? []);
    expect(radios.map((radio) => [radio.closest('mat-radio-button')?.getAttribute('data-format'), radio.checked])).toEqual([
      ['proficio-json', true],
      ['moodle-csv', false],
      ['case', false],
    ]);
    expect(textOf(inDialog('[data-testid="export-preview"]'))).toContain('Checking the Proficio JSON file…');

    expectPreview('proficio-json').flush(preview('proficio-json'));
    await settle();
    expect(textOf(inDialog('[data-testid="export-file"]'))).toBe('map-v1.json · 2 KB');
    expect(textOf(inDialog('[data-testid="export-nothing-regenerated"]'))).toBe(
      "Nothing regenerated or left out: the file keeps the source's identifiers and everything this version holds.",
    );
    expect(textOf(downloadButton())).toBe('Download Proficio JSON');
    expect(document.querySelectorAll('mat-dialog-container a[href]')).toHaveLength(0);
  });

  it('lists what the chosen format regenerates, adds and leaves out, under a heading each', async () => {
    await openDialog();
    expectPreview('proficio-json').flush(preview('proficio-json'));
    await chooseFormat('case');
    expectPreview('case').flush(
      preview('case', {
        notes: [
          { kind: 'regenerated', message: '12 item identifiers were not UUIDs and were regenerated.', count: 12 },
          { kind: 'left-out', message: 'CASE holds one language: the texts in it are in the extension.', count: 1 },
          { kind: 'regenerated', message: 'The source gave the document no lastChangeDateTime.', count: 1 },
          { kind: 'added', message: 'The document\'s creator is written as "Proficio".', count: 1 },
        ],
      }),
    );
    await settle();

    expect(Array.from(dialog()?.querySelectorAll('h4') ?? []).map((heading) => textOf(heading))).toEqual([
      'Regenerated',
      'Added',
      'Left out',
    ]);
    const listed = (kind: string) =>
      Array.from(dialog()?.querySelectorAll(`[data-testid="export-notes-${kind}"] li`) ?? []).map((item) => textOf(item));
    expect(listed('regenerated')).toEqual([
      '12 item identifiers were not UUIDs and were regenerated.',
      'The source gave the document no lastChangeDateTime.',
    ]);
    expect(listed('added')).toEqual(['The document\'s creator is written as "Proficio".']);
    expect(listed('left-out')).toEqual(['CASE holds one language: the texts in it are in the extension.']);
    expect(inDialog('[data-testid="export-nothing-regenerated"]')).toBeNull();
    expect(textOf(downloadButton())).toBe('Download CASE 1.1 JSON');
  });

  it('downloads the chosen format with the access token, shows progress, saves the file under the name the API gives, and stays open', async () => {
    await openDialog();
    expectPreview('proficio-json').flush(preview('proficio-json'));
    await chooseFormat('moodle-csv');
    expectPreview('moodle-csv').flush(preview('moodle-csv'));
    await settle();
    downloadButton().click();
    await settle();

    expect(textOf(downloadButton())).toBe('Exporting…');
    expect(downloadButton().getAttribute('aria-disabled')).toBe('true');
    const status = inDialog('[data-testid="export-status"]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(textOf(status)).toBe('Preparing the Moodle CSV file…');

    const request = http().expectOne(ApiRoutes.frameworkExport(FRAMEWORK_ID, 'moodle-csv'));
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request.request.responseType).toBe('blob');
    const body = new Blob(['idnumber,shortname\n'], { type: 'text/csv' });
    request.flush(body, { headers: { 'Content-Disposition': 'attachment; filename="map-v1.csv"' } });
    await settle();

    expect(saved()).toEqual([{ name: 'map-v1.csv', blob: body }]);
    expect(textOf(inDialog('[data-testid="export-status"]'))).toBe('Downloaded map-v1.csv.');
    expect(textOf(downloadButton())).toBe('Download Moodle CSV');
    expect(dialog()).not.toBeNull();
  });

  it('still downloads when the preview failed, and says so', async () => {
    await openDialog();
    expectPreview('proficio-json').flush(
      { title: 'Internal Server Error', status: 500 },
      { status: 500, statusText: 'Internal Server Error' },
    );
    await settle();
    expect(textOf(inDialog('[data-testid="export-preview-problem"]'))).toMatch(
      /^What the export changes could not be checked \(Internal Server Error\)\. You can still download the file\./,
    );
    downloadButton().click();
    http()
      .expectOne(ApiRoutes.frameworkExport(FRAMEWORK_ID, 'proficio-json'))
      .flush(new Blob(['{}']));
    await settle();
    expect(saved().map((file) => file.name)).toEqual(['framework.json']);
  });

  it.each([
    [0, 'The Proficio API could not be reached. Check your connection, then try again.'],
    [404, 'This framework version no longer exists, so it cannot be exported.'],
    [500, 'The Proficio JSON export could not be downloaded. Try again in a moment.'],
  ])('explains a download that failed with HTTP %d, saving nothing', async (status, message) => {
    await openDialog();
    expectPreview('proficio-json').flush(preview('proficio-json'));
    downloadButton().click();
    const request = http().expectOne(ApiRoutes.frameworkExport(FRAMEWORK_ID, 'proficio-json'));
    if (status === 0) request.error(new ProgressEvent('error'));
    else request.flush(new Blob(['{}']), { status, statusText: 'Failed' });
    await settle();
    expect(textOf(inDialog('[role="alert"]'))).toBe(message);
    expect(saved()).toEqual([]);
  });

  it(
    'has no serious accessibility problems with its notes shown',
    async () => {
      await openDialog();
      expectPreview('proficio-json').flush(
        preview('proficio-json', {
          notes: [{ kind: 'left-out', message: 'The guidance notes of 3 competencies are left out.', count: 3 }],
        }),
      );
      await settle();
      expect(await seriousA11yViolations(dialog() as HTMLElement)).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
