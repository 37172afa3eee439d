import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NameField } from './name-field';

@Component({
  imports: [NameField, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" novalidate>
      <app-name-field [control]="form.controls.name" [maxlength]="20" />
    </form>
  `,
})
class Host {
  readonly form = new FormGroup({ name: new FormControl('', { nonNullable: true, validators: [Validators.required] }) });
}

describe('NameField', () => {
  function setUp() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const input = element.querySelector('input') as HTMLInputElement;
    const error = () => element.querySelector('mat-error')?.textContent?.trim() ?? null;
    return { fixture, element, input, error, control: fixture.componentInstance.form.controls.name };
  }

  it('is the Name field, taking focus first in its dialog and no more than the given characters', () => {
    const { element, input } = setUp();
    expect(element.querySelector('mat-label')?.textContent).toBe('Name');
    expect(input.getAttribute('maxlength')).toBe('20');
    expect(input.hasAttribute('cdkFocusInitial')).toBe(true);
    expect(input.getAttribute('autocomplete')).toBe('off');
  });

  it('edits the control it is given', () => {
    const { input, control } = setUp();
    input.value = 'Service Desk';
    input.dispatchEvent(new Event('input'));
    expect(control.value).toBe('Service Desk');
  });

  it('asks for a name once touched and empty, and says nothing before', () => {
    const { fixture, error, control } = setUp();
    expect(error()).toBeNull();
    control.markAsTouched();
    fixture.detectChanges();
    expect(error()).toBe('Enter a name');
  });

  it("shows the API's word on the name after the word Name", () => {
    const { fixture, error, control } = setUp();
    control.setValue('Platform');
    control.setErrors({ server: 'is already used by another team' });
    control.markAsTouched();
    fixture.detectChanges();
    expect(error()).toBe('Name is already used by another team');
  });
});
