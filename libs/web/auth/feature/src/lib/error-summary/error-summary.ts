import { ChangeDetectionStrategy, Component, ElementRef, input, viewChild } from '@angular/core';

/** One line of an error summary; with `fieldId` it links to (focuses) that field. */
export interface ErrorSummaryItem {
  readonly message: string;
  readonly fieldId?: string;
}

/** The lines for the fields in `fieldIds` that have an error (`errorFor`), in their order, each linked to its field. */
export function fieldErrorItems<F extends string>(
  fieldIds: Readonly<Record<F, string>>,
  errorFor: (field: F) => string | null,
): ErrorSummaryItem[] {
  return (Object.keys(fieldIds) as F[]).flatMap((field) => {
    const message = errorFor(field);
    return message ? [{ message, fieldId: fieldIds[field] }] : [];
  });
}

/**
 * The list of what is wrong with a form, shown above it after a failed submit. The page moves
 * focus here (`focus()`) so screen-reader and keyboard users hear the problem at once; each
 * linked line moves focus to its field.
 */
@Component({
  selector: 'app-error-summary',
  template: `
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" #box data-testid="error-summary">
      <h2 id="error-summary-title">{{ heading() }}</h2>
      <ul>
        @for (item of items(); track $index) {
          <li>
            @if (item.fieldId; as fieldId) {
              <a [href]="'#' + fieldId" (click)="focusField($event, fieldId)">{{ item.message }}</a>
            } @else {
              {{ item.message }}
            }
          </li>
        }
      </ul>
    </div>
  `,
  styles: `
    .error-summary {
      margin: 0 0 1.5rem;
      padding: 1rem 1.25rem;
      border: 3px solid var(--mat-sys-error);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
    }
    h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    a {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorSummary {
  readonly items = input.required<readonly ErrorSummaryItem[]>();
  readonly heading = input('There is a problem');

  private readonly box = viewChild.required<ElementRef<HTMLElement>>('box');

  focus(): void {
    this.box().nativeElement.focus();
  }

  /** In-page links would change the URL (and, with `<base href>`, leave the page); focus the field instead. */
  protected focusField(event: Event, fieldId: string): void {
    event.preventDefault();
    document.getElementById(fieldId)?.focus();
  }
}
