import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { QueryParams } from '@proficio/web/shared/util';

/** One choice of a list's filter: the value the URL holds and the words shown for it. */
export interface FilterOption {
  readonly value: string;
  readonly label: string;
  /** How deep the choice sits in a tree (a team under its parent), indented by as much. */
  readonly depth?: number;
}

/** A filter that picks one of a few values, or none, kept in the query parameter `param`. */
export interface SelectFilter {
  /** The query parameter it sets (`state` for `?state=`). */
  readonly param: string;
  readonly label: string;
  /** The words of the choice that is no filter ("Any state", "All teams"). */
  readonly anyLabel: string;
  readonly options: readonly FilterOption[];
  /** The select's `data-testid`. */
  readonly testId?: string;
  /** A line under the field (that its choices could not be loaded). */
  readonly hint?: string;
  /** The field's width (`16rem`), never wider than the row; Material's own without it. */
  readonly width?: string;
}

/** Named things (teams, role profiles, cycles) as a filter's options: each one's id chosen by its name. */
export function namedOptions(items: readonly { readonly id: string; readonly name: string; readonly depth?: number }[]): FilterOption[] {
  return items.map((item) => ({ value: item.id, label: item.name, depth: item.depth }));
}

/**
 * A list page's select filters, described as data: each shows the value `query` has for its `param` (none when it
 * has none), offers no filter first ("Any state") and then its options, and emits `filtered` with the query
 * parameter to set for each choice the user makes (`null` for no filter), e.g. `{ state: 'discussion' }`. Its fields
 * take part in the page's row of filters as if they were the page's own.
 *
 * ```html
 * <div class="filters" role="search" aria-label="Reviews">
 *   <app-select-filters [filters]="filters()" [query]="query()" (filtered)="list.filter($event)" />
 * </div>
 * ```
 */
@Component({
  selector: 'app-select-filters',
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    @for (filter of filters(); track filter.param) {
      <mat-form-field
        appearance="outline"
        subscriptSizing="dynamic"
        [style.width]="filter.width ? 'min(' + filter.width + ', 100%)' : null"
      >
        <mat-label>{{ filter.label }}</mat-label>
        <mat-select [value]="valueOf(filter)" (selectionChange)="select(filter, $event)" [attr.data-testid]="filter.testId ?? null">
          <mat-option value="">{{ filter.anyLabel }}</mat-option>
          @for (option of filter.options; track option.value) {
            <mat-option [value]="option.value" [style.padding-inline-start.rem]="option.depth === undefined ? null : 1 + option.depth">
              {{ option.label }}
            </mat-option>
          }
        </mat-select>
        @if (filter.hint) {
          <mat-hint>{{ filter.hint }}</mat-hint>
        }
      </mat-form-field>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelectFilters {
  readonly filters = input.required<readonly SelectFilter[]>();
  /** The filters in force, by query parameter (usually the list's query from the URL); `''` or `null` for none. */
  readonly query = input.required<object>();
  readonly filtered = output<QueryParams>();

  protected valueOf(filter: SelectFilter): string {
    const value: unknown = (this.query() as Record<string, unknown>)[filter.param];
    return typeof value === 'string' ? value : '';
  }

  protected select(filter: SelectFilter, event: MatSelectChange<string>): void {
    this.filtered.emit({ [filter.param]: event.value || null });
  }
}
