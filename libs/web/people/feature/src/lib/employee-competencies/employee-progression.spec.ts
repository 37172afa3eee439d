import { TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, EmployeeCompetencyView, EmployeeProgression as EmployeeProgressionView } from '@proficio/shared/contracts';
import {
  ASSESSMENT_IDS,
  DEMO_IDS,
  competencyRow,
  employeeProgression,
  en,
  progressionSeries,
} from '@proficio/web/people/data-access/testing';
import { BROWSER_LOCALE } from '@proficio/web/shared/ui';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { EmployeeProgression } from './employee-progression';

/** C.4 Problem Management: on the tab, never assessed, so no series. */
const c4Row = (): EmployeeCompetencyView =>
  competencyRow({
    competency: { id: ASSESSMENT_IDS.c4, code: 'C.4', title: en('Problem Management') },
    manager: undefined,
    self: undefined,
    target: undefined,
    gap: undefined,
  });

describe('EmployeeProgression', () => {
  const { http } = httpTesting({ providers: [{ provide: BROWSER_LOCALE, useValue: 'en-US' }] });
  let fixture: ComponentFixture<EmployeeProgression>;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string, within: ParentNode = root()): HTMLElement | null => within.querySelector(`[data-testid="${id}"]`);
  const allByTestId = (id: string, within: ParentNode = root()): HTMLElement[] =>
    Array.from(within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const tile = (id: string): HTMLElement => allByTestId('progression-tile').find((element) => element.dataset['id'] === id) as HTMLElement;
  const settle = () => fixture.whenStable();
  const expectProgression = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.employeeProgression(DEMO_IDS.sara));

  async function render(body?: EmployeeProgressionView, selected: string | null = null): Promise<void> {
    fixture = TestBed.createComponent(EmployeeProgression);
    fixture.componentRef.setInput('employeeId', DEMO_IDS.sara);
    fixture.componentRef.setInput('items', [competencyRow(), c4Row()]);
    fixture.componentRef.setInput('selected', selected);
    await settle();
    if (body) {
      expectProgression().flush(body);
      await settle();
    }
  }

  it('says it is loading, then shows one small chart per competency of the tab, and says which have no assessments yet', async () => {
    await render();
    expect(byTestId('progression-loading')?.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe(
      'Loading the progression',
    );
    expectProgression().flush(employeeProgression());
    await settle();

    expect(allByTestId('progression-tile').map((element) => element.dataset['id'])).toEqual([ASSESSMENT_IDS.c1, ASSESSMENT_IDS.c4]);
    const c1 = tile(ASSESSMENT_IDS.c1);
    expect(byTestId('progression-figure', c1)?.classList).toContain('compact');
    expect(textOf(c1.querySelector('figcaption .name'))).toBe('C.1 User Support');
    expect(allByTestId('progression-row', c1)).toHaveLength(4);
    expect(textOf(byTestId('progression-larger', c1))).toBe('Show larger C.1 User Support');

    const c4 = tile(ASSESSMENT_IDS.c4);
    expect(Array.from(c4.querySelectorAll('p')).map(textOf)).toEqual(['C.4 Problem Management', 'No assessments yet.']);
    expect(byTestId('progression-larger', c4)).toBeNull();
    expect(byTestId('progression-detail')).toBeNull();
  });

  it('explains the line styles and markers in words, so colour is not the only difference', async () => {
    await render(employeeProgression());
    expect(Array.from(byTestId('progression-legend')?.querySelectorAll('li') ?? []).map(textOf)).toEqual([
      'Manager: solid line, round markers',
      'Self-assessment: dashed line, triangle markers',
      'Target: dotted line',
      'From an earlier version of the competency: hollow diamond around the marker',
    ]);
    expect(byTestId('progression-legend')?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(byTestId('progression-legend')?.querySelectorAll('line')[1]?.getAttribute('stroke-dasharray')).toBe('6 4');
  });

  it('shows a competency larger on request, with its numbers, and moves the focus to it', async () => {
    await render(employeeProgression());
    const larger = byTestId('progression-larger', tile(ASSESSMENT_IDS.c1)) as HTMLButtonElement;
    expect(larger.getAttribute('aria-pressed')).toBe('false');
    larger.click();
    await settle();

    const detail = byTestId('progression-detail') as HTMLElement;
    const heading = detail.querySelector('h3') as HTMLElement;
    expect(textOf(heading)).toBe('C.1 User Support');
    expect(document.activeElement).toBe(heading);
    expect(larger.getAttribute('aria-pressed')).toBe('true');
    expect(fixture.componentInstance.selected()).toBe(ASSESSMENT_IDS.c1);
    const figure = detail.querySelector('figure');
    expect(figure?.classList).not.toContain('compact');
    // named by the heading above it on screen; the caption still names the figure for screen readers
    expect(figure?.querySelector('figcaption .name')?.classList).toContain('visually-hidden');
    expect(
      allByTestId('progression-row', detail)
        .map((row) => Array.from(row.children).map(textOf))
        .at(-1),
    ).toEqual(['February 10, 2026', 'e-2', 'e-3']);
  });

  it('says when the chosen competency has nothing to chart yet', async () => {
    await render(employeeProgression(), ASSESSMENT_IDS.c4);
    expect(textOf(byTestId('progression-detail')?.querySelector('h3'))).toBe('C.4 Problem Management');
    expect(textOf(byTestId('progression-detail-empty'))).toBe('No assessments of C.4 Problem Management yet: nothing to chart.');
  });

  it('adds competencies with history that are not on the tab any more (an earlier role) after its own', async () => {
    const other = progressionSeries({ competency: { id: 'other-id', code: 'B.1', title: en('Application Development') } });
    await render(employeeProgression({ series: [other, progressionSeries()] }));
    expect(allByTestId('progression-tile').map((element) => element.dataset['id'])).toEqual([
      ASSESSMENT_IDS.c1,
      ASSESSMENT_IDS.c4,
      'other-id',
    ]);
  });

  it('shows what the API said went wrong, and tries again', async () => {
    await render();
    expectProgression().flush({ title: 'Forbidden', status: 403, detail: 'Not yours to see.' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    const error = byTestId('progression-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('Forbidden: Not yours to see.');
    error?.querySelector('button')?.click();
    await settle();
    expectProgression().flush(employeeProgression());
    await settle();
    expect(allByTestId('progression-tile')).toHaveLength(2);
  });

  it(
    'has no serious accessibility violations, with a competency shown larger and its numbers open',
    async () => {
      await render(employeeProgression(), ASSESSMENT_IDS.c1);
      root()
        .querySelectorAll('details')
        .forEach((details) => details.setAttribute('open', ''));
      await settle();
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
