import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FrameworkWarning } from '@proficio/shared/contracts';
import { WarningIcon } from './warning-icon';

/** The data-quality warnings that apply to one text, shown right beside it. */
@Component({
  selector: 'app-warning-marker',
  imports: [WarningIcon],
  template: `
    @for (warning of warnings(); track $index) {
      <span class="warning-marker" data-testid="warning-marker">
        <app-warning-icon />
        <span><span class="visually-hidden">Data-quality warning: </span>{{ warning.message }}</span>
      </span>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .warning-marker {
      display: flex;
      gap: 0.375rem;
      align-items: flex-start;
      margin-top: 0.25rem;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WarningMarker {
  readonly warnings = input.required<FrameworkWarning[]>();
}
