import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { EvidenceStatus } from '@proficio/shared/contracts';
import { STATUS_LABELS } from './evidence-text';

/** The status of evidence as a small coloured chip with its name in words (the colour is never the only cue). */
@Component({
  selector: 'app-evidence-status',
  template: `<span [class]="'chip ' + status()" data-testid="evidence-status">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 0.125rem 0.625rem;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .submitted {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .accepted {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .changes_requested {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .rejected {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceStatusChip {
  readonly status = input.required<EvidenceStatus>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
}
