import { ComponentFixture, TestBed } from '@angular/core/testing';
import { competency, en, tinyTree } from '../testing-tree';
import { WarningIndex } from '../warnings/warning-index';
import { LevelGrid, LevelGridCell } from './level-grid';

describe('LevelGrid', () => {
  let fixture: ComponentFixture<LevelGrid>;
  let opened: LevelGridCell[];

  const grid = (): HTMLTableElement => fixture.nativeElement.querySelector('table');
  const button = (competencyId: string, level: number) =>
    grid().querySelector<HTMLButtonElement>(`tr[data-competency-id="${competencyId}"] button[data-level="${level}"]`) as HTMLButtonElement;
  const press = (from: HTMLElement, key: string) => from.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

  beforeEach(async () => {
    const tree = tinyTree({
      competencies: [
        competency('c1', 'A.1', [1, 2]),
        competency('c2', 'A.2', [2, 3], { notPractisedLevels: [1] }),
        competency('c3', 'X', [3]),
      ],
      warnings: [{ code: 'near-duplicate-indicator', message: 'Twice', location: '/competencies/0/levels/1/indicators/1' }],
    });
    fixture = TestBed.createComponent(LevelGrid);
    fixture.componentRef.setInput('tree', tree);
    fixture.componentRef.setInput('warnings', new WarningIndex(tree));
    fixture.componentRef.setInput('selected', { competencyId: 'c2', level: 3 });
    opened = [];
    fixture.componentInstance.cellSelected.subscribe((cell) => opened.push(cell));
    await fixture.whenStable();
  });

  it('has a column per scale level and a row per competency, grouped by category', () => {
    const headers = Array.from(grid().querySelectorAll('thead th')).map((th) => th.textContent?.replace(/\s+/g, ' ').trim());
    expect(headers).toEqual(['Competency', '1 Follow', '2 Assist', '3 Apply']);
    const groups = Array.from(grid().querySelectorAll('tr.group th')).map((th) => th.textContent?.trim());
    expect(groups).toEqual(['A Area A', 'A Area A › Sub A1', 'Uncategorised']);
  });

  it('marks defined and not-practised cells, with warnings and the selection', () => {
    const kinds = (id: string) => Array.from(grid().querySelectorAll(`tr[data-competency-id="${id}"] td`)).map((td) => td.className);
    expect(kinds('c1')).toEqual(['cell-defined', 'cell-defined', 'cell-none']);
    expect(kinds('c2')).toEqual(['cell-not-practised', 'cell-defined', 'cell-defined']);
    expect(button('c1', 2).getAttribute('aria-label')).toBe('A.1 at Level 2: Assist: defined, 1 data-quality warning');
    expect(button('c2', 1).getAttribute('aria-label')).toBe('A.2 at Level 1: Follow: not practised');
    expect(button('c2', 3).getAttribute('aria-pressed')).toBe('true');
    expect(button('c1', 1).getAttribute('aria-pressed')).toBe('false');
    const classes = (id: string, level: number) => Array.from(button(id, level).classList).sort();
    expect([classes('c1', 2), classes('c2', 1), classes('c2', 3)]).toEqual([
      ['cell', 'defined'],
      ['cell', 'not-practised'],
      ['cell', 'defined', 'selected'],
    ]);
    // a defined cell shows a check mark (and its warnings), a not-practised one says so
    const defined = button('c1', 2);
    expect([
      !!defined.querySelector(':scope > svg'),
      !!defined.querySelector('app-warning-icon'),
      button('c2', 1).textContent?.trim(),
    ]).toEqual([true, true, 'Not practised']);
  });

  it('opens a cell on click', () => {
    button('c2', 1).click();
    expect(opened).toEqual([{ competencyId: 'c2', level: 1 }]);
  });

  it('moves between cells with the arrow keys', () => {
    button('c1', 1).focus();
    press(button('c1', 1), 'ArrowRight');
    expect(document.activeElement).toBe(button('c1', 2));
    press(button('c1', 2), 'ArrowDown');
    expect(document.activeElement).toBe(button('c2', 2));
    press(button('c2', 2), 'ArrowDown');
    expect(document.activeElement).toBe(button('c3', 3));
    press(button('c3', 3), 'ArrowUp');
    expect(document.activeElement).toBe(button('c2', 3));
    press(button('c2', 3), 'ArrowLeft');
    expect(document.activeElement).toBe(button('c2', 2));
  });

  it('names a competency without a code by its title, with its place in the outline for the eye only', async () => {
    fixture.componentRef.setInput(
      'tree',
      tinyTree({
        competencies: [competency('c1', '', [1], { title: en('Count to ten') }), competency('c2', 'A.2', [2]), competency('c3', 'X', [3])],
      }),
    );
    await fixture.whenStable();
    const header = grid().querySelector('tr[data-competency-id="c1"] th') as HTMLElement;
    expect(header.textContent?.replace(/\s+/g, ' ').trim()).toBe('1.1 Count to ten');
    expect(header.querySelector('.code.position')?.getAttribute('aria-hidden')).toBe('true');
    expect(button('c1', 1).getAttribute('aria-label')).toBe('Count to ten at Level 1: Follow: defined');
    expect(grid().querySelector('tr[data-competency-id="c2"] th .code:not(.position)')?.textContent).toBe('A.2');
  });
});
