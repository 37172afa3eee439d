import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiProblem } from '@proficio/web/shared/util';
import { UploadProblem } from './upload-problem';

@Component({
  imports: [UploadProblem],
  template: `
    <app-upload-problem [problem]="problem()" maxSize="25 MB" forbidden="Only administrators can import people.">
      <button type="button">Try again</button>
    </app-upload-problem>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly problem = signal<ApiProblem>({ status: 413, title: 'Payload Too Large' });
}

describe('UploadProblem', () => {
  let fixture: ComponentFixture<Host>;
  const shown = () => fixture.nativeElement.querySelector('app-upload-problem') as HTMLElement;
  const text = () => shown().textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
  });

  it('is an alert', () => {
    expect(shown().getAttribute('role')).toBe('alert');
    expect(shown().classList).toContain('problem');
  });

  it.each([
    [{ status: 413, title: 'Payload Too Large' }, 'The file is too large. Proficio imports files of up to 25 MB.'],
    [{ status: 403, title: 'Forbidden' }, 'Only administrators can import people.'],
    [{ status: 400, title: 'Bad Request', detail: 'the file is missing' }, 'Bad Request: the file is missing Try again'],
    [{ status: 0, title: 'The Proficio API could not be reached' }, 'The Proficio API could not be reached Try again'],
  ])('says why the upload of %j failed, offering what the page projects only for the API’s own problems', async (problem, words) => {
    fixture.componentInstance.problem.set(problem);
    await fixture.whenStable();

    expect(text()).toBe(words);
  });
});
