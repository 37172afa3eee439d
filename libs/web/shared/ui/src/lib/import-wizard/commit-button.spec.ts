import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CommitButton } from './commit-button';

@Component({
  imports: [CommitButton],
  template: `<app-commit-button [committing]="committing()" [retry]="retry()" (commitImport)="commits = commits + 1" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ConfirmStep {
  readonly committing = signal(false);
  readonly retry = signal(false);
  commits = 0;
}

describe('CommitButton', () => {
  let fixture: ComponentFixture<ConfirmStep>;
  const button = () => fixture.nativeElement.querySelector('[data-testid="commit-button"]') as HTMLButtonElement;
  const label = () => button().textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    fixture = TestBed.createComponent(ConfirmStep);
    await fixture.whenStable();
  });

  it('imports', () => {
    expect(label()).toBe('Import');
    expect(button().getAttribute('aria-disabled')).toBeNull();
    button().click();
    expect(fixture.componentInstance.commits).toBe(1);
  });

  it('says it is importing, with a spinner, and stays focusable while the import runs', async () => {
    fixture.componentInstance.committing.set(true);
    await fixture.whenStable();

    expect(label()).toBe('Importing…');
    expect(button().querySelector('mat-progress-spinner')?.getAttribute('aria-hidden')).toBe('true');
    expect([button().disabled, button().getAttribute('aria-disabled')]).toEqual([false, 'true']);
  });

  it('offers to try again after a failed import', async () => {
    fixture.componentInstance.retry.set(true);
    await fixture.whenStable();
    expect(label()).toBe('Try again');
  });
});
