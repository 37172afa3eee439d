import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * A finished step's icon in the wizards' steppers (`<ng-template matStepperIcon="done">` and `"edit"`): the
 * stepper's own icons are Material Icons ligatures, and Proficio loads no icon font, so a check mark is drawn.
 */
@Component({
  selector: 'app-step-done-icon',
  template: `
    <svg class="step-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" />
    </svg>
    <span class="visually-hidden">Completed:</span>
  `,
  styles: `
    .step-icon {
      width: 16px;
      height: 16px;
      fill: currentColor;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepDoneIcon {}
