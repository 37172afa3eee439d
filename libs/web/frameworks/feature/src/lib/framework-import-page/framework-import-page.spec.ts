import { HttpEventType } from '@angular/common/http';
import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, FrameworkImportPreview, FrameworkSummary, Page } from '@proficio/shared/contracts';
import { MAX_IMPORT_BYTES } from '@proficio/web/frameworks/data-access';
import {
  IMPORT_FIXTURE_IDS,
  importInvalidProblem,
  oecdCommitResult,
  oecdExisting,
  oecdImportPreview,
  emptyPreview,
  levelLessPreview,
  oecdLossyPreview,
  oecdNewVersionPreview,
  sharedIdentifierPreview,
} from '@proficio/web/frameworks/data-access/testing';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { frameworksRoutes } from '../frameworks.routes';
import { FrameworkImportPage } from './framework-import-page';

@Component({ template: '<h1>Browser stub</h1>' })
class BrowserStub {}

@Component({ template: '<h1>Library stub</h1>' })
class LibraryStub {}

const OECD_CSV = () => new File(['"Parent id number","Id number"\r\n'], 'oecd-core-competencies.csv', { type: 'text/csv' });

/** A file that claims a size, without allocating it. */
function fileOfSize(name: string, size: number): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

/** Two frameworks of the library, as the scale question's framework search finds them. */
function libraryPage(): Page<FrameworkSummary> {
  const summary = (id: string, code: string, name: string, versionLabel: string): FrameworkSummary => ({
    id,
    key: code.toLowerCase(),
    code,
    name: { text: name, language: 'en', fallback: false },
    versionLabel,
    versionNumber: 1,
    status: 'published',
    defaultLanguage: 'en',
    languages: ['en'],
    builtIn: true,
    counts: { competencies: 1, levels: 7, indicators: 0, questions: 0 },
    warningCount: 0,
  });
  return {
    items: [summary('v-sfia', 'SFIA', 'SFIA 9', '9'), summary('v-ecf', 'ECF-C', 'e-CF area C', '4.0')],
    total: 2,
    page: 1,
    pageSize: 10,
  };
}

describe('FrameworkImportPage', () => {
  let harness: RouterTestingHarness;
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'frameworks', component: LibraryStub },
        { path: 'frameworks/import', component: FrameworkImportPage },
        { path: 'frameworks/:id', component: BrowserStub },
      ]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const termAndValue = (div: Element): string =>
    `${div.querySelector('dt')?.textContent?.trim()} ${div.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim()}`;
  const squash = (value: string | null | undefined): string => value?.replace(/\s+/g, ' ').trim() ?? '';
  const text = (selector: string): string => squash(page().querySelector(selector)?.textContent);
  const settle = async () => {
    await harness.fixture.whenStable();
    await harness.fixture.whenStable();
  };
  const selectedStep = (): string => squash(page().querySelector('[role="tab"][aria-selected="true"] .mat-step-text-label')?.textContent);
  const currentStep = (): HTMLElement => page().querySelector('.mat-horizontal-stepper-content-current') as HTMLElement;
  const button = (label: string, root: HTMLElement = currentStep()): HTMLButtonElement => {
    const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button, a')).find((b) => squash(b.textContent) === label);
    if (!found) throw new Error(`no button "${label}"`);
    return found;
  };
  const expectUpload = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.frameworkImports && req.method === 'POST');

  function chooseFormat(format: string): void {
    page().querySelector<HTMLInputElement>(`mat-radio-button[data-format="${format}"] input`)?.click();
  }

  function chooseFile(file: File, selector = '#import-file'): void {
    const input = page().querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no file input ${selector}`);
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  /** Clicks the button (or link) named `label` in the current step, or in `root`, and lets the page settle. */
  async function press(label: string, root?: HTMLElement): Promise<void> {
    button(label, root).click();
    await settle();
  }

  async function submit(): Promise<void> {
    await press('Upload and check');
  }

  /** Uploads the OECD file as Moodle CSV and answers with `preview`. */
  async function uploadAndPreview(preview: FrameworkImportPreview = oecdImportPreview()): Promise<void> {
    chooseFormat('moodle-csv');
    chooseFile(OECD_CSV());
    await settle();
    await submit();
    expectUpload().flush(preview, { status: 201, statusText: 'Created' });
    await settle();
  }

  beforeEach(async () => {
    harness = await RouterTestingHarness.create('/frameworks/import');
    await settle();
  });

  it('is a lazy route before ":id", titled "Import framework | Proficio"', () => {
    const paths = frameworksRoutes.map((route) => route.path);
    expect(paths.indexOf('import')).toBeLessThan(paths.indexOf(':id'));
    const route = frameworksRoutes.find((r) => r.path === 'import');
    expect(route?.title).toBe('Import framework | Proficio');
    expect(route?.loadComponent).toBeDefined();
  });

  it('offers the four formats, each with its one-line explanation, and a labelled file picker', () => {
    expect(text('h1')).toBe('Import framework');
    expect(selectedStep()).toBe('Upload');
    const formats = Array.from(page().querySelectorAll('mat-radio-button')).map((radio) => squash(radio.textContent));
    expect(formats).toEqual([
      'Proficio JSON — Proficio’s own format',
      'Moodle CSV — Moodle competency framework CSV',
      'SFIA CSV — SFIA skills CSV (your licensed download)',
      'CASE — 1EdTech CASE package (JSON)',
    ]);
    expect(page().querySelector('mat-radio-group')?.getAttribute('aria-labelledby')).toBe('format-legend');
    expect(text('label[for="import-file"]')).toBe('Framework file');
    expect(page().querySelector('#import-file')?.getAttribute('type')).toBe('file');
  });

  it('accepts the extensions of the chosen format and shows the chosen file’s name and size', async () => {
    chooseFormat('case');
    await settle();
    expect(page().querySelector('#import-file')?.getAttribute('accept')).toBe('.json,application/json');
    chooseFormat('moodle-csv');
    chooseFile(fileOfSize('oecd-core-competencies.csv', 17013));
    await settle();

    expect(page().querySelector('#import-file')?.getAttribute('accept')).toBe('.csv,text/csv');
    expect(text('[data-testid="chosen-file"]')).toBe('Chosen: oecd-core-competencies.csv · 16.6 KB');
  });

  it('says what is missing instead of uploading', async () => {
    await submit();
    http().expectNone(ApiRoutes.frameworkImports);
    expect(text('#format-error')).toBe('Choose the format of the file.');
    expect(text('#import-file-error')).toBe('Choose the framework file to import.');
    expect(document.activeElement?.getAttribute('type')).toBe('radio');
  });

  it('rejects a file over 25 MB before sending anything', async () => {
    chooseFormat('case');
    chooseFile(fileOfSize('huge.json', MAX_IMPORT_BYTES + 1024 * 1024));
    await settle();

    expect(text('[data-testid="file-error"]')).toBe('huge.json is 26 MB: larger than the 25 MB Proficio can import.');
    const input = page().querySelector('#import-file') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('file-error');

    await submit();
    http().expectNone(ApiRoutes.frameworkImports);
    expect(document.activeElement).toBe(input);
    expect(selectedStep()).toBe('Upload');
  });

  it('uploads the format and file as multipart form data, with a determinate bar, then "Checking the file…"', async () => {
    chooseFormat('moodle-csv');
    chooseFile(OECD_CSV());
    await settle();
    await submit();

    const req = expectUpload();
    const body = req.request.body as FormData;
    expect(body.get('format')).toBe('moodle-csv');
    expect((body.get('file') as File).name).toBe('oecd-core-competencies.csv');
    expect(body.has('levelsFile')).toBe(false);
    expect(req.request.reportProgress).toBe(true);

    req.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await settle();
    const bar = page().querySelector('[data-testid="upload-progress"] [role="progressbar"]') as HTMLElement;
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('mode')).toBe('determinate');
    expect(text('[data-testid="upload-progress"] p')).toBe('Uploading oecd-core-competencies.csv… 40%');
    expect(text('[data-testid="import-status"]')).toBe('Uploading oecd-core-competencies.csv…');

    req.event({ type: HttpEventType.UploadProgress, loaded: 100, total: 100 });
    await settle();
    expect(page().querySelector('[data-testid="upload-progress"] [role="progressbar"]')?.getAttribute('mode')).toBe('indeterminate');
    expect(text('[data-testid="upload-progress"] p')).toBe('Checking the file…');
    expect(text('[data-testid="import-status"]')).toBe('Checking the file…');

    req.flush(oecdImportPreview(), { status: 201, statusText: 'Created' });
    await settle();
    expect(page().querySelector('[data-testid="upload-progress"]')).toBeNull();
    expect(selectedStep()).toBe('Preview');
  });

  it('takes a dropped file', async () => {
    chooseFormat('moodle-csv');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [OECD_CSV()] } });
    page().querySelector('[data-testid="drop-zone"]')?.dispatchEvent(drop);
    await settle();

    expect(drop.defaultPrevented).toBe(true);
    expect(text('[data-testid="chosen-file"]')).toContain('oecd-core-competencies.csv');
    await submit();
    expect((expectUpload().request.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('sends the SFIA levels file with an SFIA skills file', async () => {
    expect(page().querySelector('#levels-file')).toBeNull();
    chooseFormat('sfia-csv');
    await settle();
    expect(text('label[for="levels-file"]')).toBe('SFIA levels file (optional)');
    chooseFile(new File(['x'], 'skills.csv'));
    chooseFile(new File(['y'], 'levels.csv'), '#levels-file');
    await settle();
    await submit();

    const body = expectUpload().request.body as FormData;
    expect(body.get('format')).toBe('sfia-csv');
    expect((body.get('levelsFile') as File).name).toBe('levels.csv');
  });

  it('shows the preview: name, code, version label, languages, counts, warnings with their places, and moves focus to its heading', async () => {
    await uploadAndPreview();

    const heading = currentStep().querySelector('h2');
    expect(squash(heading?.textContent)).toBe('Preview of oecd-core-competencies.csv');
    expect(document.activeElement).toBe(heading);
    expect(text('[data-testid="import-outcome"]')).toBe('A new framework: nothing with the code OECD-CORE exists yet.');
    const facts = Array.from(currentStep().querySelectorAll('.facts > div')).map(termAndValue);
    expect(facts).toEqual([
      'Framework OECD',
      'Code OECD-CORE',
      'Version label 1',
      'Languages English',
      'File oecd-core-competencies.csv',
      'Format Moodle competency framework CSV',
    ]);
    const counts = Array.from(currentStep().querySelectorAll('[data-testid="preview-counts"] > div')).map(termAndValue);
    expect(counts).toEqual(['Competencies 15', 'Levels 45', 'Indicators 170', 'Questions 0']);

    const rows = (testId: string) =>
      Array.from(page().querySelectorAll(`[data-testid="${testId}"] tbody tr`)).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map((td) => squash(td.textContent)),
      );
    expect(rows('file-warnings')).toEqual([['row 4, column 8 (Rule type (optional))', 'Rule type is ignored']]);
    expect(rows('quality-warnings')).toEqual([
      ['Competency S-DT, level 1 (/competencies/2/levels/0/indicators/3)', 'The text ends mid-sentence'],
    ]);
  });

  it('says when the file is a new version of a framework that exists, and what confirming publishes', async () => {
    await uploadAndPreview(oecdNewVersionPreview());

    expect(text('[data-testid="import-outcome"]')).toBe('A new version (v3) of OECD; the current version is v2.');
    expect(page().querySelector('[data-testid="import-outcome"] a')?.getAttribute('href')).toBe(
      `/frameworks/${IMPORT_FIXTURE_IDS.latestVersionId}`,
    );

    await press('Continue');
    expect(selectedStep()).toBe('Confirm');
    expect(document.activeElement?.textContent?.trim()).toBe('Confirm the import');
    expect(text('[data-testid="import-consequence"]')).toBe(
      'This publishes OECD as version 3. Version 2 stays readable; published versions are never changed.',
    );
  });

  it('says when the file is identical to the current version', async () => {
    await uploadAndPreview(oecdImportPreview({ existing: oecdExisting({ unchanged: true, loss: undefined }), proposedVersionNumber: 2 }));
    expect(text('[data-testid="import-outcome"]')).toBe('Identical to the current version (v2) of OECD — nothing new would be written.');
    expect(page().querySelector('[data-testid="import-loss"]')).toBeNull();
  });

  it('says what a new version would lose of the current one, and publishes it only once that is confirmed', async () => {
    await uploadAndPreview(oecdLossyPreview());
    expect(text('[data-testid="import-loss"] h3')).toBe('What version 3 would lose');
    expect(Array.from(page().querySelectorAll('[data-testid="import-loss"] li')).map((li) => squash(li.textContent))).toEqual([
      '672 level descriptions',
      '1 behaviour indicator',
      '30 translations (no French at all)',
      'the licence text',
      'the attribution text',
    ]);

    await press('Continue');
    const checkbox = page().querySelector<HTMLInputElement>('[data-testid="loss-confirmation"] input[type="checkbox"]');
    expect(squash(page().querySelector('[data-testid="loss-confirmation"] label')?.textContent)).toBe(
      'Publish version 3 without 672 level descriptions, 1 behaviour indicator, 30 translations (no French at all), the licence text and the attribution text of version 2',
    );
    expect(checkbox?.checked).toBe(false);

    // Not confirmed: nothing is sent, the box says why and takes the focus.
    await press('Import');
    http().expectNone(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId));
    expect(text('#loss-error')).toBe('Tick the box to publish a version that loses this content, or go back and choose another file.');
    expect(document.activeElement).toBe(checkbox);
    expect(checkbox?.getAttribute('aria-describedby')).toContain('loss-error');

    checkbox?.click();
    await settle();
    expect(page().querySelector('#loss-error')).toBeNull();
    await press('Import');
    const commit = http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId));
    expect(commit.request.body).toEqual({ acceptContentLoss: true });
    commit.flush(oecdCommitResult());
    await settle();
    expect(selectedStep()).toBe('Done');
  });

  it('asks for the confirmation a commit was refused for when the framework changed since the preview', async () => {
    await uploadAndPreview(oecdNewVersionPreview());
    await press('Continue');
    expect(page().querySelector('[data-testid="loss-confirmation"]')).toBeNull();
    await press('Import');
    http()
      .expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId))
      .flush(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'acceptContentLoss must be true to publish this file as version 3: it would lose 1 indicator of version 2.',
          errors: [
            {
              field: 'acceptContentLoss',
              message: 'must be true to publish this file as version 3: it would lose 1 indicator of version 2',
            },
          ],
        },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    http().expectOne(ApiRoutes.frameworkImport(IMPORT_FIXTURE_IDS.importId)).flush(oecdLossyPreview());
    await settle();

    expect(selectedStep()).toBe('Confirm');
    expect(text('[data-testid="commit-error"]')).toContain('acceptContentLoss must be true to publish this file as version 3');
    expect(text('[data-testid="commit-error"]')).not.toContain('already been imported');
    expect(page().querySelector('[data-testid="loss-confirmation"] input[type="checkbox"]')).not.toBeNull();
  });

  it('asks whether a file that shares only its identifier with a framework is a new version of it or a new framework', async () => {
    await uploadAndPreview(sharedIdentifierPreview());
    expect(text('[data-testid="import-outcome"]')).toBe(
      'The file carries the identifier of Map skills but shares little else with it: choose below what it is.',
    );
    expect(text('[data-testid="import-target"] legend')).toBe('A new version of Map skills, or a new framework?');
    expect(text('#target-hint')).toBe(
      'This file has the identifier of Map skills (MS), but compared with its version 1, its title is 0 % alike, 10 % of the categories and competencies are in both. Publishers sometimes give different frameworks one identifier.',
    );
    const radios = Array.from(page().querySelectorAll('[data-testid="import-target"] mat-radio-button')).map((radio) =>
      squash(radio.textContent),
    );
    expect(radios).toEqual(['A new version (v2) of Map skills', 'A new framework, kept apart from Map skills']);
    // As a new version, it would lose the three competencies of Map skills.
    expect(page().querySelector('[data-testid="import-loss"]')).not.toBeNull();

    // Not answered: Continue stays, says why and focuses the first choice.
    await press('Continue');
    expect(selectedStep()).toBe('Preview');
    expect(text('#target-error')).toBe('Choose whether the file is a new version or a new framework.');
    expect(document.activeElement?.getAttribute('value')).toBe('new-version');

    page().querySelector<HTMLInputElement>('[data-testid="import-target"] mat-radio-button[value="new-framework"] input')?.click();
    await settle();
    expect(page().querySelector('#target-error')).toBeNull();
    expect(page().querySelector('[data-testid="import-loss"]')).toBeNull();
    expect(text('[data-testid="import-outcome"]')).toBe('A new framework, kept apart from Map skills, whose identifier it carries.');

    await press('Continue');
    expect(selectedStep()).toBe('Confirm');
    expect(text('[data-testid="import-consequence"]')).toBe(
      'This publishes Item types test as version 1 of a new framework; Map skills stays as it is.',
    );
    expect(page().querySelector('[data-testid="loss-confirmation"]')).toBeNull();
    await press('Import');
    const commit = http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId));
    expect(commit.request.body).toEqual({ target: 'new-framework' });
    commit.flush(oecdCommitResult({ versionNumber: 1 }));
    await settle();
    expect(text('[data-testid="import-done"]')).toBe('Item types test is published as version 1.');
  });

  it('sends a new version with its losses accepted when that is the answer', async () => {
    await uploadAndPreview(sharedIdentifierPreview());
    page().querySelector<HTMLInputElement>('[data-testid="import-target"] mat-radio-button[value="new-version"] input')?.click();
    await settle();
    expect(text('[data-testid="import-outcome"]')).toBe('A new version (v2) of Map skills; the current version is v1.');
    await press('Continue');
    page().querySelector<HTMLInputElement>('[data-testid="loss-confirmation"] input[type="checkbox"]')?.click();
    await settle();
    await press('Import');
    expect(http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId)).request.body).toEqual({
      target: 'new-version',
      acceptContentLoss: true,
    });
  });

  it('publishes a framework without competencies only once that is confirmed', async () => {
    await uploadAndPreview(emptyPreview());
    expect(text('[data-testid="import-empty"]')).toContain('The file holds no competencies');
    await press('Continue');
    const checkbox = page().querySelector<HTMLInputElement>('[data-testid="empty-confirmation"] input[type="checkbox"]');
    expect(squash(page().querySelector('[data-testid="empty-confirmation"] label')?.textContent)).toBe(
      'Publish Empty test document without any competencies',
    );

    await press('Import');
    http().expectNone(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId));
    expect(text('#empty-error')).toBe('Tick the box to publish a framework without competencies, or go back and choose another file.');
    expect(document.activeElement).toBe(checkbox);

    checkbox?.click();
    await settle();
    await press('Import');
    expect(http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId)).request.body).toEqual({ acceptEmpty: true });
  });

  it('asks which scale to rate a file without levels on: the generic 1–5 scale unless changed', async () => {
    await uploadAndPreview(levelLessPreview());
    // The library is searched only once another framework's scale is asked for.
    http().expectNone((req) => req.url === ApiRoutes.frameworks);
    expect(text('[data-testid="import-scale"] legend')).toBe('Rate its competencies on');
    expect(page().querySelector<HTMLInputElement>('[data-testid="import-scale"] mat-radio-button[value="generic"] input')?.checked).toBe(
      true,
    );
    await press('Continue');
    expect(text('[data-testid="import-scale-consequence"]')).toBe('Its competencies are rated on the generic 1–5 proficiency scale.');
    await press('Import');
    expect(http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId)).request.body).toEqual({
      scale: { source: 'generic' },
    });
  });

  it("rates a file without levels on another framework's scale once one is picked from the library", async () => {
    await uploadAndPreview(levelLessPreview());
    page().querySelector<HTMLInputElement>('[data-testid="import-scale"] mat-radio-button[value="framework"] input')?.click();
    await settle();
    const search = page().querySelector<HTMLInputElement>('[data-testid="import-scale"] [data-testid="scale-framework"]');
    expect(search?.labels?.[0]?.textContent?.trim()).toBe('Framework whose scale to use');
    await press('Continue');
    expect(selectedStep()).toBe('Preview');
    expect(text('[data-testid="import-scale"] mat-error')).toBe('Choose the framework whose scale to use from the list');
    http().expectNone(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId));

    // Focus goes to the search, which lists the library's first frameworks.
    expect(document.activeElement).toBe(search);
    const first = http().expectOne((req) => req.url === ApiRoutes.frameworks && !req.params.has('q'));
    expect(first.request.params.get('pageSize')).toBe('10');
    first.flush(libraryPage());
    await settle();
    const options = Array.from(document.querySelectorAll('mat-option'));
    expect(options.map((option) => squash(option.textContent))).toEqual(['SFIA 9 · SFIA 9', 'ECF-C 4.0 · e-CF area C']);
    (options[0] as HTMLElement).click();
    await settle();
    expect(search?.value).toBe('SFIA · SFIA 9');
    expect(page().querySelector('[data-testid="import-scale"] mat-error')).toBeNull();
    await press('Continue');
    expect(text('[data-testid="import-scale-consequence"]')).toBe('Its competencies are rated on the scale of SFIA 9.');
    await press('Import');
    expect(http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId)).request.body).toEqual({
      scale: { source: 'framework', frameworkVersionId: 'v-sfia' },
    });
  });

  it('sends no scale when the placeholder is kept, and asks nothing of a file with levels', async () => {
    await uploadAndPreview(levelLessPreview());
    page().querySelector<HTMLInputElement>('[data-testid="import-scale"] mat-radio-button[value="placeholder"] input')?.click();
    await settle();
    await press('Continue');
    await press('Import');
    expect(http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId)).request.body).toEqual({});
  });

  it('lists the errors of an invalid file with their places, and goes back to choose another file', async () => {
    chooseFormat('moodle-csv');
    chooseFile(new File(['x'], 'broken.csv'));
    await settle();
    await submit();
    expectUpload().flush(importInvalidProblem(), { status: 422, statusText: 'Unprocessable Entity' });
    await settle();

    expect(selectedStep()).toBe('Preview');
    const heading = currentStep().querySelector('h2');
    expect(squash(heading?.textContent)).toBe('broken.csv cannot be imported');
    expect(document.activeElement).toBe(heading);
    expect(page().querySelector('[data-testid="import-errors-summary"]')?.getAttribute('role')).toBe('alert');
    expect(text('[data-testid="import-errors-summary"]')).toBe(
      'The file cannot be imported: broken.csv is not a valid moodle-csv file: 2 errors.',
    );
    const rows = Array.from(page().querySelectorAll('[data-testid="import-errors"] tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => squash(td.textContent)),
    );
    expect(rows).toEqual([
      ['row 1', 'has 10 columns; the Moodle format has 14'],
      ['row 12, column 1 (Parent id number)', 'makes a cycle: a → b → a'],
    ]);
    expect(currentStep().textContent).not.toContain('Continue');
    // The 422 lists the file's warnings beside its errors.
    expect(
      Array.from(page().querySelectorAll('[data-testid="invalid-file-warnings"] tbody tr')).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map((td) => squash(td.textContent)),
      ),
    ).toEqual([['file', 'The file is not UTF-8; it was read as Windows-1252.']]);

    await press('Choose another file');
    expect(selectedStep()).toBe('Upload');
    expect(document.activeElement?.textContent?.trim()).toBe('Upload a framework file');
    const previewHeader = page().querySelectorAll('[role="tab"]')[1];
    expect(previewHeader.querySelector('.mat-step-icon-state-error')).not.toBeNull();
    expect(squash(previewHeader.textContent)).toContain('Has errors');

    chooseFile(OECD_CSV());
    await submit();
    expectUpload().flush(oecdImportPreview(), { status: 201, statusText: 'Created' });
    await settle();
    expect(selectedStep()).toBe('Preview');
    expect(page().querySelector('[data-testid="import-errors"]')).toBeNull();
  });

  it('explains a 413 and offers to retry a network failure on the upload step', async () => {
    chooseFormat('moodle-csv');
    chooseFile(OECD_CSV());
    await submit();
    expectUpload().flush(
      { type: 'about:blank', title: 'Payload Too Large', status: 413 },
      { status: 413, statusText: 'Payload Too Large' },
    );
    await settle();
    expect(selectedStep()).toBe('Upload');
    expect(text('[data-testid="upload-error"]')).toBe('The file is too large. Proficio imports files of up to 25 MB.');

    await submit();
    expectUpload().error(new ProgressEvent('error'), { status: 0 });
    await settle();
    const alert = page().querySelector('[data-testid="upload-error"]') as HTMLElement;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(squash(alert.textContent)).toContain('The Proficio API could not be reached');

    await press('Try again', alert);
    expectUpload().flush(oecdImportPreview(), { status: 201, statusText: 'Created' });
    await settle();
    expect(selectedStep()).toBe('Preview');
  });

  it('commits with a busy state, then links to the new framework version and can start again', async () => {
    await uploadAndPreview(oecdNewVersionPreview());
    await press('Continue');

    await press('Import');
    const commit = http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId));
    expect(commit.request.method).toBe('POST');
    expect(commit.request.body).toEqual({});
    const busy = page().querySelector('[data-testid="commit-button"]') as HTMLButtonElement;
    expect(squash(busy.textContent)).toBe('Importing…');
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(text('[data-testid="import-status"]')).toBe('Importing…');
    busy.click();
    await settle();
    http().expectNone(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId));

    commit.flush(oecdCommitResult());
    await settle();
    expect(selectedStep()).toBe('Done');
    expect(document.activeElement?.textContent?.trim()).toBe('Imported');
    expect(text('[data-testid="import-done"]')).toBe('OECD is published as version 3.');
    const open = page().querySelector('[data-testid="open-framework"]') as HTMLAnchorElement;
    expect(squash(open.textContent)).toBe('Open OECD');
    expect(open.getAttribute('href')).toBe(`/frameworks/${IMPORT_FIXTURE_IDS.committedVersionId}`);

    // The earlier steps cannot be reopened once the import is written.
    const uploadHeader = page().querySelector('[role="tab"]') as HTMLElement;
    uploadHeader.click();
    await settle();
    expect(selectedStep()).toBe('Done');

    await press('Import another');
    expect(selectedStep()).toBe('Upload');
    const states = Array.from(page().querySelectorAll('.mat-step-icon')).map((icon) =>
      icon.classList.contains('mat-step-icon-state-number'),
    );
    expect(states).toEqual([true, true, true, true]);
    expect(page().querySelector('[data-testid="chosen-file"]')).toBeNull();
    expect(page().querySelector<HTMLInputElement>('mat-radio-button input:checked')).toBeNull();
  });

  it('opens the framework from the done step', async () => {
    await uploadAndPreview();
    await press('Continue');
    await press('Import');
    http()
      .expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId))
      .flush(oecdCommitResult({ versionNumber: 1 }));
    await settle();

    (page().querySelector('[data-testid="open-framework"]') as HTMLAnchorElement).click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/frameworks/${IMPORT_FIXTURE_IDS.committedVersionId}`);
  });

  it('says when nothing new was written', async () => {
    await uploadAndPreview();
    await press('Continue');
    await press('Import');
    http()
      .expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId))
      .flush(oecdCommitResult({ created: false, versionNumber: 2 }));
    await settle();

    expect(text('[data-testid="import-done"]')).toBe('Nothing new was written: version 2 of OECD already holds exactly this content.');
  });

  it('shows a failed commit with a retry, and treats a 409 as already imported', async () => {
    await uploadAndPreview();
    await press('Continue');
    await press('Import');
    http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId)).error(new ProgressEvent('error'), { status: 0 });
    await settle();

    const alert = page().querySelector('[data-testid="commit-error"]') as HTMLElement;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(squash(alert.textContent)).toContain('Could not import the framework. The Proficio API could not be reached');
    expect(selectedStep()).toBe('Confirm');

    await press('Try again');
    http()
      .expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId))
      .flush({ type: 'about:blank', title: 'Conflict', status: 409 }, { status: 409, statusText: 'Conflict' });
    await settle();
    http()
      .expectOne(ApiRoutes.frameworkImport(IMPORT_FIXTURE_IDS.importId))
      .flush(oecdImportPreview({ status: 'committed', committedVersionId: IMPORT_FIXTURE_IDS.committedVersionId }));
    await settle();

    expect(selectedStep()).toBe('Done');
    expect(text('[data-testid="import-done"]')).toBe('This file had already been imported: OECD is published as version 1.');
    expect(page().querySelector('[data-testid="open-framework"]')?.getAttribute('href')).toBe(
      `/frameworks/${IMPORT_FIXTURE_IDS.committedVersionId}`,
    );
  });
});
