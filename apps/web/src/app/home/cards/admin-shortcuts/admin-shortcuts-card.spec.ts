import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AdminShortcutsCard } from './admin-shortcuts-card';

describe('AdminShortcutsCard', () => {
  it('links the pages administrators start from: import people, add a person, role profiles, import a framework, audit log', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(AdminShortcutsCard);
    await fixture.whenStable();
    const links = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('a'));
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Import people', '/people-imports'],
      ['Add a person', '/people/new'],
      ['Role profiles', '/role-profiles'],
      ['Import a framework', '/frameworks/import'],
      ['Audit log', '/audit-events'],
    ]);
  });
});
