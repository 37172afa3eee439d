import { ChangeDetectionStrategy, Component, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Subject } from 'rxjs';
import { ErrorSummary } from './error-summary';
import { SummarisedSubmit } from './summarised-submit';

@Component({
  imports: [ErrorSummary],
  template: `
    @if (submission.errors().length > 0) {
      <app-error-summary [items]="submission.errors()" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  private readonly summary = viewChild(ErrorSummary);
  readonly submission = new SummarisedSubmit(() => this.summary());
  readonly form = new FormGroup({ email: new FormControl('', { nonNullable: true, validators: [Validators.required] }) });
}

describe('SummarisedSubmit', () => {
  function setUp() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const host = fixture.componentInstance;
    const summary = () => fixture.nativeElement.querySelector('[data-testid="error-summary"]') as HTMLElement | null;
    return { fixture, host, submission: host.submission, summary };
  }

  it('marks every field and lists the field errors of an invalid form, focusing the summary', async () => {
    const { fixture, host, submission, summary } = setUp();
    expect(submission.check(host.form, () => [{ message: 'Enter your email address', fieldId: 'email' }])).toBe(false);
    expect(host.form.controls.email.touched).toBe(true);
    await fixture.whenStable();
    expect(summary()?.textContent).toContain('Enter your email address');
    expect(document.activeElement).toBe(summary());
  });

  it('passes a valid form without listing anything', () => {
    const { host, submission } = setUp();
    host.form.setValue({ email: 'sara@example.com' });
    expect(submission.check(host.form, () => [{ message: 'never' }])).toBe(true);
    expect(submission.errors()).toEqual([]);
  });

  it('is busy while the request is in flight, empties the summary and hands the answer on', () => {
    const { submission } = setUp();
    submission.show([{ message: 'Earlier problem' }]);
    const request = new Subject<string>();
    const answers: string[] = [];
    submission.run(
      request,
      (answer) => answers.push(answer),
      () => [],
    );
    expect(submission.busy()).toBe(true);
    expect(submission.errors()).toEqual([]);
    request.next('signed in');
    expect(answers).toEqual(['signed in']);
  });

  it('ends busy after a refusal and lists what the page makes of it, focusing the summary', async () => {
    const { fixture, submission, summary } = setUp();
    const request = new Subject<string>();
    submission.run(
      request,
      () => undefined,
      (error) => [{ message: `Refused: ${String(error)}` }],
    );
    request.error('401');
    expect(submission.busy()).toBe(false);
    await fixture.whenStable();
    expect(summary()?.textContent).toContain('Refused: 401');
    expect(document.activeElement).toBe(summary());
  });
});
