import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { FormControl } from '@angular/forms';
import { FrameworkSummary } from '@proficio/shared/contracts';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { PickerSearch, SearchPick, SearchPicker, pickedFrom, requirePick } from '@proficio/web/shared/ui';
import { SEARCH_ON_TYPE_DEBOUNCE_MS, withFrameworkVersion } from '@proficio/web/shared/util';

/** How long typing pauses before the frameworks are searched. */
export const FRAMEWORK_SEARCH_DEBOUNCE_MS = SEARCH_ON_TYPE_DEBOUNCE_MS;
/** How many frameworks the picker lists at once. */
export const FRAMEWORK_PICKER_SIZE = 10;

/** What a framework picker's control holds: the text typed, or the framework picked from the list. */
export type FrameworkPick = Exclude<SearchPick<FrameworkSummary>, null>;

/** The framework picked, or null while the field holds text (typing again unpicks it). */
export const pickedFramework = (value: FrameworkPick | null | undefined): FrameworkSummary | null => pickedFrom(value);

/** The framework picked in `control`; without one, the field says that one must be picked from the list, and null. */
export const requirePickedFramework = (control: FormControl<FrameworkPick>): FrameworkSummary | null => requirePick(control);

/**
 * A framework of the library, searched by code or name (`GET /api/frameworks?q=`) once typing pauses, the first ones
 * as soon as the field gets focus; the list says how many more match. `control` holds the text typed or the framework
 * picked; the error `required` (see `requirePickedFramework`) is said under the field.
 */
@Component({
  selector: 'app-framework-picker',
  imports: [SearchPicker],
  template: `
    <app-search-picker
      [control]="control()"
      [label]="label()"
      [hint]="hint()"
      placeholder="Type a code or name"
      [testId]="testId()"
      [search]="search"
      [labelOf]="nameOf"
      [optionLabelOf]="lineOf"
      [exclude]="exclude()"
      [errorMessages]="{ required: requiredMessage() }"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkPicker {
  private readonly api = inject(FrameworksApi);
  private readonly picker = viewChild.required(SearchPicker);

  /** The text typed, or the framework picked. */
  readonly control = input.required<FormControl<FrameworkPick>>();
  readonly label = input('Framework');
  readonly hint = input('Search by code or name');
  readonly requiredMessage = input('Choose a framework from the list');
  /** The key of a framework not to offer (one cannot pick the framework being changed). */
  readonly excludeKey = input<string | null>(null);
  readonly testId = input('framework-search');

  protected readonly search: PickerSearch<FrameworkSummary> = (q) => this.api.listFrameworks({ q, pageSize: FRAMEWORK_PICKER_SIZE });
  protected readonly exclude = computed(() => {
    const excluded = this.excludeKey();
    return (framework: FrameworkSummary) => framework.key === excluded;
  });
  protected readonly nameOf = (framework: FrameworkSummary): string => `${framework.code} · ${framework.name.text}`;
  protected readonly lineOf = (framework: FrameworkSummary): string =>
    `${withFrameworkVersion(framework.code, framework.versionLabel)} · ${framework.name.text}`;

  /** Moves focus to the search field (to a field that says what is missing, say). */
  focus(): void {
    this.picker().focus();
  }
}
