import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FrameworkVersionPipe, WithFrameworkVersionPipe } from './framework-version';

@Component({
  imports: [FrameworkVersionPipe, WithFrameworkVersionPipe],
  template: `<span data-testid="named">{{ code() | withFrameworkVersion: label() }}</span
    ><span data-testid="version">{{ label() | frameworkVersion: 'No version label' }}</span>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly code = signal('SFIA');
  readonly label = signal('9');
}

describe('the framework version pipes', () => {
  function render(label: string): { named: string; version: string } {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.label.set(label);
    fixture.detectChanges();
    const text = (id: string) => (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`)?.textContent;
    return { named: text('named') ?? '', version: text('version') ?? '' };
  }

  it('keep a real version label', () => {
    expect(render('9')).toEqual({ named: 'SFIA 9', version: '9' });
  });

  it.each(['unversioned', ''])('show a framework labelled %p as having no version', (label) => {
    expect(render(label)).toEqual({ named: 'SFIA', version: 'No version label' });
  });

  it('frameworkVersion shows nothing for no version unless told what to show', () => {
    const pipe = new FrameworkVersionPipe();
    expect(pipe.transform('unversioned')).toBe('');
    expect(pipe.transform('unversioned', '—')).toBe('—');
    expect(pipe.transform('4.0', '—')).toBe('4.0');
  });
});
