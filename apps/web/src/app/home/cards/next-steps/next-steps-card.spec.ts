import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes, EmployeeCompetencies } from '@proficio/shared/contracts';
import { sessionTesting } from '@proficio/web/auth/data-access/testing';
import { DEMO_IDS, competencyRow, employeeCompetencies } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { signInAsSara } from '../testing';
import { NextStepsCard } from './next-steps-card';

describe('NextStepsCard', () => {
  let fixture: ComponentFixture<NextStepsCard>;
  const { http } = sessionTesting([provideRouter([])]);

  const card = () => fixture.nativeElement as HTMLElement;
  const steps = () => Array.from(card().querySelectorAll('[data-testid="next-steps"] li')).map(textOf);
  const links = () => Array.from(card().querySelectorAll('a')).map((link) => [textOf(link), link.getAttribute('href')]);

  beforeEach(async () => {
    await signInAsSara(http());
    fixture = TestBed.createComponent(NextStepsCard);
    await fixture.whenStable();
  });

  async function answer(competencies: EmployeeCompetencies): Promise<void> {
    http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(competencies);
    await fixture.whenStable();
  }

  it('asks the person to rate themselves on the competencies of their role, on their Competencies tab, and links their own data', async () => {
    await answer(
      employeeCompetencies({
        employeeId: DEMO_IDS.sara,
        mayRate: ['self'],
        items: [competencyRow(), competencyRow({ self: undefined, gap: undefined }), competencyRow({ self: undefined, gap: 2 })],
      }),
    );
    expect(steps()).toEqual([
      'Rate yourself on 2 of the 3 competencies your role needs.',
      '2 competencies are below the target of your role: talk with your manager about how to grow them.',
    ]);
    expect(links()).toEqual([
      ['Go to your competencies', `/people/${DEMO_IDS.sara}?tab=competencies`],
      ['Your profile', `/people/${DEMO_IDS.sara}`],
      ['Download your data', '/account/data'],
      ['Change your password', '/account/password'],
    ]);
  });

  it.each<[string, Partial<EmployeeCompetencies>, string[]]>([
    [
      'nothing to rate',
      { mayRate: ['self'], items: [] },
      ['Your role profile names no competencies yet: there is nothing to rate yourself on.'],
    ],
    ['everything rated', { mayRate: ['self'], items: [competencyRow({ gap: 0 })] }, ['Your self-assessments are up to date.']],
    [
      'a stale self-assessment',
      {
        mayRate: ['self'],
        items: [
          competencyRow({
            gap: 0,
            self: { outcome: 'rated', level: 3, assessmentId: 'a-1', assessedOn: '2024-01-10', stale: true, fromEarlierVersion: false },
          }),
        ],
      },
      ['1 self-assessment is out of date: rate yourself again.'],
    ],
    [
      'one competency below target',
      { mayRate: ['self'], items: [competencyRow({ gap: 1 })] },
      [
        'Your self-assessments are up to date.',
        '1 competency is below the target of your role: talk with your manager about how to grow it.',
      ],
    ],
  ])('says what is next with %s', async (_case, overrides, expected) => {
    await answer(employeeCompetencies(overrides));
    expect(steps()).toEqual(expected);
  });

  it('keeps the links when the competencies could not be loaded', async () => {
    http()
      .expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara))
      .flush({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(textOf(card().querySelector('[data-testid="next-steps-error"]'))).toContain('Could not load your competencies.');
    expect(links().map(([label]) => label)).toEqual([
      'Go to your competencies',
      'Your profile',
      'Download your data',
      'Change your password',
    ]);
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await answer(employeeCompetencies({ mayRate: ['self'] }));
      expect(await seriousA11yViolations(card())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
