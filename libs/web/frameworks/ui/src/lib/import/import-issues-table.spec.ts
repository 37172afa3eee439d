import { TestBed } from '@angular/core/testing';
import { ImportIssuesTable } from './import-issues-table';

const squash = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';

describe('ImportIssuesTable', () => {
  it('lists each issue with its place, in a named table', async () => {
    const fixture = TestBed.createComponent(ImportIssuesTable);
    fixture.componentRef.setInput('caption', 'Errors in broken.csv');
    fixture.componentRef.setInput('kind', 'error');
    fixture.componentRef.setInput('issues', [
      { location: 'row 12, column 4 (Scale values)', message: 'is not a list' },
      { location: '', message: 'is empty' },
    ]);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(squash(root.querySelector('caption')?.textContent)).toBe('Errors in broken.csv');
    expect(root.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Errors in broken.csv');
    expect(Array.from(root.querySelectorAll('th')).map((th) => squash(th.textContent))).toEqual(['Where', 'Error']);
    const rows = Array.from(root.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => squash(td.textContent)),
    );
    expect(rows).toEqual([
      ['row 12, column 4 (Scale values)', 'is not a list'],
      ['The whole file', 'is empty'],
    ]);
  });
});
