import { TestRequest } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ApiRoutes, FrameworkSummary } from '@proficio/shared/contracts';
import { frameworkSummaryFromTree, pageOf, sfiaItmgTree } from '@proficio/web/frameworks/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import {
  FRAMEWORK_PICKER_SIZE,
  FRAMEWORK_SEARCH_DEBOUNCE_MS,
  FrameworkPick,
  FrameworkPicker,
  pickedFramework,
  requirePickedFramework,
} from './framework-picker';

@Component({
  imports: [FrameworkPicker],
  template: `
    <app-framework-picker
      [control]="control"
      label="Framework whose scale to use"
      [excludeKey]="excludeKey()"
      requiredMessage="Choose the framework from the list"
      testId="picker-search"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly control = new FormControl<FrameworkPick>('', { nonNullable: true });
  readonly excludeKey = signal<string | null>(null);
  readonly picker = viewChild.required(FrameworkPicker);
}

const itmg = frameworkSummaryFromTree(sfiaItmgTree());
const ecf: FrameworkSummary = {
  ...itmg,
  id: '7a4c1e2b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
  key: 'ecf-c',
  code: 'ECF-C',
  name: { text: 'e-CF area C', language: 'en', fallback: false },
  versionLabel: '4.0',
};

describe('FrameworkPicker', () => {
  const { http } = httpTesting({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
  let fixture: ComponentFixture<Host>;

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const input = () => host().querySelector('[data-testid="picker-search"]') as HTMLInputElement;
  const optionTexts = () => Array.from(document.querySelectorAll('mat-option')).map((option) => textOf(option));
  const settle = () => fixture.whenStable();
  const searches = (q?: string) =>
    http().match(
      (request) => request.url === ApiRoutes.frameworks && (q === undefined ? !request.params.has('q') : request.params.get('q') === q),
    );

  function enter(text: string): void {
    input().value = text;
    input().dispatchEvent(new Event('input'));
  }

  /**
   * Runs `steps` in fake time (`pass` moves the clock), then whatever they left scheduled (the debounce, change
   * detection) before real time resumes: the fixture settles with real timers.
   */
  async function inFakeTime(steps: (pass: (ms: number) => Promise<void>) => Promise<void> | void): Promise<void> {
    jest.useFakeTimers();
    try {
      await steps(async (ms) => {
        await jest.advanceTimersByTimeAsync(ms);
      });
      await jest.runAllTimersAsync();
    } finally {
      jest.useRealTimers();
    }
    await settle();
  }

  async function focus(): Promise<TestRequest> {
    input().focus();
    await settle();
    const [first, ...others] = searches();
    expect(others).toEqual([]);
    expect(first).toBeDefined();
    return first as TestRequest;
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    await settle();
  });

  it('is a labelled search field with a hint, that asks nothing before it is used', () => {
    expect(input().labels?.[0]?.textContent?.trim()).toBe('Framework whose scale to use');
    expect(input().getAttribute('role')).toBe('combobox');
    const hintId = host().querySelector('mat-hint')?.id;
    expect(textOf(host().querySelector('mat-hint'))).toBe('Search by code or name');
    expect(input().getAttribute('aria-describedby')?.split(' ')).toContain(hintId);
    http().expectNone(ApiRoutes.frameworks);
  });

  it('lists the first frameworks of the library as soon as the empty field gets focus, and says how many more there are', async () => {
    const first = await focus();
    expect(first.request.params.get('pageSize')).toBe(String(FRAMEWORK_PICKER_SIZE));
    first.flush(pageOf([itmg, ecf], { total: 30 }));
    await settle();
    expect(optionTexts()).toEqual([
      `${itmg.code} 9 · ${itmg.name.text}`,
      'ECF-C 4.0 · e-CF area C',
      '28 more match: type more to narrow the search',
    ]);
    expect(document.querySelector<HTMLElement>('mat-option.more-options')?.getAttribute('aria-disabled')).toBe('true');
  });

  it('leaves out the framework it is told to', async () => {
    fixture.componentInstance.excludeKey.set(ecf.key);
    await settle();
    (await focus()).flush(pageOf([ecf, itmg]));
    await settle();
    expect(optionTexts()).toEqual([`${itmg.code} 9 · ${itmg.name.text}`]);
  });

  it('searches by the trimmed text once typing pauses, and a new search replaces the one in flight', async () => {
    (await focus()).flush(pageOf([itmg, ecf]));
    await settle();

    let sfia: TestRequest | undefined;
    await inFakeTime(async (pass) => {
      enter('sf');
      await pass(FRAMEWORK_SEARCH_DEBOUNCE_MS - 1);
      enter(' sfia ');
      await pass(FRAMEWORK_SEARCH_DEBOUNCE_MS - 1);
      expect(http().match((request) => request.url === ApiRoutes.frameworks)).toEqual([]);
      await pass(1);
      expect(searches('sf')).toEqual([]);
      [sfia] = searches('sfia');
      expect(sfia?.request.params.get('pageSize')).toBe(String(FRAMEWORK_PICKER_SIZE));
    });

    await inFakeTime(() => enter('ecf'));
    const [byCode] = searches('ecf');
    expect(sfia?.cancelled).toBe(true);
    byCode?.flush(pageOf([ecf]));
    await settle();
    expect(optionTexts()).toEqual(['ECF-C 4.0 · e-CF area C']);
  });

  it('finds nothing when the search fails', async () => {
    (await focus()).flush({ title: 'Down', status: 503 }, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(optionTexts()).toEqual([]);
  });

  it('holds the framework picked, shows its code and name, and searches nothing for it; typing again unpicks it', async () => {
    const control = fixture.componentInstance.control;
    (await focus()).flush(pageOf([itmg, ecf]));
    await settle();
    await inFakeTime(() => document.querySelectorAll<HTMLElement>('mat-option')[1]?.click());

    expect(control.value).toEqual(ecf);
    expect(pickedFramework(control.value)).toEqual(ecf);
    expect(input().value).toBe('ECF-C · e-CF area C');
    expect(http().match((request) => request.url === ApiRoutes.frameworks)).toEqual([]);

    await inFakeTime(() => enter('ECF-C · e-CF'));
    expect(pickedFramework(control.value)).toBeNull();
    searches('ECF-C · e-CF')[0]?.flush(pageOf([]));
  });

  it('says under the field that a framework must be picked from the list, until one is', async () => {
    const control = fixture.componentInstance.control;
    await inFakeTime(() => enter('no such'));
    searches('no such')[0]?.flush(pageOf([]));
    expect(requirePickedFramework(control)).toBeNull();
    await settle();

    const error = host().querySelector('mat-error');
    expect(textOf(error)).toBe('Choose the framework from the list');
    expect(control.touched).toBe(true);
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')?.split(' ')).toContain(error?.id);

    control.setValue(itmg);
    await settle();
    expect(host().querySelector('mat-error')).toBeNull();
    expect(requirePickedFramework(control)).toEqual(itmg);
  });

  it('takes focus when asked', async () => {
    fixture.componentInstance.picker().focus();
    expect(document.activeElement).toBe(input());
    (await focus()).flush(pageOf([]));
  });

  it(
    'has no serious accessibility problems, with its list open or an error said',
    async () => {
      (await focus()).flush(pageOf([itmg, ecf], { total: 3 }));
      await settle();
      expect(await seriousA11yViolations(document.body)).toEqual([]);
      requirePickedFramework(fixture.componentInstance.control);
      await settle();
      expect(await seriousA11yViolations(host())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
