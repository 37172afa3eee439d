import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestRequest } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Role } from '@proficio/shared/contracts';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { DEMO_IDS, EVIDENCE_IDS, evidenceSummary, pageOf } from '@proficio/web/evidence/data-access/testing';
import { employeeCompetencies } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { EmployeeEvidence, EvidenceOwner } from './employee-evidence';

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };

@Component({
  imports: [EmployeeEvidence],
  template: `<app-employee-evidence [employee]="owner()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PersonPage {
  static owner = signal<EvidenceOwner>({ ...SARA, access: 'self' });
  protected readonly owner = PersonPage.owner;
}

describe('EmployeeEvidence', () => {
  const { http } = sessionTesting([
    provideRouter([{ path: 'people/:id', component: PersonPage }]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ]);
  let harness: RouterTestingHarness;

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null => root().querySelector(`[data-testid="${id}"]`);
  const expectList = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.evidenceList);
  const settle = () => harness.fixture.whenStable();

  async function open(url: string, access: EvidenceOwner['access'], roles: Role[] = ['employee']): Promise<TestRequest> {
    PersonPage.owner.set({ ...SARA, access });
    await signInAs(http(), roles, access === 'self' ? SARA : { id: DEMO_IDS.luca, name: 'Luca Esposito' });
    harness = await RouterTestingHarness.create(url);
    const list = expectList();
    http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies());
    return list;
  }

  it('lists the evidence with its status, claims and dates, each opening the item', async () => {
    const list = await open(`/people/${DEMO_IDS.sara}?tab=evidence`, 'self');
    expect([list.request.params.get('employeeId'), list.request.params.get('page'), list.request.params.get('pageSize')]).toEqual([
      DEMO_IDS.sara,
      '1',
      '10',
    ]);
    list.flush(
      pageOf([
        evidenceSummary({ status: 'changes_requested', revision: 2, fileCount: 2 }),
        evidenceSummary({ id: EVIDENCE_IDS.other, status: 'draft', title: 'Draft idea', submittedAt: undefined, fileCount: 0 }),
      ]),
    );
    await settle();
    const items = Array.from(root().querySelectorAll('[data-testid="evidence-item"]'));
    const parts = (item: Element) => ['.item-head', '.claims', '.meta'].map((selector) => textOf(item.querySelector(selector)));
    expect(items.map(parts)).toEqual([
      [
        'Led the printer outage response Changes requested',
        'C.1 User Support at e-2 Professional',
        'Submitted February 3, 2026 · revision 2 · 2 files',
      ],
      ['Draft idea Draft', 'C.1 User Support at e-2 Professional', 'Started February 3, 2026 · 0 files'],
    ]);
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe(`/evidence/${EVIDENCE_IDS.evidence}`);
    expect(byTestId('submit-evidence')?.getAttribute('href')).toBe(`/evidence/new?employee=${DEMO_IDS.sara}`);
  });

  it('filters by competency and status through the URL, and offers to show everything when nothing matches', async () => {
    (await open(`/people/${DEMO_IDS.sara}?tab=evidence`, 'manager', ['employee', 'manager'])).flush(pageOf([evidenceSummary()]));
    await settle();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const [competency, status] = await loader.getAllHarnesses(MatSelectHarness);
    await competency?.open();
    // the person's competencies and those the listed evidence claims
    expect(
      await Promise.all((await competency?.getOptions()) ?? []).then((options) => Promise.all(options.map((o) => o.getText()))),
    ).toEqual(['Any competency', 'C.1 User Support']);
    await competency?.clickOptions({ text: 'C.1 User Support' });
    const filtered = expectList();
    expect(filtered.request.params.get('competencyId')).toBe(competencyId());
    filtered.flush(pageOf([evidenceSummary()]));

    await status?.open();
    // a manager never sees drafts: no such filter
    expect(await Promise.all(((await status?.getOptions()) ?? []).map((o) => o.getText()))).toEqual([
      'Any status',
      'Waiting for review',
      'Accepted',
      'Changes requested',
      'Rejected',
    ]);
    await status?.clickOptions({ text: 'Accepted' });
    expectList().flush(pageOf([]));
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/people/${DEMO_IDS.sara}?tab=evidence&competencyId=${competencyId()}&status=accepted`);
    expect(textOf(byTestId('evidence-empty'))).toContain('No evidence matches these filters.');
    expect(byTestId('submit-evidence')).toBeNull();

    Array.from(byTestId('evidence-empty')?.querySelectorAll('button') ?? [])
      .find((button) => textOf(button) === 'Show all evidence')
      ?.click();
    await settle();
    expectList().flush(pageOf([]));
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/people/${DEMO_IDS.sara}?tab=evidence`);
    expect(textOf(byTestId('evidence-empty'))).toContain('Sara Bianchi has no evidence you can see yet');
  });

  it('says what to do when the person has no evidence yet, and shows a problem with Try again', async () => {
    (await open(`/people/${DEMO_IDS.sara}`, 'self')).flush({ title: 'Boom', status: 500 }, { status: 500, statusText: 'Error' });
    await settle();
    expect(byTestId('evidence-error')?.getAttribute('role')).toBe('alert');
    byTestId('evidence-error')?.querySelector('button')?.click();
    expectList().flush(pageOf([]));
    await settle();
    expect(textOf(byTestId('evidence-empty'))).toContain('You have no evidence yet.');
  });

  it(
    'has no serious accessibility violations',
    async () => {
      (await open(`/people/${DEMO_IDS.sara}`, 'self')).flush(pageOf([evidenceSummary()]));
      await settle();
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});

function competencyId(): string {
  return evidenceSummary().claims[0]?.competency.id ?? '';
}
