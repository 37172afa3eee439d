import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes, FrameworkScaleStatus, Role } from '@proficio/shared/contracts';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { frameworkSummaryFromTree, pageOf, sfiaItmgTree } from '@proficio/web/frameworks/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { FrameworkScaleAction } from './framework-scale-action';
import { FRAMEWORK_SEARCH_DEBOUNCE_MS } from '../shared/framework-picker';

const VERSION_1 = '11111111-2222-4333-8444-555555555555';
const VERSION_2 = '22222222-2222-4333-8444-555555555555';

@Component({ template: '<p>Framework</p>' })
class Stub {}

@Component({
  imports: [FrameworkScaleAction],
  template: `<app-framework-scale-action [frameworkId]="id" frameworkKey="map-skills" code="MAP" scaleName="Map skills: levels" />`,
})
class Host {
  id = VERSION_1;
}

const status = (overrides: Partial<FrameworkScaleStatus> = {}): FrameworkScaleStatus => ({
  latestVersionId: VERSION_1,
  latestVersionNumber: 1,
  levelLess: true,
  placeholder: true,
  assessed: false,
  ...overrides,
});

describe('FrameworkScaleDialog from the framework page', () => {
  const { http } = sessionTesting([
    provideRouter([{ path: 'frameworks/:id', component: Stub }]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ]);
  let fixture: ComponentFixture<Host>;

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const inDialog = (selector: string) => dialog()?.querySelector<HTMLElement>(selector) ?? null;
  const settle = () => fixture.whenStable();
  const changeButton = () => host().querySelector<HTMLButtonElement>('[data-testid="change-scale-button"]');

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  async function show(roles: Role[], answer?: FrameworkScaleStatus): Promise<void> {
    await signInAs(http(), roles, { id: 'e-1', name: 'Hana Kim' });
    fixture = TestBed.createComponent(Host);
    await settle();
    if (answer) {
      const request = http().expectOne(ApiRoutes.frameworkScale(VERSION_1));
      expect(request.request.method).toBe('GET');
      request.flush(answer);
      await settle();
    }
  }

  async function openDialog(): Promise<void> {
    changeButton()?.click();
    await settle();
  }

  /** Waits (a few times the debounce at most) until `found` finds something, and returns it. */
  async function waitFor<T>(found: () => T | null | undefined): Promise<T> {
    let value = found();
    for (let waited = 0; !value && waited < FRAMEWORK_SEARCH_DEBOUNCE_MS * 20; waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await settle();
      value = found();
    }
    expect(value).toBeTruthy();
    return value as T;
  }

  const navigatedTo = (url: string) => waitFor(() => TestBed.inject(Router).url === url);

  async function confirm(): Promise<void> {
    inDialog('[data-testid="scale-confirm"]')?.click();
    await settle();
  }

  it('is not offered to anyone but administrators, who are not even asked about it', async () => {
    await show(['employee']);
    http().expectNone(ApiRoutes.frameworkScale(VERSION_1));
    expect(changeButton()).toBeNull();
  });

  it.each([
    ['has levels of its own', status({ levelLess: false, placeholder: false })],
    ['has people assessed on it', status({ placeholder: false, assessed: true })],
  ])('is not offered for a framework that %s', async (_case, answer) => {
    await show(['admin'], answer);
    expect(changeButton()).toBeNull();
  });

  it('puts the framework on the generic 1–5 scale once confirmed, then goes to the version it wrote and says so', async () => {
    await show(['admin'], status());
    expect(textOf(changeButton())).toBe('Change scale');
    await openDialog();

    expect(textOf(inDialog('h2'))).toBe('Change the scale of MAP');
    expect(textOf(inDialog('[data-testid="scale-now"]'))).toBe(
      'Now rated on Map skills: levels, a one-level placeholder nobody can be rated on.',
    );
    expect(dialog()?.querySelector<HTMLInputElement>('mat-radio-button[value="generic"] input')?.checked).toBe(true);
    expect(textOf(inDialog('[data-testid="scale-consequences"] li'))).toBe(
      'Publishes version 2 of MAP on the generic 1–5 proficiency scale; version 1 and those before stay as they are.',
    );

    await confirm();
    const put = http().expectOne(ApiRoutes.frameworkScale(VERSION_1));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ source: 'generic' });
    put.flush({ frameworkVersionId: VERSION_2, versionNumber: 2, created: true });
    await settle();

    expect(dialog()).toBeNull();
    await navigatedTo(`/frameworks/${VERSION_2}`);
    expect(textOf(host().querySelector('[data-testid="scale-status"]'))).toBe('Version 2 of MAP is published on the new scale.');
  });

  it('says what the change did on the page of the version it wrote, which is a page of its own', async () => {
    await signInAs(http(), ['admin'], { id: 'e-1', name: 'Hana Kim' });
    await TestBed.inject(Router).navigate(['/frameworks', VERSION_2], {
      state: { scaleChanged: 'Version 2 of MAP is published on the new scale.' },
    });
    fixture = TestBed.createComponent(Host);
    await settle();
    http()
      .expectOne(ApiRoutes.frameworkScale(VERSION_1))
      .flush(status({ latestVersionId: VERSION_2, latestVersionNumber: 2, placeholder: false }));
    await settle();
    expect(textOf(host().querySelector('[data-testid="scale-status"]'))).toBe('Version 2 of MAP is published on the new scale.');
  });

  it("searches the library for another framework's scale, leaving this framework out, and asks for one before saving", async () => {
    await show(['admin'], status({ latestVersionNumber: 3 }));
    await openDialog();
    inDialog('mat-radio-button[value="framework"] input')?.click();
    await settle();

    await confirm();
    http().expectNone(ApiRoutes.frameworkScale(VERSION_1));
    expect(textOf(inDialog('mat-error'))).toBe('Choose the framework whose scale to use from the list');

    const search = inDialog('[data-testid="scale-framework-search"]') as HTMLInputElement;
    search.focus();
    await settle();
    // the first ones as soon as the empty field gets focus
    const first = http().expectOne((request) => request.url === ApiRoutes.frameworks && !request.params.has('q'));
    first.flush(pageOf([frameworkSummaryFromTree(sfiaItmgTree())], { total: 30 }));
    await settle();
    expect(document.querySelectorAll('mat-option')).toHaveLength(2);
    search.value = 'sfia';
    search.dispatchEvent(new Event('input'));
    const itmg = frameworkSummaryFromTree(sfiaItmgTree());
    const itself = { ...itmg, id: VERSION_1, key: 'map-skills', code: 'MAP' };
    const list = await waitFor(
      () => http().match((request) => request.url === ApiRoutes.frameworks && request.params.get('q') === 'sfia')[0],
    );
    expect(list.request.params.get('pageSize')).toBe('10');
    list.flush(pageOf([itself, itmg], { total: 14 }));
    await settle();

    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map((option) => textOf(option))).toEqual([
      `${itmg.code} 9 · ${itmg.name.text}`,
      '12 more match: type more to narrow the search',
    ]);
    options[0]?.click();
    await settle();
    expect(textOf(inDialog('[data-testid="scale-consequences"] li'))).toBe(
      `Publishes version 4 of MAP on the scale of ${itmg.code} (${itmg.name.text}); version 3 and those before stay as they are.`,
    );

    await confirm();
    const put = http().expectOne(ApiRoutes.frameworkScale(VERSION_1));
    expect(put.request.body).toEqual({ source: 'framework', frameworkVersionId: itmg.id });
    put.flush({ frameworkVersionId: VERSION_2, versionNumber: 4, created: true });
    await settle();
    await navigatedTo(`/frameworks/${VERSION_2}`);
  });

  it.each([
    [
      409,
      { errors: [{ field: 'source', message: 'cannot change: people have been assessed on this framework' }] },
      'The scale cannot change: people have been assessed on this framework.',
    ],
    [
      409,
      { errors: [{ field: 'source', message: 'cannot change: the competencies of this framework have levels of their own' }] },
      'The scale cannot change: the competencies of this framework have levels of their own.',
    ],
    [
      422,
      { errors: [{ field: 'frameworkVersionId', message: 'is not a framework version' }] },
      'The framework chosen no longer exists: choose another.',
    ],
    [404, {}, 'This framework no longer exists.'],
  ])('says a refusal with HTTP %d in words, and stays open', async (code, body, message) => {
    await show(['admin'], status());
    await openDialog();
    await confirm();
    http()
      .expectOne(ApiRoutes.frameworkScale(VERSION_1))
      .flush({ title: 'Refused', status: code, ...body }, { status: code, statusText: 'Refused' });
    await settle();
    expect(textOf(inDialog('[data-testid="scale-problem"]'))).toBe(message);
    expect(inDialog('[data-testid="scale-problem"]')?.getAttribute('role')).toBe('alert');
    expect(textOf(inDialog('[data-testid="scale-confirm"]'))).toBe('Change scale');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it(
    'has no serious accessibility problems',
    async () => {
      await show(['admin'], status());
      await openDialog();
      inDialog('mat-radio-button[value="framework"] input')?.click();
      await settle();
      expect(await seriousA11yViolations(dialog() as HTMLElement)).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
