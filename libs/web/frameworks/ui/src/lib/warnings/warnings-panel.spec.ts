import { TestBed } from '@angular/core/testing';
import { OutlinedFramework } from '../outline/framework-outline';
import { tinyTree } from '../testing-tree';
import { WarningsPanel, WarningTarget } from './warnings-panel';

describe('WarningsPanel', () => {
  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

  async function render(tree: OutlinedFramework) {
    const fixture = TestBed.createComponent(WarningsPanel);
    fixture.componentRef.setInput('tree', tree);
    const shown: WarningTarget[] = [];
    fixture.componentInstance.showWarning.subscribe((target) => shown.push(target));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const texts = (selector: string) => Array.from(element.querySelectorAll(selector)).map((node) => squash(node.textContent));
    return { element, texts, shown };
  }

  it('lists the data-quality warnings with where they apply, and the warnings of the imported file with their place in it', async () => {
    const { element, texts, shown } = await render(
      tinyTree({
        warnings: [{ code: 'empty-level', message: 'The level has no description.', location: '/competencies/1/levels/0' }],
        importWarnings: [
          { severity: 'warning', message: 'Column "Taxonomy" is not read.', location: 'row 1, column 12 (Taxonomy)' },
          { severity: 'warning', message: 'The file declares no version.', location: '' },
        ],
      }),
    );

    expect(texts('h3')).toEqual(['Data quality (1)', 'From the imported file (2)']);
    expect(texts('li .message')).toEqual(['The level has no description.']);
    const rows = Array.from(element.querySelectorAll('[data-testid="import-warnings"] tbody tr'));
    expect(rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => squash(cell.textContent)))).toEqual([
      ['row 1, column 12 (Taxonomy)', 'Column "Taxonomy" is not read.'],
      ['The whole file', 'The file declares no version.'],
    ]);
    expect(element.querySelector('[data-testid="import-warnings"] [role="region"]')?.getAttribute('aria-label')).toBe(
      'Warnings of the file this version was imported from',
    );

    element.querySelector<HTMLButtonElement>('li button')?.click();
    expect(shown).toEqual([{ competencyId: 'c2', level: 2 }]);
  });

  it('says there are no data-quality warnings, and shows no import section for a version without import warnings', async () => {
    const { element, texts } = await render(tinyTree());
    expect(texts('h3')).toEqual(['Data quality (0)']);
    expect(squash(element.querySelector('.none')?.textContent)).toBe('No data-quality warnings.');
    expect(element.querySelector('[data-testid="import-warnings"]')).toBeNull();
  });
});
