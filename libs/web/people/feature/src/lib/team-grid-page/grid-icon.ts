import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** The marks a team-grid cell can carry; each is explained in words (the legend, the cell's accessible name). */
export type GridIconName = 'stale' | 'earlier-version' | 'changed' | 'error' | 'conflict';

const PATHS: Record<GridIconName, string> = {
  stale:
    'M11.99 2C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2ZM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8Zm.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67Z',
  'earlier-version':
    'M13 3a9 9 0 0 0-9 9H1l3.89 3.89.07.14L9 12H6c0-3.87 3.13-7 7-7s7 3.13 7 7-3.13 7-7 7c-1.93 0-3.68-.79-4.94-2.06l-1.42 1.42A8.954 8.954 0 0 0 13 21a9 9 0 0 0 0-18Zm-1 5v5l4.28 2.54.72-1.21-3.5-2.08V8H12Z',
  changed:
    'M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25ZM20.71 7.04a.996.996 0 0 0 0-1.41l-2.34-2.34a.996.996 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83Z',
  error: 'M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z',
  conflict:
    'M3 12c0 2.21.91 4.2 2.36 5.64L3 20h6v-6l-2.24 2.24A6.003 6.003 0 0 1 5 12a5.99 5.99 0 0 1 4-5.65V4.26C5.55 5.15 3 8.27 3 12Zm8 5h2v-2h-2v2ZM21 4h-6v6l2.24-2.24A6.003 6.003 0 0 1 19 12a5.99 5.99 0 0 1-4 5.65v2.09c3.45-.89 6-4.01 6-7.74 0-2.21-.91-4.2-2.36-5.64L21 4Zm-10 9h2V7h-2v6Z',
};

/** A small mark in a team-grid cell or its legend; hidden from assistive technology, which reads the words instead. */
@Component({
  selector: 'app-grid-icon',
  template: `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path [attr.d]="path()" /></svg>`,
  styles: `
    :host {
      display: inline-flex;
      vertical-align: middle;
    }
    svg {
      width: 1rem;
      height: 1rem;
      fill: currentColor;
    }
  `,
  host: { '[attr.data-icon]': 'name()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GridIcon {
  readonly name = input.required<GridIconName>();
  protected readonly path = computed(() => PATHS[this.name()]);
}
