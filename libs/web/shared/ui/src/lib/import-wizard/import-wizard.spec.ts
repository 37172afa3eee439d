import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatStepperModule } from '@angular/material/stepper';
import { IMPORT_STEPS, ImportWizard } from './import-wizard';
import { StepDoneIcon } from './step-done-icon';

@Component({
  imports: [ImportWizard, MatStepperModule, StepDoneIcon],
  template: `
    <mat-stepper linear appImportWizard>
      <ng-template matStepperIcon="done"><app-step-done-icon /></ng-template>
      <ng-template matStepperIcon="edit"><app-step-done-icon /></ng-template>
      <mat-step label="Upload" [completed]="uploaded()"><h2 #stepHeading tabindex="-1">Upload a file</h2></mat-step>
      <mat-step label="Preview" [completed]="uploaded()"><h2 #stepHeading tabindex="-1">Preview</h2></mat-step>
      <mat-step label="Confirm"><h2 #stepHeading tabindex="-1">Confirm</h2></mat-step>
      <mat-step label="Done"><h2 #stepHeading tabindex="-1">Done</h2></mat-step>
    </mat-stepper>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Wizard {
  readonly wizard = viewChild.required(ImportWizard);
  readonly uploaded = signal(false);
}

describe('ImportWizard', () => {
  let fixture: ComponentFixture<Wizard>;
  let root: HTMLElement;
  const settle = () => fixture.whenStable();
  const selectedLabel = () => root.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    fixture = TestBed.createComponent(Wizard);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await settle();
  });

  afterEach(() => root.remove());

  it('goes to a step once the steps before it are completed, and focuses its heading', async () => {
    fixture.componentInstance.uploaded.set(true);
    fixture.componentInstance.wizard().goTo(IMPORT_STEPS.preview);
    await settle();
    await settle();

    expect(selectedLabel()).toContain('Preview');
    expect(document.activeElement?.textContent).toBe('Preview');
  });

  it('stays on the step a linear stepper may not leave yet', async () => {
    fixture.componentInstance.wizard().goTo(IMPORT_STEPS.confirm);
    await settle();

    expect(selectedLabel()).toContain('Upload');
    expect(document.activeElement).toBe(document.body);
  });

  it('focuses the heading of a step chosen in the step headers too, and draws completed steps with a check mark', async () => {
    fixture.componentInstance.uploaded.set(true);
    await settle();
    (root.querySelectorAll('[role="tab"]')[2] as HTMLElement).click();
    await settle();
    await settle();

    expect(document.activeElement?.textContent).toBe('Confirm');
    const completed = Array.from(root.querySelectorAll('app-step-done-icon')).map((icon) => icon.textContent?.trim());
    expect(completed).toEqual(['Completed:', 'Completed:']);
    expect(root.querySelector('app-step-done-icon svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});
