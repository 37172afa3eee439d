import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Page, PeopleImportPreview, PeopleImportRowView } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { peopleImportsRoutes } from '../people-imports.routes';
import { PeopleImportPage, describePlan } from './people-import-page';

@Component({ template: '<h1>People stub</h1>' })
class PeopleStub {}

const ID = '3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f';

function preview(overrides: Partial<PeopleImportPreview> = {}): PeopleImportPreview {
  return {
    id: ID,
    fileName: 'people.csv',
    format: 'csv',
    status: 'previewed',
    createdAt: '2026-03-01T10:00:00.000Z',
    columns: ['email', 'name', 'manager email'],
    counts: { rows: 2, create: 1, update: 0, unchanged: 0, error: 1 },
    warnings: ['Column D ("salary") is not a column Proficio knows; it is ignored.'],
    teamsToCreate: ['Acme', 'Acme / Finance'],
    ...overrides,
  };
}

const BAD_ROW: PeopleImportRowView = {
  row: 3,
  email: 'ivan@acme.test',
  name: 'Ivan Petrov',
  managerEmail: 'ghost@acme.test',
  action: 'error',
  errors: [{ column: 'manager email', message: 'ghost@acme.test is neither in Proficio nor in this file' }],
};
const GOOD_ROW: PeopleImportRowView = { row: 2, email: 'lena@acme.test', name: 'Lena Park', action: 'create', errors: [] };
const page = (items: PeopleImportRowView[], total = items.length): Page<PeopleImportRowView> => ({ items, total, page: 1, pageSize: 25 });

function fileOfSize(name: string, size: number): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('PeopleImportPage', () => {
  let harness: RouterTestingHarness;
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'people', component: PeopleStub },
        { path: 'people-imports', component: PeopleImportPage },
      ]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const squash = (value: string | null | undefined): string => value?.replace(/\s+/g, ' ').trim() ?? '';
  const text = (selector: string): string => squash(root().querySelector(selector)?.textContent);
  const settle = async () => {
    await harness.fixture.whenStable();
    await harness.fixture.whenStable();
  };
  const selectedStep = (): string => squash(root().querySelector('[role="tab"][aria-selected="true"] .mat-step-text-label')?.textContent);
  const currentStep = (): HTMLElement => root().querySelector('.mat-horizontal-stepper-content-current') as HTMLElement;
  const button = (label: string): HTMLElement => {
    const found = Array.from(currentStep().querySelectorAll<HTMLElement>('button, a')).find((b) => squash(b.textContent) === label);
    if (!found) throw new Error(`no button "${label}"`);
    return found;
  };
  const expectRows = (query: string): TestRequest =>
    http().expectOne((req) => req.url === ApiRoutes.peopleImportRows(ID) && req.params.toString() === query);

  /** Clicks the button (or link) named `label` in the current step and lets the page settle. */
  async function press(label: string): Promise<void> {
    button(label).click();
    await settle();
  }

  function chooseFile(file: File): void {
    const input = root().querySelector<HTMLInputElement>('#people-file');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  async function upload(answer: PeopleImportPreview): Promise<void> {
    chooseFile(new File(['email,name\n'], 'people.csv', { type: 'text/csv' }));
    await settle();
    await press('Upload and check');
    http()
      .expectOne((req) => req.url === ApiRoutes.peopleImports && req.method === 'POST')
      .flush(answer, { status: 201, statusText: 'Created' });
    await settle();
  }

  beforeEach(async () => {
    harness = await RouterTestingHarness.create('/people-imports');
    await settle();
  });

  it('is one lazy route titled "Import people | Proficio"', () => {
    expect(peopleImportsRoutes).toEqual([
      expect.objectContaining({ path: '', title: 'Import people | Proficio', loadComponent: expect.any(Function) }),
    ]);
  });

  it('explains the columns, the team path separator and that no accounts are created', () => {
    expect(text('h1')).toBe('Import people');
    expect(selectedStep()).toBe('Upload');
    expect(Array.from(root().querySelectorAll('[data-testid="import-columns"] code:first-child')).map((code) => code.textContent)).toEqual([
      'email',
      'name',
      'job title',
      'team path',
      'manager email',
      'role profile',
    ]);
    expect(text('[data-testid="import-columns"]')).toContain('Engineering / Service Desk');
    expect(text('[data-testid="no-accounts-note"]')).toContain('does not create sign-in accounts');
    expect(text('label[for="people-file"]')).toBe('File of people');
  });

  it('asks for a file instead of uploading nothing, and refuses one over 10 MB', async () => {
    await press('Upload and check');
    expect(text('[data-testid="file-error"]')).toBe('Choose the CSV or Excel file to import.');
    expect(document.activeElement?.id).toBe('people-file');

    chooseFile(fileOfSize('huge.csv', 11 * 1024 * 1024));
    await settle();
    await press('Upload and check');
    expect(text('[data-testid="file-error"]')).toBe('huge.csv is 11 MB: larger than the 10 MB Proficio can import.');
    http().expectNone(ApiRoutes.peopleImports);
  });

  it('shows why a file cannot be read, on the upload step', async () => {
    chooseFile(new File(['x'], 'people.csv'));
    await settle();
    await press('Upload and check');
    http()
      .expectOne(ApiRoutes.peopleImports)
      .flush(
        {
          type: 'urn:proficio:problem:import-invalid',
          title: 'The file cannot be imported',
          status: 422,
          detail: 'The header row cannot be used.',
          errors: [{ field: 'email', message: 'is a required column' }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle();
    expect(selectedStep()).toBe('Upload');
    expect(text('[data-testid="upload-error"]')).toBe(
      'The file cannot be imported: The header row cannot be used. email is a required column',
    );
  });

  it('previews a file with errors: counts, teams, warnings, only the rows with errors first, and no way on', async () => {
    await upload(preview());
    expect(selectedStep()).toBe('Preview');
    expectRows('page=1&pageSize=25&errorsOnly=true').flush(page([BAD_ROW]));
    await settle();

    expect(text('[data-testid="count-create"]')).toBe('1');
    expect(text('[data-testid="count-error"]')).toBe('1');
    expect(text('[data-testid="preview-has-errors"]')).toContain('1 row has errors.');
    expect(Array.from(root().querySelectorAll('[data-testid="teams-to-create"] li')).map((li) => squash(li.textContent))).toEqual([
      'Acme',
      'Acme / Finance',
    ]);
    expect(text('[data-testid="import-warnings"]')).toContain('salary');
    expect(text('tr[data-row="3"] [data-testid="row-errors"]')).toBe(
      'manager email: ghost@acme.test is neither in Proficio nor in this file',
    );
    expect(root().querySelector('[data-testid="continue"]')).toBeNull();

    // All rows.
    root().querySelector<HTMLInputElement>('[data-testid="errors-only"] input')?.click();
    await settle();
    expectRows('page=1&pageSize=25').flush(page([GOOD_ROW, BAD_ROW]));
    await settle();
    expect(Array.from(root().querySelectorAll('tr[data-row]')).map((tr) => tr.getAttribute('data-row'))).toEqual(['2', '3']);
    expect(text('tr[data-row="2"]')).toContain('New');

    await press('Upload a corrected file');
    expect(selectedStep()).toBe('Upload');
  });

  it("shows each row's values under the file's column headings, and what the row would do", async () => {
    await upload(preview({ counts: { rows: 1, create: 0, update: 1, unchanged: 0, error: 0 } }));
    const row: PeopleImportRowView = {
      row: 2,
      email: 'lena@acme.test',
      name: 'Lena Park',
      jobTitle: 'Analyst',
      teamPath: 'Acme / Finance',
      managerEmail: 'ivan@acme.test',
      roleProfile: 'Finance analyst',
      action: 'update',
      errors: [],
    };
    expectRows('page=1&pageSize=25').flush(page([row]));
    await settle();

    const cells = (selector: string) => Array.from(root().querySelectorAll(selector)).map((cell) => squash(cell.textContent));
    expect(cells('[data-testid="import-rows"] th')).toEqual(['Row', 'Person', 'Job title', 'Team', 'Manager', 'Role profile', 'Result']);
    expect(cells('tr[data-row="2"] td')).toEqual([
      '2',
      expect.stringContaining('Lena Park'),
      'Analyst',
      'Acme / Finance',
      'ivan@acme.test',
      'Finance analyst',
      'Update',
    ]);
    expect([text('tr[data-row="2"] .name'), text('tr[data-row="2"] .email')]).toEqual(['Lena Park', 'lena@acme.test']);
  });

  it('imports a file without errors after confirming, then links to the directory', async () => {
    await upload(preview({ counts: { rows: 3, create: 2, update: 1, unchanged: 0, error: 0 }, warnings: [] }));
    expectRows('page=1&pageSize=25').flush(page([GOOD_ROW]));
    await settle();

    await press('Continue');
    expect(selectedStep()).toBe('Confirm');
    expect(text('[data-testid="import-consequence"]')).toBe(
      'Importing people.csv writes 2 new people, 1 update, 0 unchanged, 2 new teams, all together or not at all. No sign-in accounts are created.',
    );

    await press('Import');
    const commit = http().expectOne(ApiRoutes.peopleImportCommit(ID));
    expect(commit.request.method).toBe('POST');
    commit.flush({ importId: ID, created: 2, updated: 1, unchanged: 0, teamsCreated: 2 });
    await settle();

    expect(selectedStep()).toBe('Done');
    expect(text('[data-testid="import-done"]')).toBe('2 people added, 1 updated, 0 unchanged; 2 teams created.');
    expect(root().querySelector('[data-testid="open-directory"]')?.getAttribute('href')).toBe('/people');
  });

  it('says what changed when the organisation moved on since the preview', async () => {
    await upload(preview({ counts: { rows: 1, create: 1, update: 0, unchanged: 0, error: 0 }, teamsToCreate: [] }));
    expectRows('page=1&pageSize=25').flush(page([GOOD_ROW]));
    await settle();
    await press('Continue');
    await press('Import');
    http()
      .expectOne(ApiRoutes.peopleImportCommit(ID))
      .flush(
        {
          type: 'urn:proficio:problem:import-stale',
          title: 'The organisation changed since the preview',
          status: 409,
          detail: 'Upload it again to see the errors.',
          errors: [{ field: 'row 2, role profile', message: '"Analyst" is archived' }],
        },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(text('[data-testid="commit-error"]')).toContain('The organisation changed since the preview');
    expect(text('[data-testid="commit-error"]')).toContain('row 2, role profile "Analyst" is archived');
    expect(button('Upload the file again')).toBeTruthy();
  });

  it('pages through the rows', async () => {
    await upload(preview({ counts: { rows: 60, create: 60, update: 0, unchanged: 0, error: 0 } }));
    expectRows('page=1&pageSize=25').flush(page([GOOD_ROW], 60));
    await settle();
    root().querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await settle();
    expectRows('page=2&pageSize=25').flush({ ...page([GOOD_ROW], 60), page: 2 });
    await settle();
    expect(text('.mat-mdc-paginator-range-label')).toBe('26 – 50 of 60');
    expect(text('[data-testid="import-status"]')).toBe('60 rows; page 2 of 3.');
  });

  it('tells screen readers "1 row", not "1 rows"', async () => {
    await upload(preview({ counts: { rows: 1, create: 1, update: 0, unchanged: 0, error: 0 } }));
    expectRows('page=1&pageSize=25').flush(page([GOOD_ROW], 1));
    await settle();
    expect(text('[data-testid="import-status"]')).toBe('1 row; page 1 of 1.');
  });

  it('offers a CSV template to fill in before any file is chosen', async () => {
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    URL.createObjectURL = jest.fn(() => 'blob:template');
    URL.revokeObjectURL = jest.fn();
    root().querySelector<HTMLButtonElement>('[data-testid="template-download"]')?.click();
    expect(saved).toEqual(['proficio-people-template.csv']);
    click.mockRestore();
  });
});

describe('describePlan', () => {
  it.each([
    [
      preview({ counts: { rows: 1, create: 1, update: 0, unchanged: 0, error: 0 }, teamsToCreate: [] }),
      '1 new person, 0 updates, 0 unchanged',
    ],
    [
      preview({ counts: { rows: 5, create: 2, update: 1, unchanged: 2, error: 0 }, teamsToCreate: ['A'] }),
      '2 new people, 1 update, 2 unchanged, 1 new team',
    ],
  ])('describes %#', (value, expected) => {
    expect(describePlan(value)).toBe(expected);
  });
});
