import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { loaded } from '@proficio/web/shared/util';
import { textOf } from '@proficio/web/shared/util/testing';
import { Subject } from 'rxjs';
import { LoadedContent } from './loaded-content';

@Component({
  imports: [LoadedContent],
  template: `<app-loaded-content what="your role" testId="role" [loaded]="role"
    ><p class="content">{{ role.value() }}</p></app-loaded-content
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  answers = new Subject<string>();
  readonly role = loaded(() => this.answers);
}

describe('LoadedContent', () => {
  async function create() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  it('shows a labelled spinner while loading, then the content', async () => {
    const { fixture, root } = await create();
    expect(root.querySelector('[data-testid="role-loading"] [role="progressbar"]')?.getAttribute('aria-label')).toBe('Loading your role');
    expect(root.querySelector('app-loaded-content')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.content')).toBeNull();

    fixture.componentInstance.answers.next('Service Desk Analyst');
    await fixture.whenStable();
    expect(textOf(root.querySelector('.content'))).toBe('Service Desk Analyst');
    expect(root.querySelector('[data-testid="role-loading"]')).toBeNull();
  });

  it('says what could not be loaded and loads again on "Try again"', async () => {
    const { fixture, root } = await create();
    fixture.componentInstance.answers.error(new Error('offline'));
    await fixture.whenStable();
    const error = root.querySelector('[data-testid="role-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('Could not load your role.');
    expect(root.querySelector('.content')).toBeNull();

    fixture.componentInstance.answers = new Subject<string>();
    (error?.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="role-error"]')).toBeNull();
    expect(root.querySelector('[data-testid="role-loading"]')).not.toBeNull();
  });
});
