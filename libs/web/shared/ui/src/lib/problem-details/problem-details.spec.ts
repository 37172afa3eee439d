import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApiProblem } from '@proficio/web/shared/util';
import { ProblemDetails } from './problem-details';

@Component({
  imports: [ProblemDetails],
  template: `<app-problem-details [problem]="problem()" />`,
})
class Host {
  readonly problem = signal<ApiProblem>({ status: 422, title: 'Invalid file' });
}

describe('ProblemDetails', () => {
  function render(problem: ApiProblem) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.problem.set(problem);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the title with the detail, and each field the problem names', () => {
    const element = render({
      status: 422,
      title: 'Invalid file',
      detail: 'The file has 2 errors',
      errors: [
        { field: 'row 2.email', message: 'must be an email address' },
        { field: 'row 3.name', message: 'is required' },
      ],
    });
    expect(element.querySelector('p')?.textContent?.trim()).toBe('Invalid file: The file has 2 errors');
    expect(Array.from(element.querySelectorAll('li')).map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'row 2.email must be an email address',
      'row 3.name is required',
    ]);
  });

  it('shows the title alone, with no empty list, when there is nothing more', () => {
    const element = render({ status: 500, title: 'Internal Server Error' });
    expect(element.textContent?.trim()).toBe('Internal Server Error');
    expect(element.querySelector('ul')).toBeNull();
  });
});
