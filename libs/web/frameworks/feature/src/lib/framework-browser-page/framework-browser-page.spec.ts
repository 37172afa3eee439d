import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MAT_TABS_CONFIG } from '@angular/material/tabs';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, FrameworkTree } from '@proficio/shared/contracts';
import {
  FIXTURE_IDS,
  competencyDetailFromTree,
  ecfAreaCRunTree,
  frameworkOutlineFromTree,
  serviceManagementProcessesTree,
  sfiaItmgTree,
  sfiaSlmoTree,
} from '@proficio/web/frameworks/data-access/testing';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { FrameworkBrowserPage } from './framework-browser-page';

@Component({ template: '<h1>Library stub</h1>' })
class LibraryStub {}

describe('FrameworkBrowserPage', () => {
  let harness: RouterTestingHarness;
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'frameworks', component: LibraryStub },
        { path: 'frameworks/:id', component: FrameworkBrowserPage },
      ]),
      // jsdom runs no CSS transitions: switch tabs without waiting for one.
      { provide: MAT_TABS_CONFIG, useValue: { animationDuration: '0ms' } },
    ],
  });

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const squash = (value: string | null | undefined): string => value?.replace(/\s+/g, ' ').trim() ?? '';
  const url = (): string => TestBed.inject(Router).url;
  const settle = () => harness.fixture.whenStable();
  const expectTree = (id: string): TestRequest => http().expectOne((req) => req.url === ApiRoutes.frameworkOutline(id));
  const competencyRequests = (): TestRequest[] => http().match((req) => req.url.startsWith(`${ApiRoutes.competencies}/`));
  const treeItems = (): HTMLElement[] => Array.from(page().querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const detail = (): HTMLElement => page().querySelector('[data-testid="competency-detail"]') as HTMLElement;
  const tabs = (): HTMLElement[] => Array.from(page().querySelectorAll<HTMLElement>('[role="tab"]'));
  const activePanel = (): HTMLElement => page().querySelector('[role="tabpanel"].mat-mdc-tab-body-active .level-panel') as HTMLElement;
  const listTexts = (root: Element | null, selector: string): string[] =>
    Array.from(root?.querySelectorAll(selector) ?? []).map((el) => squash(el.textContent));

  beforeEach(async () => {
    harness = await RouterTestingHarness.create();
  });

  /** Answers the page's requests for competencies' levels from `tree`, and lets it show them. */
  async function answerCompetencies(tree: FrameworkTree): Promise<void> {
    await settle();
    for (const req of competencyRequests()) {
      expect(req.request.params.get('lang')).toBe(tree.requestedLanguage);
      req.flush(competencyDetailFromTree(tree, decodeURIComponent(req.request.url.split('/').pop() ?? '')));
    }
    await settle();
  }

  /** Answers an outline request with `tree`'s outline, then the competency the page selects. */
  async function answer(req: TestRequest, tree: FrameworkTree): Promise<void> {
    req.flush(frameworkOutlineFromTree(tree));
    await answerCompetencies(tree);
  }

  /** Navigates to a browser URL and answers its outline request and the selected competency's. */
  async function open(path: string, tree: FrameworkTree): Promise<TestRequest> {
    await harness.navigateByUrl(path);
    const req = expectTree(tree.id);
    await answer(req, tree);
    return req;
  }

  it('says a framework without a version label has none, instead of "Version unversioned"', async () => {
    await harness.navigateByUrl(`/frameworks/${FIXTURE_IDS.sfiaItmg}`);
    await answer(expectTree(FIXTURE_IDS.sfiaItmg), { ...sfiaItmgTree(), versionLabel: 'unversioned' });
    const header = squash(page().querySelector('.framework-header')?.textContent);
    expect(header).toContain('No version label');
    expect(header).not.toContain('unversioned');
  });

  it('shows a labelled progress indicator, then the framework header with its attribution', async () => {
    await harness.navigateByUrl(`/frameworks/${FIXTURE_IDS.sfiaItmg}`);
    expect(page().querySelector('[data-testid="browser-loading"] [role="progressbar"]')?.getAttribute('aria-label')).toBe(
      'Loading the framework',
    );
    const req = expectTree(FIXTURE_IDS.sfiaItmg);
    expect(req.request.params.has('lang')).toBe(false);
    await answer(req, sfiaItmgTree());

    expect(squash(page().querySelector('h1')?.textContent)).toBe('SFIA 9: Technology service management (ITMG)');
    const header = squash(page().querySelector('.framework-header')?.textContent);
    expect(header).toContain('Version 9');
    expect(header).toContain('Published by SFIA Foundation');
    expect(header).not.toContain('No version label');
    const attribution = squash(page().querySelector('[data-testid="attribution"]')?.textContent);
    expect(attribution).toContain('SFIA content © SFIA Foundation');
    expect(attribution).toContain('requires your own SFIA licence');
    expect(attribution).toContain('Licence: SFIA licence');
  });

  it('renders the category tree with categories and their competencies', async () => {
    await open(`/frameworks/${FIXTURE_IDS.ecfAreaCRun}`, ecfAreaCRunTree());

    const tree = page().querySelector('[role="tree"]');
    expect(tree?.getAttribute('aria-label')).toBe('Categories and competencies');
    expect(treeItems().map((item) => squash(item.textContent))).toEqual([
      'C RUN',
      'C.1 User Support',
      'C.2 Change Support',
      'C.3 Service Delivery',
      'C.4 Problem Management',
      'C.5 Systems Management',
    ]);
    expect(treeItems()[0].getAttribute('aria-expanded')).toBe('true');
    expect(treeItems()[1].getAttribute('aria-level')).toBe('2');
    // The first competency is shown until one is chosen.
    expect(treeItems()[1].getAttribute('aria-selected')).toBe('true');
    expect(squash(detail().querySelector('h2')?.textContent)).toBe('C.1 User Support');
    expect(page().textContent).toContain('Related certifications: VeriSM™ Foundation (EXIN)');
  });

  it('selecting a competency puts it in the URL and shows its levels', async () => {
    await open(`/frameworks/${FIXTURE_IDS.ecfAreaCRun}`, ecfAreaCRunTree());

    treeItems()[4].click();
    await answerCompetencies(ecfAreaCRunTree());

    expect(url()).toBe(`/frameworks/${FIXTURE_IDS.ecfAreaCRun}?competency=${FIXTURE_IDS.ecfAreaCRun}-c.4`);
    expect(squash(detail().querySelector('h2')?.textContent)).toBe('C.4 Problem Management');
    expect(tabs().map((tab) => squash(tab.textContent))).toEqual(['e-2', 'e-3', 'e-4']);
    expect(detail().textContent).toContain('Defined at 3 of 5 levels: e-2, e-3, e-4.');
    expect(activePanel().textContent).toContain('Identifies and classifies incident types');
  });

  it('opens a competency from the keyboard', async () => {
    await open(`/frameworks/${FIXTURE_IDS.ecfAreaCRun}`, ecfAreaCRunTree());

    const tree = page().querySelector('[role="tree"]') as HTMLElement;
    tree.focus();
    tree.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settle();
    expect(tree.getAttribute('aria-activedescendant')).toBe(treeItems()[2].id);
    tree.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await answerCompetencies(ecfAreaCRunTree());

    expect(url()).toContain(`competency=${FIXTURE_IDS.ecfAreaCRun}-c.2`);
    expect(squash(detail().querySelector('h2')?.textContent)).toBe('C.2 Change Support');
  });

  it('shows a level’s behaviour indicators and interview questions with their probing questions', async () => {
    const tree = serviceManagementProcessesTree();
    await open(`/frameworks/${tree.id}`, tree);

    expect(tabs().map((tab) => squash(tab.textContent))).toEqual([
      'Level 1 (2 data-quality warnings)',
      'Level 2',
      'Level 3',
      'Level 4 (1 data-quality warning)',
      'Level 5',
    ]);
    const panel = activePanel();
    expect(panel.querySelector('.essence')?.textContent).toContain('Demonstrates introductory understanding');
    const indicators = listTexts(panel, '.indicators > li');
    expect(indicators).toHaveLength(6);
    expect(indicators[0]).toBe('Explains service management processes and concepts.');

    const questions = panel.querySelectorAll('.questions > li');
    expect(questions).toHaveLength(2);
    expect(squash(questions[0].querySelector('.question')?.textContent)).toBe(
      'Describe a situation where you had to explain service management processes and concepts.',
    );
    expect(listTexts(questions[0], '.probes > li')).toEqual([
      'What was the situation?',
      'What was your role at the time?',
      'Who was your audience?',
      'How did you explain these concepts?',
      'What was the outcome?',
    ]);
    expect(questions[0].querySelector('.probes')?.getAttribute('aria-labelledby')).toBe('probes-1-0');
  });

  it('switches level with the tabs and keeps it in ?level=', async () => {
    const tree = serviceManagementProcessesTree();
    await open(`/frameworks/${tree.id}`, tree);

    tabs()[3].click();
    await settle();

    expect(url()).toBe(`/frameworks/${tree.id}?level=4`);
    expect(activePanel().getAttribute('data-level')).toBe('4');
    expect(activePanel().querySelector('h4')?.textContent).toContain('Level 4');
  });

  it('deep-links to a competency at a level, with guidance as a list and change markers', async () => {
    const tree = sfiaItmgTree();
    await open(`/frameworks/${tree.id}?competency=${tree.competencies[0].id}&level=6`, tree);

    expect(tabs().map((tab) => squash(tab.textContent))).toEqual(['Level 5', 'Level 6', 'Level 7']);
    expect(tabs()[1].getAttribute('aria-selected')).toBe('true');
    const panel = activePanel();
    expect(panel.querySelector('.essence')?.textContent).toContain('Has significant organisational influence');
    expect(squash(panel.querySelector('h4')?.textContent)).toBe('Level 6: Initiate, influence modified');
    expect(panel.textContent).toContain('Identifies and manages resources needed for budgeting');

    expect(listTexts(detail(), 'mat-chip')).toEqual(['Description unchanged', 'Guidance notes modified']);
    const guidance = detail().querySelector('.guidance');
    expect(guidance?.querySelector('p')?.textContent).toContain('Technology-based services may include');
    expect(listTexts(guidance, 'li')).toHaveLength(5);
    expect(listTexts(guidance, 'li')[0]).toBe('approving, preparing, planning and managing new or changed services');
  });

  it('accepts a competency code in ?competency= for hand-written links', async () => {
    const tree = sfiaItmgTree();
    await open(`/frameworks/${tree.id}?competency=ITMG&level=7`, tree);
    expect(activePanel().getAttribute('data-level')).toBe('7');
    expect(page().textContent).not.toContain('is not in this framework');
  });

  it('shows a level declared not practised as such', async () => {
    const tree = sfiaSlmoTree();
    await open(`/frameworks/${tree.id}?level=1`, tree);

    expect(squash(tabs()[0].textContent)).toBe('Level 1 (not practised)');
    expect(activePanel().querySelector('h4')?.textContent).toContain('Livello 1');
    expect(page().querySelector('[data-testid="not-practised"]')?.textContent).toContain(
      'Questa abilità non viene in genere osservata o praticata',
    );
  });

  it('marks in the level grid where each competency is defined, and opens a cell', async () => {
    const tree = sfiaItmgTree();
    await open(`/frameworks/${tree.id}?view=grid`, tree);

    const grid = page().querySelector('table.level-grid') as HTMLTableElement;
    const headers = listTexts(grid, 'thead th');
    expect(headers).toEqual([
      'Competency',
      '1 Follow',
      '2 Assist',
      '3 Apply',
      '4 Enable',
      '5 Ensure, advise',
      '6 Initiate, influence',
      '7 Set strategy, inspire, mobilise',
    ]);
    const row = grid.querySelector(`tr[data-competency-id="${tree.competencies[0].id}"]`);
    const cells = Array.from(row?.querySelectorAll('td') ?? []);
    expect(cells.map((cell) => cell.className)).toEqual([
      'cell-none',
      'cell-none',
      'cell-none',
      'cell-none',
      'cell-defined',
      'cell-defined',
      'cell-defined',
    ]);
    expect(cells[5].querySelector('button')?.getAttribute('aria-label')).toBe('ITMG at Level 6: Initiate, influence: defined');

    cells[5].querySelector('button')?.click();
    await answerCompetencies(tree);

    expect(url()).toBe(`/frameworks/${tree.id}?competency=${tree.competencies[0].id}&level=6`);
    expect(page().querySelector('table.level-grid')).toBeNull();
    expect(activePanel().getAttribute('data-level')).toBe('6');
  });

  it('marks not-practised levels in the level grid', async () => {
    const tree = sfiaSlmoTree();
    await open(`/frameworks/${tree.id}?view=grid`, tree);

    const cells = Array.from(page().querySelectorAll('table.level-grid tbody td'));
    expect(cells.map((cell) => cell.className)).toEqual(['cell-not-practised', ...Array.from({ length: 6 }, () => 'cell-defined')]);
    expect(squash(cells[0].textContent)).toBe('Not practised');
  });

  it('switches the view with the toggle', async () => {
    const tree = sfiaItmgTree();
    await open(`/frameworks/${tree.id}`, tree);

    const gridToggle = Array.from(page().querySelectorAll<HTMLButtonElement>('.view-bar button')).find(
      (button) => squash(button.textContent) === 'Level grid',
    );
    gridToggle?.click();
    await settle();

    expect(url()).toBe(`/frameworks/${tree.id}?view=grid`);
    expect(page().querySelector('table.level-grid')).not.toBeNull();
  });

  it('lists the scale with each level’s essence', async () => {
    const tree = sfiaItmgTree();
    await open(`/frameworks/${tree.id}`, tree);

    const scale = page().querySelector('app-scale-panel ol');
    expect(scale?.getAttribute('aria-label')).toBe('SFIA levels of responsibility');
    const levels = listTexts(scale, 'li');
    expect(levels).toHaveLength(7);
    expect(levels[6]).toContain('7 Set strategy, inspire, mobilise');
    expect(levels[6]).toContain('Operates at the highest organisational level');
  });

  it('asks again with ?lang= when the language is switched, and marks texts shown in another language', async () => {
    const id = FIXTURE_IDS.sfiaSlmo;
    await open(`/frameworks/${id}`, sfiaSlmoTree());

    const toggles = Array.from(page().querySelectorAll<HTMLButtonElement>('.language-switch button'));
    expect(toggles.map((button) => squash(button.textContent))).toEqual(['English', 'Italian']);
    expect(toggles[1].getAttribute('aria-checked')).toBe('true');
    expect(page().querySelectorAll('[data-testid="fallback-marker"]')).toHaveLength(0);

    toggles[0].click();
    await settle();

    expect(url()).toBe(`/frameworks/${id}?lang=en`);
    const req = expectTree(id);
    expect(req.request.params.get('lang')).toBe('en');
    await answer(req, sfiaSlmoTree('en'));

    const title = detail().querySelector('h2');
    expect(title?.querySelector('[lang="it"]')?.textContent).toBe('Gestione del livello di servizio');
    expect(title?.querySelector('[data-testid="fallback-marker"]')?.textContent).toBe('shown in Italian');
    expect(page().textContent).toContain('This framework has no text in English; it is shown in Italian.');
    expect(page().querySelector('.language-switch button[aria-checked="true"]')?.textContent).toContain('English');
  });

  it('keeps the competency and level when the language changes', async () => {
    const tree = sfiaSlmoTree();
    const competencyId = tree.competencies[0].id;
    await open(`/frameworks/${tree.id}?competency=${competencyId}&level=5`, tree);

    page().querySelector<HTMLButtonElement>('mat-button-toggle[data-language="en"] button')?.click();
    await settle();
    // The Italian text stays on screen while the new language loads.
    expect(activePanel().getAttribute('data-level')).toBe('5');
    expect(detail().querySelector('h2 [data-testid="fallback-marker"]')).toBeNull();
    await answer(expectTree(tree.id), sfiaSlmoTree('en'));
    expect(detail().querySelector('h2 [data-testid="fallback-marker"]')?.textContent).toBe('shown in Italian');

    expect(url()).toBe(`/frameworks/${tree.id}?competency=${competencyId}&level=5&lang=en`);
    expect(activePanel().getAttribute('data-level')).toBe('5');
  });

  it('lists the warnings with where they apply, and marks them inline', async () => {
    const tree = serviceManagementProcessesTree();
    await open(`/frameworks/${tree.id}`, tree);

    const panel = page().querySelector('[data-testid="warnings-panel"]');
    expect(squash(panel?.querySelector('h2')?.textContent)).toBe('Warnings (3)');
    expect(listTexts(panel, 'li .where')).toEqual([
      'Where: SMP › Level 1 › Behaviour indicator 5',
      'Where: SMP › Level 1 › Behaviour indicator 6',
      'Where: SMP › Level 4 › Behaviour indicator 6',
    ]);
    expect(squash(page().querySelector('.view-bar a[href="#warnings"]')?.textContent)).toContain('3 data-quality warnings');

    const indicators = Array.from(activePanel().querySelectorAll('.indicators > li'));
    const flagged = indicators.map((li) => li.querySelector('[data-testid="warning-marker"]') !== null);
    expect(flagged).toEqual([false, false, false, false, true, true]);
    expect(indicators[4].querySelector('span')?.textContent).toBe('competency-level-behavior.761045.name');
    expect(squash(indicators[4].querySelector('[data-testid="warning-marker"]')?.textContent)).toBe(
      'Data-quality warning: Untranslated placeholder key "competency-level-behavior.761045.name" (en).',
    );
  });

  it('lists the warnings of the file a version was imported from beside its data-quality warnings', async () => {
    const tree = {
      ...serviceManagementProcessesTree(),
      importWarnings: [
        { severity: 'warning' as const, message: 'Column "Taxonomy" is not read.', location: 'row 1, column 12 (Taxonomy)' },
        { severity: 'warning' as const, message: 'The file declares no version.', location: '' },
      ],
    };
    await open(`/frameworks/${tree.id}`, tree);

    const panel = page().querySelector('[data-testid="warnings-panel"]');
    expect(squash(panel?.querySelector('h2')?.textContent)).toBe('Warnings (5)');
    expect(listTexts(panel, 'h3')).toEqual(['Data quality (3)', 'From the imported file (2)']);
    expect(listTexts(panel, '[data-testid="import-warnings"] tbody td.message')).toEqual([
      'Column "Taxonomy" is not read.',
      'The file declares no version.',
    ]);
    const link = squash(page().querySelector('.view-bar a[href="#warnings"]')?.textContent);
    expect(link).toContain('3 data-quality warnings');
    expect(link).toContain('2 from the imported file');
  });

  it('opens the place a warning points at', async () => {
    const tree = serviceManagementProcessesTree();
    await open(`/frameworks/${tree.id}`, tree);

    const show = page().querySelectorAll<HTMLButtonElement>('[data-testid="warnings-panel"] li button');
    show[2].click();
    await answerCompetencies(tree);

    expect(url()).toBe(`/frameworks/${tree.id}?competency=${tree.competencies[0].id}&level=4`);
    const indicators = Array.from(activePanel().querySelectorAll('.indicators > li'));
    expect(indicators[5].querySelector('[data-testid="warning-marker"]')?.textContent).toContain('Text seems cut off mid-sentence');
  });

  it('opens the export of the version shown from the Export button in its header', async () => {
    const tree = sfiaItmgTree();
    await open(`/frameworks/${FIXTURE_IDS.sfiaItmg}`, tree);

    const trigger = page().querySelector<HTMLButtonElement>('.framework-header app-framework-export-menu [data-testid="export-button"]');
    expect(trigger?.textContent?.trim()).toBe('Export');
    trigger?.click();
    await settle();

    const dialog = document.querySelector('mat-dialog-container');
    expect(squash(dialog?.querySelector('h2')?.textContent)).toBe(`Export ${tree.code}`);
    http()
      .expectOne(ApiRoutes.frameworkExportPreview(FIXTURE_IDS.sfiaItmg, 'proficio-json'))
      .flush({ format: 'proficio-json', fileName: 'sfia-itmg-v1.json', mediaType: 'application/json', size: 10, notes: [] });
    await settle();
    expect(squash(dialog?.querySelector('[data-testid="export-file"]')?.textContent)).toMatch(/^sfia-itmg-v1\.json · /);
    TestBed.inject(MatDialog).closeAll();
  });

  it('reads a competency’s levels when it is selected, saying so meanwhile, and shows one read before at once', async () => {
    const tree = ecfAreaCRunTree();
    await harness.navigateByUrl(`/frameworks/${tree.id}`);
    expectTree(tree.id).flush(frameworkOutlineFromTree(tree));
    await settle();
    // The outline is there before any competency's levels.
    expect(treeItems()).toHaveLength(6);
    expect(squash(page().querySelector('[data-testid="competency-loading"]')?.textContent)).toBe('Loading C.1 User Support…');
    const [first, ...others] = competencyRequests();
    expect([first?.request.url, others]).toEqual([ApiRoutes.competency(tree.competencies[0].id), []]);
    first?.flush(competencyDetailFromTree(tree, tree.competencies[0].id));
    await settle();
    expect(page().querySelector('[data-testid="competency-loading"]')).toBeNull();
    expect(squash(detail().querySelector('h2')?.textContent)).toBe('C.1 User Support');

    treeItems()[4].click();
    await settle();
    expect(squash(page().querySelector('[data-testid="competency-loading"]')?.textContent)).toBe('Loading C.4 Problem Management…');
    await answerCompetencies(tree);
    expect(squash(detail().querySelector('h2')?.textContent)).toBe('C.4 Problem Management');

    treeItems()[1].click();
    await settle();
    expect(competencyRequests()).toEqual([]);
    expect(squash(detail().querySelector('h2')?.textContent)).toBe('C.1 User Support');
    expect(activePanel().textContent).toContain('applies basic product knowledge to respond to user requests');
  });

  it('says when a competency’s levels could not be read, with a way to try again', async () => {
    const tree = ecfAreaCRunTree();
    await harness.navigateByUrl(`/frameworks/${tree.id}`);
    expectTree(tree.id).flush(frameworkOutlineFromTree(tree));
    await settle();
    competencyRequests()[0]?.error(new ProgressEvent('error'));
    await settle();

    const error = page().querySelector('[data-testid="competency-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(squash(error?.textContent)).toContain('Could not load C.1 User Support: The Proficio API could not be reached');
    error?.querySelector('button')?.click();
    await answerCompetencies(tree);
    expect(page().querySelector('[data-testid="competency-error"]')).toBeNull();
    expect(squash(detail().querySelector('h2')?.textContent)).toBe('C.1 User Support');
  });

  it.each([
    [404, 'Not Found', 'Framework version nope not found'],
    [400, 'Bad Request', 'Validation failed (uuid is expected)'],
  ])('says the framework is not found on a %s (no such version, or a mistyped address)', async (status, title, detail) => {
    await harness.navigateByUrl('/frameworks/nope');
    expectTree('nope').flush({ type: 'about:blank', title, status, detail }, { status, statusText: title });
    await settle();

    const error = page().querySelector('[data-testid="browser-error"]');
    expect(squash(error?.querySelector('h1')?.textContent)).toBe('Framework not found');
    expect(error?.querySelector('a')?.getAttribute('href')).toBe('/frameworks');
  });

  it('shows other errors with a way to try again', async () => {
    await harness.navigateByUrl(`/frameworks/${FIXTURE_IDS.sfiaItmg}`);
    expectTree(FIXTURE_IDS.sfiaItmg).error(new ProgressEvent('error'));
    await settle();

    const error = page().querySelector('[data-testid="browser-error"]');
    expect(error?.textContent).toContain('The Proficio API could not be reached');
    error?.querySelector('button')?.click();
    await settle();
    await answer(expectTree(FIXTURE_IDS.sfiaItmg), sfiaItmgTree());
    expect(page().querySelector('h1')?.textContent).toContain('SFIA 9');
  });
});
