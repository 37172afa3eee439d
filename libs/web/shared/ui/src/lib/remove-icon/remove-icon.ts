import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * The cross of a button that removes something (a chip's `matChipRemove`), hidden from screen readers: the button
 * names what it removes in its `aria-label`.
 */
@Component({
  selector: 'app-remove-icon',
  template: `
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" width="18" height="18">
      <path fill="currentColor" d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RemoveIcon {}
