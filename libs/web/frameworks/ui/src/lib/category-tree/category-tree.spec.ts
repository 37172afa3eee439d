import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { competency, en, tinyTree } from '../testing-tree';
import { WarningIndex } from '../warnings/warning-index';
import { CategoryTree, OUTLINE_ROW_HEIGHT } from './category-tree';

describe('CategoryTree', () => {
  let fixture: ComponentFixture<CategoryTree>;
  let selected: string[];

  const items = (): HTMLElement[] => Array.from(fixture.nativeElement.querySelectorAll('[role="treeitem"]'));
  const visible = (): string[] => items().map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const tree = (): HTMLElement => fixture.nativeElement.querySelector('[role="tree"]');
  /** The row the tree names as active (aria-activedescendant). */
  const active = (): HTMLElement | null => {
    const id = tree().getAttribute('aria-activedescendant');
    return id ? fixture.nativeElement.querySelector(`[id="${id}"]`) : null;
  };
  const press = async (key: string) => {
    tree().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    const tree = tinyTree({ warnings: [{ code: 'empty-level', message: 'Empty', location: '/competencies/1/levels/0' }] });
    fixture = TestBed.createComponent(CategoryTree);
    fixture.componentRef.setInput('tree', tree);
    fixture.componentRef.setInput('warnings', new WarningIndex(tree));
    fixture.componentRef.setInput('selectedId', 'c2');
    selected = [];
    fixture.componentInstance.competencySelected.subscribe((id) => selected.push(id));
    await fixture.whenStable();
  });

  it('shows categories of any depth, expanded, with their competencies and the uncategorised ones', () => {
    expect(visible()).toEqual([
      'A Area A',
      'A.1 A.1 title',
      'Sub A1',
      'A.2 A.2 title (1 data-quality warning)',
      'Uncategorised',
      'X X title',
    ]);
    expect(items().map((item) => item.getAttribute('aria-level'))).toEqual(['1', '2', '2', '3', '1', '2']);
    expect(items()[3].getAttribute('aria-selected')).toBe('true');
    expect(items()[1].getAttribute('aria-selected')).toBe('false');
    expect(items()[0].hasAttribute('aria-selected')).toBe(false);
    expect(items().map((item) => item.getAttribute('aria-posinset') + '/' + item.getAttribute('aria-setsize'))).toEqual([
      '1/2',
      '1/2',
      '2/2',
      '1/1',
      '2/2',
      '1/1',
    ]);
  });

  it('moves with the arrow keys, collapses and expands categories, and opens a competency with Enter', async () => {
    // The tree keeps the focus and names the row the keyboard is on.
    expect(active()).toBe(items()[3]);
    await press('Home');
    expect(active()).toBe(items()[0]);
    await press('ArrowDown');
    expect(active()).toBe(items()[1]);

    await press('ArrowDown');
    expect(active()).toBe(items()[2]);
    await press('ArrowLeft');
    expect(items()[2].getAttribute('aria-expanded')).toBe('false');
    expect(visible()).not.toContain('A.2 A.2 title (1 data-quality warning)');
    await press('ArrowRight');
    expect(items()[2].getAttribute('aria-expanded')).toBe('true');
    await press('ArrowRight');
    expect(active()?.textContent).toContain('A.2 title');
    await press('ArrowLeft');
    expect(active()?.textContent).toContain('Sub A1');

    await press('ArrowUp');
    await press('Enter');
    expect(selected).toEqual(['c1']);
    await press('End');
    expect(active()?.textContent).toContain('X title');
  });

  it('jumps to the next row whose code or title starts with the letters typed, starting afresh after a pause', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(10_000);
    await press('s');
    expect(active()?.textContent?.trim()).toBe('Sub A1');
    await press('u');
    expect(active()?.textContent?.trim()).toBe('Sub A1');
    now.mockReturnValue(11_000);
    await press('u');
    expect(active()?.textContent?.trim()).toBe('Uncategorised');
    now.mockRestore();
  });

  it('opens a competency on click, and opens or closes a category', async () => {
    items()[5].click();
    items()[0].click();
    await fixture.whenStable();
    expect(selected).toEqual(['c3']);
    expect(items()[0].getAttribute('aria-expanded')).toBe('false');
    expect(visible()).toEqual(['A Area A', 'Uncategorised', 'X X title']);
  });

  it('opens the categories around a competency selected from elsewhere', async () => {
    items()[0].click();
    await fixture.whenStable();
    expect(visible()).not.toContain('A.1 A.1 title');
    fixture.componentRef.setInput('selectedId', 'c1');
    await fixture.whenStable();
    expect(visible()).toContain('A.1 A.1 title');
    expect(active()?.textContent).toContain('A.1 title');
  });

  it('puts only the rows in view in the page, however large the framework', async () => {
    const many = Array.from({ length: 5000 }, (_, index) => competency(`m${index}`, `M.${index}`, [1]));
    fixture.componentRef.setInput(
      'tree',
      tinyTree({
        id: 'large',
        categories: [{ id: 'all', key: 'all', name: en('All'), competencyIds: many.map((c) => c.id), children: [] }],
        uncategorisedCompetencyIds: [],
        competencies: many,
      }),
    );
    fixture.componentRef.setInput('selectedId', null);
    await fixture.whenStable();
    expect(items().length).toBeGreaterThan(5);
    expect(items().length).toBeLessThan(60);
    expect(items()[1].getAttribute('aria-setsize')).toBe('5000');
    expect(items()[1].getAttribute('aria-level')).toBe('2');

    const viewport = fixture.debugElement.query(By.directive(CdkVirtualScrollViewport)).componentInstance as CdkVirtualScrollViewport;
    jest.spyOn(viewport, 'getViewportSize').mockReturnValue(400);
    const scroll = jest.spyOn(viewport, 'scrollToOffset').mockImplementation(() => undefined); // jsdom cannot scroll
    await press('End');
    expect(scroll).toHaveBeenLastCalledWith(5001 * OUTLINE_ROW_HEIGHT - 400);
  });

  it('shows a competency without a code by its title, with its place in the outline for the eye only', async () => {
    // CASE items without humanCodingScheme arrive with an empty code.
    fixture.componentRef.setInput(
      'tree',
      tinyTree({
        competencies: [
          competency('c1', '', [1], { title: en('Count to ten') }),
          competency('c2', 'A.2', [2]),
          competency('c3', ' ', [3], { title: en('Use fractions') }),
        ],
      }),
    );
    await fixture.whenStable();
    expect(visible()).toEqual([
      'A Area A',
      '1.1 Count to ten',
      'Sub A1',
      'A.2 A.2 title (1 data-quality warning)',
      'Uncategorised',
      '2.1 Use fractions',
    ]);
    const position = items()[1].querySelector('.code');
    expect(position?.classList).toContain('position');
    expect(position?.getAttribute('aria-hidden')).toBe('true');
    expect(items()[3].querySelector('.code')?.classList).not.toContain('position');
    expect(items()[3].querySelector('.code')?.textContent).toBe('A.2');
  });
});
