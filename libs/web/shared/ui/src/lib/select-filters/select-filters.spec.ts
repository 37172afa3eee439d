import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { QueryParams } from '@proficio/web/shared/util';
import { SelectFilter, SelectFilters, namedOptions } from './select-filters';

const TEAMS: SelectFilter = {
  param: 'teamId',
  label: 'Team',
  anyLabel: 'All teams',
  options: [
    { value: 't1', label: 'Engineering', depth: 0 },
    { value: 't2', label: 'Platform', depth: 1 },
  ],
  testId: 'team-filter',
  width: '18rem',
};
const STATUS: SelectFilter = {
  param: 'status',
  label: 'Status',
  anyLabel: 'Active and left',
  options: [{ value: 'left', label: 'Has left' }],
};

@Component({
  imports: [SelectFilters],
  template: `<app-select-filters [filters]="filters()" [query]="query()" (filtered)="changes.push($event)" />`,
})
class Host {
  readonly filters = signal<readonly SelectFilter[]>([TEAMS, STATUS]);
  readonly query = signal<Record<string, unknown>>({ q: 'sara', teamId: 't2', status: null, page: 1 });
  readonly changes: QueryParams[] = [];
}

describe('SelectFilters', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const [teams, status] = await loader.getAllHarnesses(MatSelectHarness);
    return { fixture, loader, teams, status, host: fixture.componentInstance };
  }

  it('shows each filter in force by its query parameter, and the choice of none where there is none', async () => {
    const { fixture, teams, status, host } = await setUp();
    expect([await teams?.getValueText(), await status?.getValueText()]).toEqual(['Platform', 'Active and left']);
    host.query.set({ teamId: '', status: 'left' });
    fixture.detectChanges();
    expect([await teams?.getValueText(), await status?.getValueText()]).toEqual(['All teams', 'Has left']);
  });

  it('labels each field, gives it its test id, width and hint', async () => {
    const { fixture, loader, host } = await setUp();
    const fields = Array.from(fixture.nativeElement.querySelectorAll('mat-form-field') as NodeListOf<HTMLElement>);
    expect(fields.map((field) => field.querySelector('mat-label')?.textContent?.trim())).toEqual(['Team', 'Status']);
    expect(fields.map((field) => field.style.width)).toEqual(['min(18rem, 100%)', '']);
    expect(await loader.getHarnessOrNull(MatSelectHarness.with({ selector: '[data-testid="team-filter"]' }))).not.toBeNull();
    expect(fixture.nativeElement.querySelector('mat-hint')).toBeNull();
    host.filters.set([{ ...TEAMS, hint: 'The teams could not be loaded' }]);
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('mat-hint')?.textContent.trim()).toBe('The teams could not be loaded');
  });

  it('offers no filter first, then the options, indented by their depth', async () => {
    const { teams } = await setUp();
    await teams?.open();
    const options = (await teams?.getOptions()) ?? [];
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['All teams', 'Engineering', 'Platform']);
    const indents = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).map((option) => option.style.paddingInlineStart);
    expect(indents).toEqual(['', '1rem', '2rem']);
  });

  it('emits the query parameter to set for each choice the user makes, null for no filter', async () => {
    const { teams, status, host } = await setUp();
    await teams?.open();
    await teams?.clickOptions({ text: 'Engineering' });
    await status?.open();
    await status?.clickOptions({ text: 'Has left' });
    await teams?.open();
    await teams?.clickOptions({ text: 'All teams' });
    expect(host.changes).toEqual([{ teamId: 't1' }, { status: 'left' }, { teamId: null }]);
  });
});

describe('namedOptions', () => {
  it('offers each named thing by its id, with its depth in a tree', () => {
    expect(namedOptions([{ id: 'p1', name: 'Developer' }])).toEqual([{ value: 'p1', label: 'Developer', depth: undefined }]);
    expect(namedOptions([{ id: 't2', name: 'Platform', depth: 1 }])).toEqual([{ value: 't2', label: 'Platform', depth: 1 }]);
  });
});
