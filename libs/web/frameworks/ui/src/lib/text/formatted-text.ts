import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TextValue } from '@proficio/shared/contracts';
import { FallbackMarker } from './fallback-marker';
import { textBlocks } from './text-blocks';

/** A multi-line framework text: line breaks kept, lines starting with "- " shown as a list. */
@Component({
  selector: 'app-formatted-text',
  imports: [FallbackMarker],
  template: `
    <div class="formatted-text" [attr.lang]="value().language">
      @for (block of blocks(); track $index; let last = $last) {
        @if (block.kind === 'list') {
          <ul>
            @for (item of block.items; track $index) {
              <li>{{ item }}</li>
            }
          </ul>
        } @else {
          <p>
            @for (line of block.lines; track $index; let lastLine = $last) {
              {{ line }}
              @if (!lastLine) {
                <br />
              }
            }
            @if (last) {
              <app-fallback-marker [value]="value()" />
            }
          </p>
        }
      }
      @if (blocks().at(-1)?.kind === 'list') {
        <app-fallback-marker [value]="value()" />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    p,
    ul {
      margin: 0 0 0.75rem;
    }
    ul {
      padding-inline-start: 1.5rem;
    }
    li + li {
      margin-top: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormattedText {
  readonly value = input.required<TextValue>();

  protected readonly blocks = computed(() => textBlocks(this.value().text));
}
