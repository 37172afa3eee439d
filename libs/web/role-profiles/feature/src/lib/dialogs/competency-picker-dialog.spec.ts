import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ApiRoutes } from '@proficio/shared/contracts';
import { DraftRequirement } from '@proficio/web/role-profiles/data-access';
import { C1_HIT, ITMG_HIT, RP_IDS, itmgDetail, itmgRequirement, pageOf } from '@proficio/web/role-profiles/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { CompetencyPickerDialog, CompetencyPickerData } from './competency-picker-dialog';

describe('CompetencyPickerDialog', () => {
  const { http } = httpTesting({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
  let closed: DraftRequirement | undefined | null;

  const container = () => document.querySelector('mat-dialog-container') as HTMLElement;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const button = (text: string) =>
    Array.from(container().querySelectorAll<HTMLButtonElement>('button')).find((candidate) => textOf(candidate).startsWith(text));

  async function open(existingIds: string[] = []): Promise<void> {
    closed = null;
    TestBed.inject(MatDialog)
      .open<CompetencyPickerDialog, CompetencyPickerData, DraftRequirement>(CompetencyPickerDialog, { data: { existingIds } })
      .afterClosed()
      .subscribe((value) => (closed = value));
    TestBed.tick();
    await settle();
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('finds competencies of any framework, shows every level of the picked one with its description, and adds it at the chosen level', async () => {
    await open([RP_IDS.c1]);
    const search = http().expectOne((req) => req.url === ApiRoutes.competencies);
    expect(search.request.params.get('pageSize')).toBe('10');
    search.flush(pageOf([C1_HIT, ITMG_HIT]));
    TestBed.tick();
    expect(
      Array.from(container().querySelectorAll('[data-testid="picker-hits"] button')).map((hit) => [
        textOf(hit.querySelector('[matListItemTitle]')),
        textOf(hit.querySelector('[matListItemLine]')),
      ]),
    ).toEqual([
      ['C.1 User Support', 'e-CF C 4.0 · in the profile'],
      ['ITMG Technology service management', 'SFIA-ITMG 9'],
    ]);
    // not ready: it says why, beside the button and as its description, and stays focusable
    const add = () => button('Add to the draft') as HTMLButtonElement;
    const reason = () => container().querySelector('[data-testid="add-blocked-reason"]');
    expect(add().getAttribute('aria-disabled')).toBe('true');
    expect(add().disabled).toBe(false);
    expect(textOf(reason())).toBe('Pick a competency, then choose its target level.');
    expect(add().getAttribute('aria-describedby')).toBe(reason()?.id);
    add().click();
    TestBed.tick();
    expect(closed).toBeNull();

    button('ITMG')?.click();
    TestBed.tick();
    http().expectOne(ApiRoutes.competency(RP_IDS.itmg)).flush(itmgDetail());
    TestBed.tick();
    expect(textOf(reason())).toBe('Choose a target level to add it.');
    expect(add().getAttribute('aria-disabled')).toBe('true');
    add().click();
    TestBed.tick();
    expect(closed).toBeNull();
    const levels = Array.from(container().querySelectorAll('[data-testid="picker-levels"] mat-radio-button'));
    expect(levels.map((level) => [textOf(level.querySelector('.level-name')), textOf(level.querySelector('.level-description'))])).toEqual([
      ['5 · Ensure, advise', 'Takes responsibility for managing the design, procurement and operation of services.'],
      ['6 · Initiate, influence', 'Identifies and manages resources needed for budgeting.'],
      ['7 · Set strategy, inspire, mobilise', 'Sets strategy for the management of the portfolio.'],
    ]);
    (levels[1]?.querySelector('input') as HTMLInputElement).click();
    TestBed.tick();
    button('Nice to have')?.click();
    TestBed.tick();
    expect(reason()).toBeNull();
    expect(add().getAttribute('aria-disabled')).toBeNull();
    expect(add().hasAttribute('aria-describedby')).toBe(false);
    button('Add to the draft')?.click();
    TestBed.tick();
    await settle();
    expect(closed).toEqual(itmgRequirement(6, false));
  });

  it('names a competency without a code by its title, in the hits and when its levels cannot be loaded', async () => {
    // CASE items without humanCodingScheme arrive with an empty code.
    const codeless = { ...ITMG_HIT, code: '', title: { ...ITMG_HIT.title, text: 'Plan the service catalogue' } };
    await open();
    http()
      .expectOne((req) => req.url === ApiRoutes.competencies)
      .flush(pageOf([codeless]));
    TestBed.tick();
    const title = container().querySelector('[data-testid="picker-hits"] [matListItemTitle]');
    expect(title?.textContent).toBe('Plan the service catalogue');

    button('Plan the service catalogue')?.click();
    TestBed.tick();
    expect(container().querySelector('.picked strong')?.textContent).toBe('Plan the service catalogue');
    http().expectOne(ApiRoutes.competency(RP_IDS.itmg)).flush(null, { status: 500, statusText: 'Server Error' });
    TestBed.tick();
    expect(textOf(container().querySelector('.problem'))).toBe('The levels of Plan the service catalogue could not be loaded.');
  });

  it('names the framework of a hit without its version when it has none, not "SMP unversioned"', async () => {
    // What the importers write when the source names no version (the built-in service-management packs).
    const unversioned = { ...ITMG_HIT, framework: { ...ITMG_HIT.framework, code: 'SMP', versionLabel: 'unversioned' } };
    await open();
    http()
      .expectOne((req) => req.url === ApiRoutes.competencies)
      .flush(pageOf([unversioned, C1_HIT]));
    TestBed.tick();
    expect(Array.from(container().querySelectorAll('[data-testid="picker-hits"] [matListItemLine]')).map((line) => textOf(line))).toEqual([
      'SMP',
      'e-CF C 4.0',
    ]);

    button('ITMG')?.click();
    TestBed.tick();
    expect(textOf(container().querySelector('.picked .meta'))).toBe('SMP');
    http().expectOne(ApiRoutes.competency(RP_IDS.itmg)).flush(itmgDetail());
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await open();
      http()
        .expectOne((req) => req.url === ApiRoutes.competencies)
        .flush(pageOf([C1_HIT, ITMG_HIT]));
      TestBed.tick();
      expect(await seriousA11yViolations(container())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
