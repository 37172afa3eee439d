import { ComponentFixture, TestBed } from '@angular/core/testing';
import { competency, en, tinyTree } from '../testing-tree';
import { WarningIndex } from '../warnings/warning-index';
import { CategoryTree } from './category-tree';

describe('CategoryTree', () => {
  let fixture: ComponentFixture<CategoryTree>;
  let selected: string[];

  const items = (): HTMLElement[] => Array.from(fixture.nativeElement.querySelectorAll('[role="treeitem"]'));
  const visible = (): string[] =>
    items()
      .filter((item) => item.style.display !== 'none')
      .map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const press = async (item: HTMLElement, key: string) => {
    item.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
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
  });

  it('moves with the arrow keys, collapses and expands categories, and opens a competency with Enter', async () => {
    items()[0].focus();
    await press(items()[0], 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);

    await press(items()[1], 'ArrowDown');
    expect(document.activeElement).toBe(items()[2]);
    await press(items()[2], 'ArrowLeft');
    expect(items()[2].getAttribute('aria-expanded')).toBe('false');
    expect(visible()).not.toContain('A.2 A.2 title (1 data-quality warning)');
    await press(items()[2], 'ArrowRight');
    expect(items()[2].getAttribute('aria-expanded')).toBe('true');

    await press(items()[2], 'ArrowUp');
    await press(items()[1], 'Enter');
    expect(selected).toEqual(['c1']);
  });

  it('opens a competency on click but not a category', async () => {
    items()[5].click();
    items()[0].click();
    await fixture.whenStable();
    expect(selected).toEqual(['c3']);
    expect(items()[0].getAttribute('aria-expanded')).toBe('false');
    expect(visible()).toEqual(['A Area A', 'Uncategorised', 'X X title']);
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
