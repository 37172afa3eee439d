import { ChangeDetectionStrategy, Component } from '@angular/core';

/** The warning triangle; decorative, so pair it with text. */
@Component({
  selector: 'app-warning-icon',
  template: `
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      width: 1.125em;
      height: 1.125em;
      vertical-align: -0.15em;
      color: var(--mat-sys-error);
    }
    svg {
      width: 100%;
      height: 100%;
      fill: currentColor;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WarningIcon {}
