import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TextValue } from '@proficio/shared/contracts';
import { languageName } from './language-names';

/** A small "shown in Italian" note beside a text the API returned in a fallback language. */
@Component({
  selector: 'app-fallback-marker',
  template: `
    @if (value()?.fallback) {
      <span class="fallback-marker" data-testid="fallback-marker">shown in {{ language() }}</span>
    }
  `,
  styles: `
    .fallback-marker {
      display: inline-block;
      margin-inline-start: 0.5em;
      padding: 0 0.4em;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-extra-small);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
      vertical-align: middle;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FallbackMarker {
  readonly value = input<TextValue | undefined>();

  protected readonly language = computed(() => languageName(this.value()?.language ?? ''));
}
