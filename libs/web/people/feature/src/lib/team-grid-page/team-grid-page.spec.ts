import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, ProblemDetails, RecordAssessmentBatchRequest, TeamGrid } from '@proficio/shared/contracts';
import { DEMO_IDS, TEAM_GRID_IDS, teamGridFixture } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { TeamGridPage } from './team-grid-page';

@Component({ template: '<h1>Stub</h1>' })
class Stub {}

const SARA_C1 = `${DEMO_IDS.sara}/${TEAM_GRID_IDS.c1}`;
const SARA_C4 = `${DEMO_IDS.sara}/${TEAM_GRID_IDS.c4}`;
const SARA_E3 = `${DEMO_IDS.sara}/${TEAM_GRID_IDS.e3}`;
const TOM_C1 = `${DEMO_IDS.tom}/${TEAM_GRID_IDS.c1}`;
const TOM_ITMG = `${DEMO_IDS.tom}/${TEAM_GRID_IDS.itmg}`;
const AISHA_ITMG = `${DEMO_IDS.aisha}/${TEAM_GRID_IDS.itmg}`;

describe('TeamGridPage', () => {
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'team', component: TeamGridPage },
        { path: 'people/:id', component: Stub },
        { path: 'role-profiles', component: Stub },
      ]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const overlay = (): HTMLElement => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const picker = (): HTMLElement | null => overlay()?.querySelector('[data-testid="team-grid-picker"]') ?? null;
  const cell = (key: string): HTMLButtonElement => {
    const found = page().querySelector<HTMLButtonElement>(`button[data-cell="${key}"]`);
    if (!found) throw new Error(`no cell ${key}`);
    return found;
  };
  const label = (key: string) => cell(key).getAttribute('aria-label');
  const testId = (id: string) => page().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const expectGrid = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.teamGrid);
  const press = async (key: string, init: KeyboardEventInit = {}) => {
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
    await settle();
  };

  async function open(url = '/team', grid: TeamGrid = teamGridFixture()): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    expectGrid().flush(grid);
    await settle();
  }

  /** Opens a cell's picker and chooses an option (`level:3`, `not_assessed`, `not_applicable`). */
  async function choose(key: string, option: string): Promise<void> {
    cell(key).click();
    await settle();
    const [kind, level] = option.split(':');
    const selector = kind === 'level' ? `[data-level="${level}"]` : `[data-outcome="${kind}"]`;
    const item = picker()?.querySelector<HTMLElement>(selector);
    if (!item) throw new Error(`no option ${option}`);
    item.click();
    await settle();
  }

  async function typeRationale(text: string): Promise<void> {
    const field = testId('team-grid-rationale') as HTMLTextAreaElement;
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await settle();
  }

  async function save(): Promise<TestRequest> {
    testId('team-grid-save')?.click();
    await settle();
    return http().expectOne(ApiRoutes.assessmentBatch);
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('shows the people as rows and the competencies as columns grouped by framework and category', async () => {
    await open();

    const groups = Array.from(page().querySelectorAll('thead .group')).map((th) => [textOf(th), th.getAttribute('colspan')]);
    expect(groups).toEqual([
      ['e-CF 4.0 C. Run', '2'],
      ['e-CF 4.0 E. Manage', '1'],
      ['SFIA 9 Strategy and architecture', '1'],
    ]);
    expect(Array.from(page().querySelectorAll('thead .competency')).map(textOf)).toEqual([
      'C.1 User Support',
      'C.4 Problem Management',
      'E.3 Risk Management',
      'ITMG IT management',
    ]);
    const names = Array.from(page().querySelectorAll<HTMLAnchorElement>('tbody .person-name'));
    expect(names.map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['Sara Bianchi', `/people/${DEMO_IDS.sara}`],
      ['Tom Becker', `/people/${DEMO_IDS.tom}`],
      ['Aisha Khan', `/people/${DEMO_IDS.aisha}`],
    ]);
    expect(page().querySelectorAll('tbody button.cell')).toHaveLength(12);

    expect(textOf(cell(SARA_C1))).toBe('3 target 4');
    expect(label(SARA_C1)).toBe('Sara Bianchi, C.1 User Support: level 3, target 4');
    expect(label(SARA_C4)).toBe('Sara Bianchi, C.4 Problem Management: not rated, target 3');
    expect(textOf(cell(SARA_C4))).toBe('– target 3');
    // Stale and earlier-version levels carry a mark, and say so in words.
    expect(cell(SARA_E3).querySelector('[data-icon="stale"]')).not.toBeNull();
    expect(label(SARA_E3)).toBe('Sara Bianchi, E.3 Risk Management: level 2, stale');
    expect(cell(TOM_ITMG).querySelector('[data-icon="earlier-version"]')).not.toBeNull();
    expect(label(TOM_ITMG)).toBe('Tom Becker, ITMG IT management: level 5, from an earlier version of the competency');
    expect(textOf(cell(TOM_C1))).toBe('Not applicable target 2');
    expect(textOf(testId('team-grid-region')?.closest('.page')?.querySelector('.legend'))).toContain('stale (older than 12 months)');
    expect(testId('team-grid-save-bar')).toBeNull();
  });

  it('keeps the scope, role profile and framework in the URL and asks the API for them', async () => {
    await open('/team?roleProfileId=' + TEAM_GRID_IDS.analyst);
    const router = TestBed.inject(Router);
    // The request of open() had the role profile; the select names it from the people loaded.
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const roleProfile = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="team-grid-role-profile-filter"]' }));
    expect(await roleProfile.getValueText()).toBe('Service Desk Analyst');

    const line = Array.from(page().querySelectorAll<HTMLButtonElement>('[data-testid="team-grid-scope"] button')).find(
      (button) => textOf(button) === 'Whole line',
    );
    line?.click();
    await settle();
    expect(router.url).toBe(`/team?roleProfileId=${TEAM_GRID_IDS.analyst}&scope=line`);
    const request = expectGrid();
    expect(request.request.params.get('scope')).toBe('line');
    expect(request.request.params.get('roleProfileId')).toBe(TEAM_GRID_IDS.analyst);
    request.flush(teamGridFixture());
    await settle();

    const framework = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="team-grid-framework-filter"]' }));
    await framework.open();
    expect(await Promise.all((await framework.getOptions()).map((option) => option.getText()))).toEqual([
      'Any framework',
      'European e-Competence Framework 4.0',
      'SFIA 9',
    ]);
    await framework.clickOptions({ text: 'SFIA 9' });
    await settle();
    expect(router.url).toContain(`frameworkId=${TEAM_GRID_IDS.sfia}`);
    expect(expectGrid().request.params.get('frameworkId')).toBe(TEAM_GRID_IDS.sfia);
  });

  it('opens a level picker on a cell: the competency’s own levels with their descriptions, and the two answers without a level', async () => {
    await open();
    cell(SARA_C4).click();
    await settle();

    expect(textOf(picker()?.querySelector('h2'))).toBe('Sara Bianchi · C.4 Problem Management');
    const options = Array.from(picker()?.querySelectorAll<HTMLElement>('[role="option"]') ?? []);
    expect(options.map((option) => option.getAttribute('aria-label') ?? textOf(option.querySelector('.option-name')))).toEqual([
      '2 Professional',
      '3 Senior professional',
      '4 Lead professional',
      'Not assessed',
      'Not applicable',
    ]);
    // Each level's description is there, and is what assistive technology reads as the option's description.
    const three = options[1];
    const description = document.getElementById(three.getAttribute('aria-describedby') ?? '');
    expect(textOf(description)).toBe('Respected for innovative methods and use of initiative.');
    // Focus goes into the picker.
    expect(picker()?.contains(document.activeElement)).toBe(true);

    three.click();
    await settle();
    expect(picker()).toBeNull();
    expect(textOf(cell(SARA_C4))).toBe('3 target 3');
    expect(cell(SARA_C4).closest('td')?.classList).toContain('changed');
    expect(cell(SARA_C4).querySelector('[data-icon="changed"]')).not.toBeNull();
    expect(label(SARA_C4)).toBe('Sara Bianchi, C.4 Problem Management: level 3, target 3, changed from not rated, not saved');
    expect(textOf(testId('team-grid-save-bar')?.querySelector('h2'))).toBe('1 unsaved change');
    expect(textOf(testId('team-grid-save'))).toBe('Save 1 change');
    expect(document.activeElement).toBe(cell(SARA_C4));
    expect(textOf(testId('team-grid-status'))).toBe('Sara Bianchi, C.4 Problem Management: level 3. 1 change not saved.');
  });

  it('closes the picker on Escape without changing the cell, and returns focus to it', async () => {
    await open();
    cell(SARA_C1).click();
    await settle();
    expect(picker()).not.toBeNull();
    // The overlay reads keyCode.
    await press('Escape', { keyCode: 27 });
    expect(picker()).toBeNull();
    expect(document.activeElement).toBe(cell(SARA_C1));
    expect(testId('team-grid-save-bar')).toBeNull();
  });

  it('closes the picker without a change when the level the cell shows is chosen again', async () => {
    await open();
    cell(SARA_C1).click();
    await settle();
    const shown = picker()?.querySelector<HTMLElement>('[data-level="3"]');
    expect(shown?.getAttribute('aria-selected')).toBe('true');
    shown?.click();
    await settle();
    expect(picker()).toBeNull();
    expect(document.activeElement).toBe(cell(SARA_C1));
    expect(testId('team-grid-save-bar')).toBeNull();
  });

  it('rates a stale level again at the same level, and undoes a change from the picker', async () => {
    await open();
    cell(SARA_E3).click();
    await settle();
    (picker()?.querySelector('[data-testid="team-grid-confirm"]') as HTMLButtonElement).click();
    await settle();
    expect(label(SARA_E3)).toBe('Sara Bianchi, E.3 Risk Management: level 2, changed from level 2, not saved');

    cell(SARA_E3).click();
    await settle();
    (picker()?.querySelector('[data-testid="team-grid-undo"]') as HTMLButtonElement).click();
    await settle();
    expect(label(SARA_E3)).toBe('Sara Bianchi, E.3 Risk Management: level 2, stale');
    expect(testId('team-grid-save-bar')).toBeNull();
  });

  it('saves every change in one batch with the shared rationale and each cell’s basedOn, then reloads the grid', async () => {
    await open();
    await choose(SARA_C1, 'level:4');
    await choose(SARA_C4, 'not_assessed');
    await choose(TOM_C1, 'level:2');
    expect(textOf(testId('team-grid-save'))).toBe('Save 3 changes');

    await typeRationale('  Reviewed in the March one-to-ones  ');
    const request = await save();
    expect(request.request.body).toEqual<RecordAssessmentBatchRequest>({
      assessments: [
        {
          employeeId: DEMO_IDS.sara,
          competencyId: TEAM_GRID_IDS.c1,
          role: 'manager',
          outcome: 'rated',
          level: 4,
          rationale: 'Reviewed in the March one-to-ones',
          basedOn: TEAM_GRID_IDS.saraC1,
        },
        {
          employeeId: DEMO_IDS.sara,
          competencyId: TEAM_GRID_IDS.c4,
          role: 'manager',
          outcome: 'not_assessed',
          rationale: 'Reviewed in the March one-to-ones',
          basedOn: null,
        },
        {
          employeeId: DEMO_IDS.tom,
          competencyId: TEAM_GRID_IDS.c1,
          role: 'manager',
          outcome: 'rated',
          level: 2,
          rationale: 'Reviewed in the March one-to-ones',
          basedOn: TEAM_GRID_IDS.tomC1,
        },
      ],
    });
    request.flush({ items: [] }, { status: 201, statusText: 'Created' });
    await settle();

    expect(testId('team-grid-save-bar')).toBeNull();
    expect(textOf(testId('team-grid-status'))).toBe('Saved 3 assessments.');
    expectGrid().flush(teamGridFixture());
    await settle();
    expect(label(SARA_C1)).toBe('Sara Bianchi, C.1 User Support: level 3, target 4');
  });

  it('asks for a rationale before saving, and sends nothing without one', async () => {
    await open();
    await choose(SARA_C1, 'level:4');
    await typeRationale('   ');
    testId('team-grid-save')?.click();
    await settle();
    http().expectNone(ApiRoutes.assessmentBatch);
    expect(textOf(testId('team-grid-save-bar')?.querySelector('mat-error'))).toBe(
      "Say why: a rationale is required for a manager's assessment",
    );
    expect(document.activeElement).toBe(testId('team-grid-rationale'));
  });

  it('shows a refused record’s errors on its cell and keeps every change', async () => {
    await open();
    await choose(SARA_C1, 'level:4');
    await choose(TOM_C1, 'level:2');
    await typeRationale('Quarterly review');
    const refused: ProblemDetails = {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      errors: [{ field: 'assessments.1.level', message: 'is not a level of C.1: choose one of 1, 2, 3, 4' }],
    };
    (await save()).flush(refused, { status: 400, statusText: 'Bad Request' });
    await settle();

    expect(label(TOM_C1)).toBe(
      'Tom Becker, C.1 User Support: level 2, target 2, changed from not applicable, not saved, error: Level is not a level of C.1: choose one of 1, 2, 3, 4',
    );
    expect(cell(TOM_C1).closest('td')?.classList).toContain('invalid');
    expect(cell(TOM_C1).querySelector('[data-icon="error"]')).not.toBeNull();
    expect(cell(SARA_C1).closest('td')?.classList).not.toContain('invalid');
    expect(textOf(testId('team-grid-save-error')?.querySelector('.refusal-title'))).toBe('Nothing was saved.');
    expect(textOf(testId('team-grid-save-error')?.querySelector('app-problem-details'))).toBe('Invalid request');
    expect(textOf(testId('team-grid-cell-errors'))).toBe(
      'Tom Becker · C.1 User Support : Level is not a level of C.1: choose one of 1, 2, 3, 4',
    );
    expect(textOf(testId('team-grid-save'))).toBe('Save 2 changes');
    expect((testId('team-grid-rationale') as HTMLTextAreaElement).value).toBe('Quarterly review');

    // The error list takes you to the cell; choosing again clears its error.
    (testId('team-grid-cell-errors')?.querySelector('button') as HTMLButtonElement).click();
    await settle();
    expect(document.activeElement).toBe(cell(TOM_C1));
    await choose(TOM_C1, 'level:1');
    expect(cell(TOM_C1).closest('td')?.classList).not.toContain('invalid');
  });

  it('puts an error about the rationale on the rationale field', async () => {
    await open();
    await choose(SARA_C1, 'level:4');
    await typeRationale('x');
    (await save()).flush(
      {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'assessments.0.rationale', message: 'must be shorter than 5000 characters' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(testId('team-grid-save-bar')?.querySelector('mat-error'))).toBe('must be shorter than 5000 characters');
    expect(cell(SARA_C1).closest('td')?.classList).not.toContain('invalid');
  });

  it('on a 409, reloads the grid, names the cells someone else saved since, and lets the manager keep or drop their changes', async () => {
    await open();
    await choose(SARA_C1, 'level:2');
    await choose(SARA_C4, 'level:3');
    await typeRationale('Quarterly review');
    (await save()).flush(
      {
        type: 'urn:proficio:problem:stale-assessment',
        title: 'A newer assessment exists',
        status: 409,
        detail: 'Someone saved an assessment since the form was opened: look at it, then save again based on it.',
        errors: [{ field: 'assessments.0.basedOn', message: 'is not the latest assessment' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(cell(SARA_C1).querySelector('[data-icon="conflict"]')).not.toBeNull();
    expect(cell(SARA_C4).querySelector('[data-icon="conflict"]')).toBeNull();

    // The reloaded grid shows what was saved since: level 4, by someone else.
    const newer = teamGridFixture();
    const [saraC1, ...others] = newer.cells;
    if (!saraC1.manager) throw new Error('the fixture has a level for Sara on C.1');
    newer.cells = [
      { ...saraC1, manager: { ...saraC1.manager, level: 4, levelCode: '4', assessmentId: 'a-newer', assessedOn: '2026-04-01' } },
      ...others,
    ];
    expectGrid().flush(newer);
    await settle();
    expect(textOf(testId('team-grid-conflicts'))).toContain('Sara Bianchi · C.1 User Support : now level 4');
    expect(textOf(testId('team-grid-conflicts'))).toContain('yours: level 2');
    expect(label(SARA_C1)).toContain('someone else saved a newer level since you loaded the grid');
    expect(textOf(testId('team-grid-save'))).toBe('Save 2 changes');

    testId('team-grid-keep-mine')?.click();
    await settle();
    expect(testId('team-grid-conflicts')).toBeNull();
    const again = await save();
    expect(again.request.body.assessments.map((record: { basedOn: string | null }) => record.basedOn)).toEqual(['a-newer', null]);
    again.flush({ items: [] }, { status: 201, statusText: 'Created' });
    await settle();
    expectGrid().flush(newer);
    await settle();
  });

  it('drops the changes to the cells saved by someone else, keeping the others', async () => {
    await open();
    await choose(SARA_C1, 'level:2');
    await choose(SARA_C4, 'level:3');
    await typeRationale('Quarterly review');
    (await save()).flush(
      {
        type: 'about:blank',
        title: 'A newer assessment exists',
        status: 409,
        errors: [{ field: 'assessments.0.basedOn', message: 'stale' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expectGrid().flush(teamGridFixture());
    await settle();
    testId('team-grid-drop-mine')?.click();
    await settle();
    expect(label(SARA_C1)).toBe('Sara Bianchi, C.1 User Support: level 3, target 4');
    expect(textOf(testId('team-grid-save'))).toBe('Save 1 change');
  });

  it('discards the changes only after confirmation', async () => {
    await open();
    await choose(SARA_C1, 'level:4');
    await choose(TOM_ITMG, 'level:6');

    testId('team-grid-discard')?.click();
    await settle();
    const dialog = () => overlay().querySelector('mat-dialog-container') as HTMLElement;
    expect(textOf(dialog().querySelector('h2'))).toBe('Discard 2 changes?');
    const button = (text: string) => Array.from(dialog().querySelectorAll<HTMLButtonElement>('button')).find((b) => textOf(b) === text);
    button('Cancel')?.click();
    await settle();
    expect(textOf(testId('team-grid-save'))).toBe('Save 2 changes');

    testId('team-grid-discard')?.click();
    await settle();
    button('Discard changes')?.click();
    await settle();
    expect(testId('team-grid-save-bar')).toBeNull();
    expect(label(SARA_C1)).toBe('Sara Bianchi, C.1 User Support: level 3, target 4');
    expect(textOf(testId('team-grid-status'))).toBe('2 changes discarded.');
    http().expectNone(ApiRoutes.assessmentBatch);
  });

  it('moves between cells with the arrow keys, with one cell in the tab order (roving tabindex)', async () => {
    await open();
    const tabbable = () => Array.from(page().querySelectorAll<HTMLElement>('[data-testid="team-grid"] [tabindex="0"]'));
    expect(tabbable().map(textOf)).toEqual(['Sara Bianchi']);

    tabbable()[0].focus();
    await settle();
    await press('ArrowRight');
    expect(document.activeElement).toBe(cell(SARA_C1));
    expect(tabbable()).toEqual([cell(SARA_C1)]);
    await press('ArrowRight');
    expect(document.activeElement).toBe(cell(SARA_C4));
    await press('ArrowDown');
    expect(document.activeElement).toBe(cell(`${DEMO_IDS.tom}/${TEAM_GRID_IDS.c4}`));
    await press('ArrowLeft');
    expect(document.activeElement).toBe(cell(TOM_C1));
    await press('ArrowUp');
    expect(document.activeElement).toBe(cell(SARA_C1));
    // At the edge, focus stays.
    await press('ArrowUp');
    expect(document.activeElement).toBe(cell(SARA_C1));
    await press('End', { ctrlKey: true });
    expect(document.activeElement).toBe(cell(AISHA_ITMG));
    await press('Home');
    expect(textOf(document.activeElement)).toBe('Aisha Khan');
    await press('PageUp');
    expect(textOf(document.activeElement)).toBe('Sara Bianchi');
    expect(tabbable().map(textOf)).toEqual(['Sara Bianchi']);
  });

  it('picks a level with a digit key and undoes the change with Delete', async () => {
    await open();
    cell(SARA_C4).focus();
    await settle();
    await press('3');
    expect(label(SARA_C4)).toBe('Sara Bianchi, C.4 Problem Management: level 3, target 3, changed from not rated, not saved');
    await press('1');
    expect(textOf(testId('team-grid-status'))).toBe('C.4 Problem Management has no level 1: choose one of 2, 3, 4.');
    expect(label(SARA_C4)).toContain('level 3');
    await press('Delete');
    expect(label(SARA_C4)).toBe('Sara Bianchi, C.4 Problem Management: not rated, target 3');
  });

  it('says so when the manager has no reports', async () => {
    await open('/team', teamGridFixture({ people: [], competencies: [], cells: [] }));
    expect(textOf(testId('team-grid-empty'))).toContain('You have no reports yet');
    expect(testId('team-grid')).toBeNull();
  });

  it('says so when the reports have no competencies to rate, and links to the role profiles', async () => {
    await open('/team', teamGridFixture({ competencies: [], cells: [] }));
    const empty = testId('team-grid-no-competencies');
    expect(textOf(empty)).toContain('Your reports have no role profiles with competencies yet');
    expect(empty?.querySelector('a')?.getAttribute('href')).toBe('/role-profiles');
  });

  it('shows a load failure with a way to try again', async () => {
    harness = await RouterTestingHarness.create('/team');
    expectGrid().flush({ title: 'Server error', status: 500 }, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(textOf(testId('team-grid-error'))).toContain('Could not load your team');
    (testId('team-grid-error')?.querySelector('button') as HTMLButtonElement).click();
    await settle();
    expectGrid().flush(teamGridFixture());
    await settle();
    expect(testId('team-grid')).not.toBeNull();
  });

  it('reports unsaved changes to the leave guard', async () => {
    await open();
    const component = harness.routeDebugElement?.componentInstance as TeamGridPage;
    expect(component.hasUnsavedChanges()).toBe(false);
    await choose(SARA_C1, 'level:4');
    expect(component.hasUnsavedChanges()).toBe(true);
  });

  it(
    'has no serious accessibility violations, with changes, errors and the picker open',
    async () => {
      await open();
      await choose(SARA_C1, 'level:4');
      await choose(TOM_C1, 'level:2');
      await typeRationale('Quarterly review');
      (await save()).flush(
        { type: 'about:blank', title: 'Invalid request', status: 400, errors: [{ field: 'assessments.1.level', message: 'is wrong' }] },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();
      expect(await seriousA11yViolations(page())).toEqual([]);
      cell(SARA_C4).click();
      await settle();
      expect(await seriousA11yViolations(picker() as HTMLElement)).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
