import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FrameworkTree, ScaleLevelView } from '@proficio/shared/contracts';
import { distinctLevelLabel } from '../outline/framework-outline';
import { FallbackMarker } from '../text/fallback-marker';

/** The framework's level scale: each level's code, label and generic description (SFIA: its essence). */
@Component({
  selector: 'app-scale-panel',
  imports: [FallbackMarker],
  template: `
    <ol class="scale" [attr.aria-label]="scale().name.text">
      @for (level of scale().levels; track level.number) {
        <li [attr.data-level]="level.number">
          <p class="name">
            <span class="code">{{ level.code }}</span>
            @if (hasOwnLabel(level)) {
              <span [attr.lang]="level.label.language"> {{ level.label.text }}</span>
              <app-fallback-marker [value]="level.label" />
            }
          </p>
          @if (level.description; as description) {
            <p class="description">
              <span [attr.lang]="description.language">{{ description.text }}</span>
              <app-fallback-marker [value]="description" />
            </p>
          }
          @if (level.guidingPhrase; as phrase) {
            <p class="phrase">
              <span [attr.lang]="phrase.language">{{ phrase.text }}</span>
              <app-fallback-marker [value]="phrase" />
            </p>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .scale {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25rem;
      padding: 0.625rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    p {
      margin: 0;
    }
    .name {
      font: var(--mat-sys-title-small);
    }
    .code {
      display: inline-block;
      min-width: 2rem;
      margin-inline-end: 0.5rem;
      color: var(--mat-sys-primary);
    }
    .description {
      font: var(--mat-sys-body-medium);
    }
    .phrase {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      font-style: italic;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScalePanel {
  readonly scale = input.required<FrameworkTree['scale']>();

  protected hasOwnLabel(level: ScaleLevelView): boolean {
    return distinctLevelLabel(level) !== '';
  }
}
