import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { WarningIcon } from './warning-icon';
import { LocalNumberPipe } from '@proficio/web/shared/ui';

/** "⚠ 3" with the accessible text "3 data-quality warnings"; nothing when there are none. */
@Component({
  selector: 'app-warnings-badge',
  imports: [LocalNumberPipe, WarningIcon],
  template: `
    @if (count() > 0) {
      <span class="warnings-badge" data-testid="warnings-badge">
        <app-warning-icon />
        <span aria-hidden="true">{{ count() | localNumber }}</span>
        <span class="visually-hidden">{{ label() }}</span>
      </span>
    }
  `,
  styles: `
    .warnings-badge {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
      padding: 0.125rem 0.5rem;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    app-warning-icon {
      color: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WarningsBadge {
  readonly count = input.required<number>();

  protected readonly label = computed(() => `${this.count()} data-quality warning${this.count() === 1 ? '' : 's'}`);
}
