import { HttpErrorResponse } from '@angular/common/http';
import { Component, ElementRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Subject, throwError } from 'rxjs';
import { FormPageSave } from './form-page-save';
import { serverError } from './server-errors';

@Component({
  template: `<div class="mat-form-field-invalid"><input data-testid="manager" /></div>
    <div tabindex="-1" data-testid="summary"></div>`,
})
class Page {
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    manager: new FormControl(''),
  });
  readonly summary = signal<ElementRef<HTMLElement> | undefined>(undefined);
  readonly save = new FormPageSave(this.form, { fields: { managerId: 'manager' }, summary: this.summary });
}

const refusal = (body: object, status = 422) => throwError(() => new HttpErrorResponse({ status, error: body }));

describe('FormPageSave', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setUp() {
    const fixture = TestBed.createComponent(Page);
    fixture.detectChanges();
    const page = fixture.componentInstance;
    const byTestId = (id: string) => fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLElement;
    return { page, byTestId };
  }

  it('is ready only with a valid form and no save in flight, marking every field so its error shows', () => {
    const { page } = setUp();
    expect(page.save.ready()).toBe(false);
    expect(page.form.controls.name.touched).toBe(true);
    page.form.controls.name.setValue('Sara');
    expect(page.save.ready()).toBe(true);
    page.save.run(new Subject<void>(), () => undefined);
    expect([page.save.saving(), page.save.ready()]).toEqual([true, false]);
  });

  it('hands on the answer and stops asking about changes once saved', () => {
    const { page } = setUp();
    page.form.markAsDirty();
    expect(page.save.hasUnsavedChanges()).toBe(true);
    const answers: string[] = [];
    const request = new Subject<string>();
    page.save.run(request, (answer) => answers.push(answer));
    request.next('saved');
    expect(answers).toEqual(['saved']);
    expect(page.save.hasUnsavedChanges()).toBe(false);
  });

  it('puts a refusal on the fields it names, focuses the first field at fault, and lets the user save again', () => {
    const { page, byTestId } = setUp();
    page.save.run(refusal({ title: 'Invalid', errors: [{ field: 'managerId', message: 'would make a cycle' }] }), () => undefined);
    expect(serverError(page.form.controls.manager)).toBe('would make a cycle');
    expect([page.save.saving(), page.save.problems()]).toEqual([false, []]);
    jest.runAllTimers();
    expect(document.activeElement).toBe(byTestId('manager'));
  });

  it('lists what no field can show, reworded as the page asks, and focuses the summary that lists it', () => {
    const { page, byTestId } = setUp();
    page.summary.set(new ElementRef(byTestId('summary')));
    page.save.run(
      refusal({ title: 'Conflict', detail: 'Sales has 3 members.' }, 409),
      () => undefined,
      (problem) => ({ ...problem, detail: `${problem.detail} Pick another team.` }),
    );
    expect(page.save.problems()).toEqual(['Sales has 3 members. Pick another team.']);
    jest.runAllTimers();
    expect(document.activeElement).toBe(byTestId('summary'));
  });
});
