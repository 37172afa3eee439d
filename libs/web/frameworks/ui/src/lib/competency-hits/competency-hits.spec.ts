import { TestBed } from '@angular/core/testing';
import { CompetencySearchHit, Page } from '@proficio/shared/contracts';
import { CompetencyHits } from './competency-hits';

const text = (text: string) => ({ text, language: 'en', fallback: false });
const hit = (id: string, code: string, title: string, framework = 'SFIA', versionLabel = '9'): CompetencySearchHit => ({
  id,
  code,
  title: text(title),
  framework: { id: `f-${framework}`, code: framework, name: text(framework), versionLabel, versionNumber: 1 },
  levels: [1, 2],
});
const pageOf = (items: CompetencySearchHit[], total = items.length): Page<CompetencySearchHit> => ({ items, total, page: 1, pageSize: 10 });

describe('CompetencyHits', () => {
  async function setUp(page: Page<CompetencySearchHit>, inputs: Record<string, unknown> = {}) {
    const fixture = TestBed.createComponent(CompetencyHits);
    fixture.componentRef.setInput('page', page);
    fixture.componentRef.setInput('q', 'support');
    fixture.componentRef.setInput('label', 'Competencies found');
    fixture.componentRef.setInput('testId', 'hits');
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    const picked: CompetencySearchHit[] = [];
    fixture.componentInstance.picked.subscribe((value) => picked.push(value));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const lines = () =>
      Array.from(root.querySelectorAll('[data-testid="hits"] button')).map((button) => [
        button.querySelector('[matListItemTitle]')?.textContent?.trim(),
        button.querySelector('[matListItemLine]')?.textContent?.trim(),
      ]);
    return { root, lines, picked };
  }

  it('lists each hit by name over its framework and version, under the label given', async () => {
    const { root, lines } = await setUp(pageOf([hit('c1', 'USUP', 'User support'), hit('c2', '', 'Teamwork', 'SMP', '')]));
    expect(root.querySelector('mat-action-list')?.getAttribute('aria-label')).toBe('Competencies found');
    expect(lines()).toEqual([
      ['USUP User support', 'SFIA 9'],
      ['Teamwork', 'SMP'],
    ]);
    expect(root.querySelector('.meta')).toBeNull();
  });

  it('names hits and adds a note after the framework as the page asks', async () => {
    const { lines } = await setUp(pageOf([hit('c1', 'USUP', 'User support'), hit('c2', 'PROG', 'Programming')]), {
      name: (found: CompetencySearchHit) => found.title.text,
      note: (found: CompetencySearchHit) => (found.id === 'c2' ? ' · in the profile' : ''),
    });
    expect(lines()).toEqual([
      ['User support', 'SFIA 9'],
      ['Programming', 'SFIA 9 · in the profile'],
    ]);
  });

  it('hands the hit clicked on', async () => {
    const first = hit('c1', 'USUP', 'User support');
    const { root, picked } = await setUp(pageOf([first, hit('c2', 'PROG', 'Programming')]));
    root.querySelector<HTMLButtonElement>('[data-testid="hits"] button')?.click();
    expect(picked).toEqual([first]);
  });

  it('says how many of how many it shows when the search found more', async () => {
    const { root } = await setUp(pageOf([hit('c1', 'USUP', 'User support')], 1234));
    expect(root.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Showing 1 of 1,234: type more to narrow the search.',
    );
  });

  it('says that nothing matches the search', async () => {
    const { root } = await setUp(pageOf([]));
    expect(root.querySelector('.empty')?.textContent).toBe('No competency matches “support”.');
    expect(root.querySelector('mat-action-list')).toBeNull();
  });
});
