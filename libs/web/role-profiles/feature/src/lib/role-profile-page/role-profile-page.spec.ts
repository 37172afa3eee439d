import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Role, RoleProfileDetail } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import {
  ITMG_HIT,
  RP_IDS,
  analystDetail,
  c1Requirement,
  itmgDetail,
  itmgRequirement,
  pageOf,
} from '@proficio/web/role-profiles/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { signInAs } from '@proficio/web/auth/data-access/testing';
import { RoleProfilePage, describeProblem, versionLabel } from './role-profile-page';

@Component({ template: '<h1>List stub</h1>' })
class ListStub {}

describe('role profile page helpers', () => {
  it('labels versions and names the competency of a refused requirement', () => {
    expect(versionLabel({ versionNumber: 2, status: 'draft' })).toBe('Version 2 · Draft');
    expect(
      describeProblem(
        {
          status: 422,
          title: 'The change cannot be made',
          errors: [{ field: 'requirements.1.targetLevel', message: 'is not a level of ITMG' }],
        },
        [c1Requirement(), itmgRequirement()],
      ),
    ).toBe('ITMG: is not a level of ITMG');
    expect(describeProblem({ status: 409, title: 'Conflict', detail: 'The role profile is archived.' }, [])).toBe(
      'Conflict: The role profile is archived.',
    );
  });
});

describe('RoleProfilePage', () => {
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'role-profiles', component: ListStub },
        { path: 'role-profiles/:id', component: RoleProfilePage },
      ]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const button = (root: ParentNode, text: string) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((candidate) => textOf(candidate) === text);
  const counts = () => textOf(page().querySelector('[data-testid="requirement-counts"]'));
  const requirement = (code: string) => page().querySelector<HTMLElement>(`[data-competency-code="${code}"]`);
  const expectDetail = (): TestRequest =>
    http().expectOne((req) => req.url === ApiRoutes.roleProfile(RP_IDS.analyst) && req.method === 'GET');

  async function open(roles: Role[], detail: RoleProfileDetail, url = `/role-profiles/${RP_IDS.analyst}`): Promise<void> {
    await signInAs(http(), roles, { id: 'e-1', name: 'Someone' });
    harness = await RouterTestingHarness.create(url);
    expectDetail().flush(detail);
    await settle();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    TestBed.inject(SessionStore).clear();
  });

  it('shows an employee the requirements grouped by framework, with each target level and its description, and no edit controls', async () => {
    await open(['employee'], analystDetail());
    expect(textOf(page().querySelector('h1'))).toBe('Service Desk Analyst');
    expect(Array.from(page().querySelectorAll('section.framework h2')).map(textOf)).toEqual([
      'e-CF area C: Run e-CF C 4.0',
      'SFIA: Technology service management SFIA-ITMG 9',
    ]);
    const c1 = requirement('C.1');
    expect(
      [
        c1?.querySelector('h3'),
        c1?.querySelector('.tag'),
        c1?.querySelector('.target-level'),
        c1?.querySelector('.target-description'),
      ].map(textOf),
    ).toEqual(['C.1 User Support', 'Required', 'Target: e-2', 'Systematically interprets user problems and identifies solutions.']);
    const itmg = requirement('ITMG');
    expect([itmg?.querySelector('.tag'), itmg?.querySelector('.target-level')].map(textOf)).toEqual([
      'Nice to have',
      'Target: 5 · Ensure, advise',
    ]);
    expect(textOf(itmg?.querySelector('.target-description'))).toMatch(/^Takes responsibility/);
    for (const label of ['Rename', 'Copy', 'Archive', 'Add a competency', 'Save the draft', 'Publish', 'Start a new version']) {
      expect(button(page(), label)).toBeUndefined();
    }
  });

  it('lets an admin change a target level (its description follows), mark a requirement nice to have, and save the draft', async () => {
    await open(['admin'], analystDetail({ draft: true }));
    expect(textOf(page().querySelector('#draft-heading'))).toBe('Editing the draft of version 2');
    expect(button(page(), 'Save the draft')?.disabled).toBe(true);
    expect(counts()).toBe('1 required, 1 nice to have.');

    (requirement('C.1')?.querySelector('mat-select') as HTMLElement).click();
    await settle();
    const options = Array.from(overlay().querySelectorAll('mat-option'));
    expect(
      options.map((option) => [textOf(option.querySelector('.option-name')), textOf(option.querySelector('.option-description'))]),
    ).toEqual([
      ['e-1', 'Interacts with users, applies basic product knowledge to respond to requests.'],
      ['e-2', 'Systematically interprets user problems and identifies solutions.'],
      ['e-3', 'Manages the support process and is accountable for agreed SLAs.'],
    ]);
    (options[2] as HTMLElement).click();
    await settle();
    expect(textOf(requirement('C.1')?.querySelector('.target-level'))).toBe('Target: e-3');
    expect(textOf(requirement('C.1')?.querySelector('.target-description'))).toBe(
      'Manages the support process and is accountable for agreed SLAs.',
    );
    button(requirement('C.1') as HTMLElement, 'Nice to have')?.click();
    await settle();
    // the header's totals follow the draft before it is saved
    expect(counts()).toBe('0 required, 2 nice to have (not saved yet).');

    expect(textOf(page())).toContain('You have unsaved changes.');
    expect(button(page(), 'Publish')?.disabled).toBe(true);
    button(page(), 'Save the draft')?.click();
    await settle();
    const put = http().expectOne(ApiRoutes.roleProfileDraft(RP_IDS.analyst));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      description: 'First line of support.',
      requirements: [
        { competencyId: RP_IDS.c1, targetLevel: 3, required: false },
        { competencyId: RP_IDS.itmg, targetLevel: 5, required: false },
      ],
    });
    const saved = analystDetail({ draft: true });
    saved.version.requirements = [c1Requirement(3, false), itmgRequirement()];
    put.flush(saved);
    await settle();
    expect(textOf(page().querySelector('[data-testid="role-profile-message"]'))).toBe('The draft is saved.');
    expect(button(page(), 'Publish')?.disabled).toBe(false);
    expect(counts()).toBe('0 required, 2 nice to have.');
  });

  it('counts a competency added through the picker in the header at once, before the draft is saved', async () => {
    const detail = analystDetail({ draft: true });
    detail.version = { ...detail.version, requirements: [c1Requirement()], requirementCounts: { required: 1, niceToHave: 0 } };
    await open(['admin'], detail);
    expect(counts()).toBe('1 required, 0 nice to have.');

    button(page(), 'Add a competency')?.click();
    await settle();
    http()
      .expectOne((req) => req.url === ApiRoutes.competencies)
      .flush(pageOf([ITMG_HIT]));
    await settle();
    const dialog = () => overlay().querySelector('mat-dialog-container') as HTMLElement;
    Array.from(dialog().querySelectorAll<HTMLButtonElement>('[data-testid="picker-hits"] button'))
      .find((hit) => textOf(hit).startsWith('ITMG'))
      ?.click();
    await settle();
    http().expectOne(ApiRoutes.competency(RP_IDS.itmg)).flush(itmgDetail());
    await settle();
    (dialog().querySelector('[data-level="5"] input') as HTMLInputElement).click();
    await settle();
    button(dialog(), 'Nice to have')?.click();
    await settle();
    button(dialog(), 'Add to the draft')?.click();
    await settle();

    expect(requirement('ITMG')).not.toBeNull();
    expect(counts()).toBe('1 required, 1 nice to have (not saved yet).');
  });

  it('asks before removing a requirement, and keeps it when the admin cancels', async () => {
    await open(['admin'], analystDetail({ draft: true }));
    button(requirement('ITMG') as HTMLElement, 'Remove')?.click();
    await settle();
    const dialog = overlay().querySelector('mat-dialog-container') as HTMLElement;
    expect(textOf(dialog.querySelector('h2'))).toBe('Remove ITMG Technology service management?');
    button(dialog, 'Cancel')?.click();
    await settle();
    expect(requirement('ITMG')).not.toBeNull();

    button(requirement('ITMG') as HTMLElement, 'Remove')?.click();
    await settle();
    button(overlay().querySelector('mat-dialog-container') as HTMLElement, 'Remove')?.click();
    await settle();
    expect(requirement('ITMG')).toBeNull();
    expect(Array.from(page().querySelectorAll('section.framework h2')).map(textOf)).toEqual(['e-CF area C: Run e-CF C 4.0']);
  });

  it('publishes after confirmation, saying that the published version will be retired', async () => {
    await open(['admin'], analystDetail({ draft: true }));
    button(page(), 'Publish')?.click();
    await settle();
    const dialog = overlay().querySelector('mat-dialog-container') as HTMLElement;
    expect(textOf(dialog)).toContain('Version 1 will be retired.');
    button(dialog, 'Publish')?.click();
    await settle();
    const post = http().expectOne(ApiRoutes.roleProfileDraftPublish(RP_IDS.analyst));
    expect(post.request.method).toBe('POST');
    const published = analystDetail();
    published.version = { ...published.version, versionNumber: 2, id: 'v2' };
    post.flush(published);
    await settle();
    expect(textOf(page().querySelector('[data-testid="role-profile-message"]'))).toBe('Version 2 is published.');
    expect(page().querySelector('#draft-heading')).toBeNull();
  });

  it('shows the API refusal of a save, naming the competency', async () => {
    await open(['admin'], analystDetail({ draft: true }));
    button(requirement('C.1') as HTMLElement, 'Nice to have')?.click();
    await settle();
    button(page(), 'Save the draft')?.click();
    await settle();
    http()
      .expectOne(ApiRoutes.roleProfileDraft(RP_IDS.analyst))
      .flush(
        {
          type: 'about:blank',
          title: 'The change cannot be made',
          status: 422,
          errors: [{ field: 'requirements.0.targetLevel', message: 'is not a level of C.1, which is defined at levels 1, 2, 3' }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle();
    const message = page().querySelector('[data-testid="role-profile-message"]');
    expect(message?.getAttribute('role')).toBe('alert');
    expect(textOf(message)).toBe('C.1: is not a level of C.1, which is defined at levels 1, 2, 3');
  });

  it('offers an admin to start a new version of a published profile', async () => {
    await open(['admin'], analystDetail());
    button(page(), 'Start a new version')?.click();
    await settle();
    const post = http().expectOne(ApiRoutes.roleProfileVersions(RP_IDS.analyst));
    post.flush(analystDetail({ draft: true }));
    await settle();
    expect(textOf(page().querySelector('#draft-heading'))).toBe('Editing the draft of version 2');
  });

  it.each([
    [404, 'Not Found', 'Role profile x does not exist.'],
    [400, 'Bad Request', 'Validation failed (uuid is expected)'],
  ])('says the profile is not found on a %s (no such profile, or a mistyped address), with no retry', async (status, title, detail) => {
    harness = await RouterTestingHarness.create(`/role-profiles/${RP_IDS.analyst}`);
    expect(page().querySelector('[data-testid="role-profile-loading"] [role="progressbar"]')).not.toBeNull();
    expectDetail().flush({ type: 'about:blank', title, status, detail }, { status, statusText: title });
    await settle();
    expect(textOf(page().querySelector('[data-testid="role-profile-error"] h1'))).toBe('Role profile not found');
    expect(page().querySelector('[data-testid="role-profile-error"] button')).toBeNull();
  });

  it(
    'has no serious accessibility violations in the editor',
    async () => {
      await open(['admin'], analystDetail({ draft: true }));
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
